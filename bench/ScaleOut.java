import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * Requests through the load balancer on this machine (127.0.0.1 only), paced, while bench/scaleout kills, restarts and
 * replaces replicas; run by bench/scaleout.
 * <pre>
 *   java bench/ScaleOut.java PORT REQUESTS CONNECTIONS RATE_PER_SECOND PHASES_FILE
 * </pre>
 * Canned queries, ad-hoc queries and pages, at most CONNECTIONS at once, about RATE a second. Each answer is put in the
 * phase that was current when it was sent (PHASES_FILE has "epoch-millis name" lines, written by the script as it
 * goes), and each phase reports requests, failures (a status of 5xx or a connection error), p50/p99 and which dataset
 * fingerprints answered. Exits 1 on any failure.
 */
public class ScaleOut {
    record Done(long sentAt, long ms, int status, String fingerprint, String error) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int total = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        Path phases = Path.of(args[4]);
        String base = "http://127.0.0.1:" + port;
        List<String> paths = new ArrayList<>();
        for (String c : List.of("domestic-foreign-links", "timeline", "claims-by-historian", "historians-and-works", "actor?actor=spd:litvinov"))
            paths.add("/api/queries/" + c + (c.contains("?") ? "&" : "?") + "format=csv");
        for (String q : List.of("ASK {}", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))
            paths.add("/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        paths.addAll(List.of("/", "/id/litvinov", "/run/historians-and-works", "/static/site.css"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(7);
        Semaphore inFlight = new Semaphore(connections);
        CountDownLatch done = new CountDownLatch(total);
        ConcurrentLinkedQueue<Done> results = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = t0 + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0)
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            inFlight.acquire();
            long sentAt = System.currentTimeMillis();
            long start = System.nanoTime();
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + paths.get(random.nextInt(paths.size()))))
                    .timeout(Duration.ofSeconds(30)).build();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (err != null)
                    results.add(new Done(sentAt, ms, 0, "", req.uri() + ": " + err));
                else
                    results.add(new Done(sentAt, ms, resp.statusCode(), resp.headers().firstValue("X-Dataset-Fingerprint").orElse("none"),
                            resp.statusCode() >= 500 ? req.uri() + ": " + resp.statusCode() + " " + resp.body() : null));
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        TreeMap<Long, String> timeline = new TreeMap<>();
        for (String line : Files.readAllLines(phases))
            if (!line.isBlank())
                timeline.put(Long.parseLong(line.split(" ")[0]), line.split(" ", 2)[1]);
        Map<String, List<Done>> byPhase = new java.util.LinkedHashMap<>();
        timeline.values().forEach(p -> byPhase.putIfAbsent(p, new ArrayList<>()));
        for (Done d : results) {
            Map.Entry<Long, String> e = timeline.floorEntry(d.sentAt());
            byPhase.computeIfAbsent(e == null ? "start" : e.getValue(), k -> new ArrayList<>()).add(d);
        }
        int failures = 0;
        StringBuilder json = new StringBuilder("{\"requests\":" + results.size() + ",\"connections\":" + connections + ",\"phases\":[");
        boolean first = true;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, List<Done>> p : byPhase.entrySet()) {
            List<Long> ms = new ArrayList<>(p.getValue().stream().map(Done::ms).toList());
            Collections.sort(ms);
            long failed = p.getValue().stream().filter(d -> d.error() != null).count();
            failures += failed;
            p.getValue().stream().filter(d -> d.error() != null).limit(3).forEach(d -> examples.add(d.error()));
            Map<String, Integer> fps = new TreeMap<>();
            p.getValue().forEach(d -> fps.merge(d.fingerprint().isEmpty() ? "none" : d.fingerprint().substring(0, Math.min(12, d.fingerprint().length())), 1, Integer::sum));
            json.append(first ? "" : ",").append("{\"phase\":\"").append(p.getKey()).append("\",\"requests\":").append(ms.size())
                    .append(",\"failures\":").append(failed).append(",\"p50ms\":").append(pct(ms, 0.5)).append(",\"p99ms\":")
                    .append(pct(ms, 0.99)).append(",\"fingerprints\":").append(fps.toString().replace("=", ":").replaceAll("([0-9a-f]{12}|none):", "\"$1\":"))
                    .append('}');
            first = false;
        }
        json.append("],\"failures\":").append(failures).append(",\"examples\":")
                .append(examples.stream().map(e -> "\"" + e.replace("\"", "'").replace("\n", " ") + "\"").toList()).append('}');
        System.out.println(json);
        System.exit(failures == 0 ? 0 : 1);
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
