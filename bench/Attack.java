import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory attack mix against a server on this machine (127.0.0.1 only), run by bench/attack: at C connections for at
 * most S seconds, requests that each ask for much memory (large CONSTRUCTs in Turtle, JSON-LD and N-Triples, GROUP_CONCAT
 * over a product of patterns, DESCRIBE of everything, the dumps, the Graph Store read, the runaway path), while
 * {@code /health} is asked every second. Prints one JSON line: requests and statuses per kind, connection errors, the
 * slowest {@code /health}, and whether the server still answered at the end.
 * <pre>
 *   java bench/Attack.java PORT CONNECTIONS SECONDS [KIND,KIND...]
 * </pre>
 */
public class Attack {
    record Kind(String name, String method, String path, String body, String accept) {}

    static final String PRODUCT = "?a ?p ?b . ?c ?q ?d";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        String base = "http://127.0.0.1:" + port;
        List<Kind> kinds = List.of(
                new Kind("construct-turtle", "POST", "/kg/sparql", "CONSTRUCT { ?a ?p ?d } WHERE { " + PRODUCT + " }", "text/turtle"),
                new Kind("construct-jsonld", "POST", "/kg/sparql", "CONSTRUCT { ?a ?q ?b } WHERE { " + PRODUCT + " }", "application/ld+json"),
                new Kind("construct-ntriples", "POST", "/kg/sparql", "CONSTRUCT { ?c ?p ?b } WHERE { " + PRODUCT + " }", "application/n-triples"),
                new Kind("group-concat-product", "POST", "/kg/sparql", "SELECT (GROUP_CONCAT(STR(?d)) AS ?x) WHERE { " + PRODUCT + " }",
                        "application/sparql-results+json"),
                new Kind("group-by-product", "POST", "/kg/sparql", "SELECT ?a ?d (COUNT(*) AS ?n) WHERE { " + PRODUCT + " } GROUP BY ?a ?d",
                        "application/sparql-results+json"),
                new Kind("describe-everything", "POST", "/kg/sparql", "DESCRIBE ?s WHERE { ?s ?p ?o }", "text/turtle"),
                new Kind("describe-jsonld", "POST", "/kg/sparql", "DESCRIBE ?s WHERE { ?s ?p ?o }", "application/ld+json"),
                new Kind("runaway-path", "POST", "/kg/sparql",
                        "SELECT (COUNT(*) AS ?n) WHERE { ?s ((!<urn:p>)*/(!<urn:p>)*/(^!<urn:p>)*)+ ?o }", "text/csv"),
                new Kind("order-by-product", "POST", "/kg/sparql", "SELECT * WHERE { " + PRODUCT + " } ORDER BY ?d ?b LIMIT 10",
                        "text/csv"),
                new Kind("dump-nq", "GET", "/dumps/dataset.nq", null, "*/*"),
                new Kind("dump-jsonld", "GET", "/dumps/dataset.jsonld", null, "*/*"),
                new Kind("dump-ttl", "GET", "/dumps/dataset.ttl", null, "*/*"),
                new Kind("graph-store", "GET", "/kg/get", null, "application/trig"),
                new Kind("graph-store-jsonld", "GET", "/kg/get", null, "application/ld+json"));
        List<Kind> run = args.length > 3 ? kinds.stream().filter(k -> List.of(args[3].split(",")).contains(k.name())).toList() : kinds;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        Map<String, Map<String, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            int offset = c;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < until) {
                    Kind k = run.get(i++ % run.size());
                    // each query its own text (the answers are kept, and a kept answer costs nothing)
                    String body = k.body() == null ? null : k.body() + " # " + requests.get();
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + k.path())).timeout(Duration.ofSeconds(30))
                            .header("Accept", k.accept());
                    if (k.method().equals("POST"))
                        b.header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(body));
                    String outcome;
                    try {
                        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream in = r.body()) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                        outcome = Integer.toString(r.statusCode());
                    } catch (IOException e) {
                        // a 200 broken off on purpose (an answer past the size limit once started) reads as a reset
                        outcome = "broken-off";
                    } catch (InterruptedException e) {
                        return;
                    }
                    requests.incrementAndGet();
                    statuses.computeIfAbsent(k.name(), x -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, x -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
        }
        long worstHealth = 0;
        int healthFailures = 0;
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < until) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200)
                    healthFailures++;
                worstHealth = Math.max(worstHealth, (System.nanoTime() - t0) / 1_000_000);
            } catch (IOException e) {
                healthFailures++;
            }
            Thread.sleep(1_000);
        }
        pool.shutdown();
        boolean ended = pool.awaitTermination(40, TimeUnit.SECONDS);
        pool.shutdownNow();
        boolean alive;
        try {
            alive = probe.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            alive = false;
        }
        StringBuilder json = new StringBuilder("{\"requests\":" + requests.get() + ",\"connections\":" + connections
                + ",\"health_worst_ms\":" + worstHealth + ",\"health_failures\":" + healthFailures + ",\"alive_after\":" + alive
                + ",\"clients_ended\":" + ended + ",\"by_kind\":{");
        Map<String, Map<String, AtomicInteger>> sorted = new TreeMap<>(statuses);
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, m) -> {
            List<String> s = new ArrayList<>();
            new TreeMap<>(m).forEach((st, n) -> s.add("\"" + st + "\":" + n.get()));
            parts.add("\"" + k + "\":{" + String.join(",", s) + "}");
        });
        json.append(String.join(",", parts)).append("}}");
        System.out.println(json);
        System.exit(alive && healthFailures == 0 ? 0 : 1);
    }
}
