import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load of mixed requests against a server on this machine (127.0.0.1 only), run by bench/load.
 * <pre>
 *   java bench/LoadTest.java PORT REQUESTS CONNECTIONS PATHOLOGICAL_PERCENT SECONDS_AT_MOST [LABEL]
 * </pre>
 * Kinds: canned (the API), page (landing, results and resource pages), adhoc (small SPARQL queries), and, for the
 * given share, pathological (a regular expression that never ends, a cross join that is too large, a body over the
 * limit, a function that is refused). Prints requests, status counts and p50/p99 per kind as one JSON line, and exits 1
 * on any 5xx but the expected 503s (busy, or a pathological query stopped at its limit), or on any connection error
 * except an answer the server broke off on purpose (a pathological result too large).
 */
public class LoadTest {
    record Req(String kind, HttpRequest request, boolean pathological) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int total = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        double patho = Double.parseDouble(args[3]) / 100.0;
        long deadline = System.nanoTime() + Long.parseLong(args[4]) * 1_000_000_000L;
        String label = args.length > 5 ? args[5] : "run";
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(8)).build();
        List<String> canned = List.of("domestic-foreign-links", "timeline", "claims-by-historian", "historians-and-works",
                "year-at-home-and-abroad?year=1937", "actor?actor=spd:litvinov", "policies-by-sphere", "variant-spellings");
        List<String> pages = List.of("/", "/run/timeline", "/id/litvinov", "/id/stalin", "/text/essay/p4/s1", "/ontology",
                "/static/site.css", "/api/queries");
        List<String> adhoc = List.of("ASK {}", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> SELECT ?c { ?c a spo:Claim } LIMIT 50",
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l { ?s rdfs:label ?l FILTER(REGEX(?l, \"^Lit\")) }");
        List<String> bad = List.of(
                "ASK { FILTER(REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(.*a){12}$\")) }",
                "SELECT * { ?a ?b ?c . ?d ?e ?f }",
                "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT * { BIND(afn:print(\"x\") AS ?x) }");
        String huge = "ASK {} # " + "x".repeat(400_000);
        Random random = new Random(42);
        List<Req> plan = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            double r = random.nextDouble();
            if (r < patho) {
                int k = random.nextInt(bad.size() + 1);
                String q = k == bad.size() ? huge : bad.get(k);
                plan.add(new Req("pathological", HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                        .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(q)).build(), true));
            } else if (r < patho + 0.45) {
                String c = canned.get(random.nextInt(canned.size()));
                plan.add(new Req("canned", get(base + "/api/queries/" + c + (c.contains("?") ? "&" : "?") + "format=csv"), false));
            } else if (r < patho + 0.75) {
                plan.add(new Req("page", get(base + pages.get(random.nextInt(pages.size()))), false));
            } else {
                plan.add(new Req("adhoc", get(base + "/kg/sparql?query=" + URLEncoder.encode(adhoc.get(random.nextInt(adhoc.size())),
                        StandardCharsets.UTF_8)), false));
            }
        }
        Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        AtomicInteger unexpected = new AtomicInteger(), connectionErrors = new AtomicInteger(), brokenOnPurpose = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(connections);
        CountDownLatch done = new CountDownLatch(plan.size());
        long t0 = System.nanoTime();
        for (Req req : plan) {
            if (System.nanoTime() > deadline) {
                done.countDown();
                continue;
            }
            inFlight.acquire();
            sent.incrementAndGet();
            long start = System.nanoTime();
            http.sendAsync(req.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                long ms = (System.nanoTime() - start) / 1_000_000;
                times.computeIfAbsent(req.kind(), k -> new ConcurrentLinkedQueue<>()).add(ms);
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                if (err != null) {
                    if (req.pathological() && cause instanceof IOException && !(cause instanceof java.net.ConnectException))
                        brokenOnPurpose.incrementAndGet(); // an answer too large, broken off by the server
                    else {
                        connectionErrors.incrementAndGet();
                        if (examples.size() < 5)
                            examples.add(req.kind() + " " + req.request().uri() + ": " + err);
                    }
                } else {
                    int sc = resp.statusCode();
                    statuses.computeIfAbsent(req.kind(), k -> new ConcurrentHashMap<>()).computeIfAbsent(sc, k -> new AtomicInteger()).incrementAndGet();
                    boolean ok = sc < 500 || sc == 503;
                    if (!ok) {
                        unexpected.incrementAndGet();
                        if (examples.size() < 5)
                            examples.add(req.kind() + " " + req.request().uri() + ": " + sc);
                    }
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder json = new StringBuilder("{\"label\":\"" + label + "\",\"requests\":" + sent + ",\"seconds\":"
                + String.format("%.1f", seconds) + ",\"connections\":" + connections + ",\"pathologicalPercent\":" + args[3]
                + ",\"unexpected5xx\":" + unexpected + ",\"connectionErrors\":" + connectionErrors + ",\"brokenOffOnPurpose\":"
                + brokenOnPurpose + ",\"kinds\":{");
        List<String> kinds = new ArrayList<>(new TreeMap<>(times).keySet());
        for (int i = 0; i < kinds.size(); i++) {
            String k = kinds.get(i);
            List<Long> t = new ArrayList<>(times.get(k));
            Collections.sort(t);
            Map<Integer, Integer> st = new TreeMap<>();
            statuses.getOrDefault(k, Map.of()).forEach((s, n) -> st.put(s, n.get()));
            json.append(i == 0 ? "" : ",").append('"').append(k).append("\":{\"n\":").append(t.size()).append(",\"p50ms\":")
                    .append(pct(t, 0.50)).append(",\"p99ms\":").append(pct(t, 0.99)).append(",\"status\":").append(st.toString()
                    .replace("=", ":").replaceAll("(\\d+):", "\"$1\":")).append('}');
        }
        json.append("},\"examples\":").append(examples.stream().map(e -> "\"" + e.replace("\"", "'") + "\"").toList()).append('}');
        System.out.println(json);
        System.exit(unexpected.get() == 0 && connectionErrors.get() == 0 ? 0 : 1);
    }

    static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
