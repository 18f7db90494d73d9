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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded random query generator run against a server on this machine (127.0.0.1 only), by bench/attack: N queries
 * made from this graph's own terms (its properties, classes, entities and words, read from the server first): property
 * paths (links, inverses, negated sets, sequences, alternatives, *, + and ?, nested), joins of connected and unconnected
 * patterns with OPTIONAL, UNION and MINUS, groups with COUNT, GROUP_CONCAT, SAMPLE and MAX, and string functions (REGEX
 * with backtracking patterns, REPLACE, CONCAT, UCASE, SUBSTR, STRLEN). Seeded, so a run can be repeated. Each query
 * must be answered within the server's time limit and a second, and never with a 5xx but the 503 of the limit or of a
 * busy server; every one that is not is printed with its text. An answer broken off once started (over the row or
 * size limit, which the server says in its log) is counted apart. Prints one JSON line; exits 1 on any finding.
 * <pre>
 *   java bench/Fuzz.java PORT QUERIES TIMEOUT_MS [SEED] [CONCURRENCY]
 * </pre>
 */
public class Fuzz {
    final Random r;
    final List<String> props;
    final List<String> classes;
    final List<String> entities;
    final List<String> words;

    Fuzz(long seed, List<String> props, List<String> classes, List<String> entities, List<String> words) {
        this.r = new Random(seed);
        this.props = props;
        this.classes = classes;
        this.entities = entities;
        this.words = words;
    }

    <T> T pick(List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    String var() {
        return "?v" + r.nextInt(4);
    }

    String node() {
        return r.nextInt(3) == 0 ? pick(entities) : var();
    }

    String path(int depth) {
        int k = depth <= 0 ? r.nextInt(3) : r.nextInt(9);
        return switch (k) {
            case 0 -> pick(props);
            case 1 -> "^" + pick(props);
            case 2 -> r.nextBoolean() ? "!" + pick(props) : "!(" + pick(props) + "|^" + pick(props) + ")";
            case 3 -> "(" + path(depth - 1) + "/" + path(depth - 1) + ")";
            case 4 -> "(" + path(depth - 1) + "|" + path(depth - 1) + ")";
            case 5 -> "(" + path(depth - 1) + ")*";
            case 6 -> "(" + path(depth - 1) + ")+";
            case 7 -> "(" + path(depth - 1) + ")?";
            default -> "^(" + path(depth - 1) + ")";
        };
    }

    String pattern() {
        return switch (r.nextInt(4)) {
            case 0 -> node() + " " + path(1 + r.nextInt(3)) + " " + node() + " .";
            case 1 -> var() + " a " + pick(classes) + " .";
            default -> node() + " " + (r.nextBoolean() ? pick(props) : var()) + " " + var() + " .";
        };
    }

    String regex() {
        String w = pick(words);
        return switch (r.nextInt(4)) {
            case 0 -> w;
            case 1 -> "(" + w.charAt(0) + "+)+" + w.substring(1);
            case 2 -> "^(.*" + w.charAt(0) + ")*$";
            default -> "(a|aa|" + w + ")*b";
        };
    }

    String filter() {
        String v = var();
        return switch (r.nextInt(6)) {
            case 0 -> "FILTER(REGEX(STR(" + v + "), \"" + regex() + "\", \"i\"))";
            case 1 -> "BIND(REPLACE(STR(" + v + "), \"" + regex() + "\", \"$0$0\") AS ?x" + r.nextInt(3) + ")";
            case 2 -> "FILTER(STRLEN(CONCAT(STR(" + v + "), STR(" + var() + "))) > " + r.nextInt(200) + ")";
            case 3 -> "FILTER(CONTAINS(UCASE(STR(" + v + ")), \"" + pick(words).toUpperCase() + "\"))";
            case 4 -> "BIND(SUBSTR(STR(" + v + "), " + (1 + r.nextInt(5)) + ", " + r.nextInt(20) + ") AS ?s" + r.nextInt(3) + ")";
            default -> "FILTER(" + v + " != " + var() + ")";
        };
    }

    String group() {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(8);
            if (k == 0 && i > 0)
                b.append("OPTIONAL { ").append(pattern()).append(" } ");
            else if (k == 1 && i > 0)
                b.append("{ ").append(pattern()).append(" } UNION { ").append(pattern()).append(" } ");
            else if (k == 2 && i > 0)
                b.append("MINUS { ").append(pattern()).append(" } ");
            else if (k == 3)
                b.append(filter()).append(' ');
            else
                b.append(pattern()).append(' ');
        }
        return b.toString();
    }

    String query() {
        String where = "{ " + group() + "}";
        return switch (r.nextInt(5)) {
            case 0 -> "SELECT (COUNT(*) AS ?n) WHERE " + where;
            case 1 -> "SELECT ?v0 (COUNT(?v1) AS ?n) (GROUP_CONCAT(STR(?v2)) AS ?all) (SAMPLE(?v3) AS ?one) (MAX(STR(?v1)) AS ?top) WHERE "
                    + where + " GROUP BY ?v0";
            case 2 -> "SELECT DISTINCT * WHERE " + where + " ORDER BY ?v1 LIMIT " + (1 + r.nextInt(1000));
            case 3 -> "ASK " + where;
            default -> "SELECT * WHERE { { SELECT * WHERE " + where + " LIMIT 5000 } " + pattern() + " }";
        };
    }

    static List<String> column(HttpClient http, String base, String q) throws Exception {
        String csv = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> out = new ArrayList<>();
        for (String line : csv.split("\r\n"))
            if (!line.isEmpty())
                out.add(line);
        out.remove(0);
        return out;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        long timeoutMs = Long.parseLong(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1937;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        List<String> props = column(http, base, "SELECT DISTINCT ?p WHERE { ?s ?p ?o } ORDER BY ?p").stream().map(p -> "<" + p + ">").toList();
        List<String> classes = column(http, base, "SELECT DISTINCT ?c WHERE { ?s a ?c } ORDER BY ?c").stream().map(c -> "<" + c + ">").toList();
        List<String> entities = column(http, base, "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 300").stream()
                .map(s -> "<" + s + ">").toList();
        List<String> words = List.of("Stalin", "purge", "Rapallo", "Rapello", "Litvinov", "pact", "Spain", "archives", "peasant", "front");
        Fuzz f = new Fuzz(seed, props, classes, entities, words);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++)
            queries.add(f.query());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> findings = Collections.synchronizedList(new ArrayList<>());
        List<String> brokenOff = Collections.synchronizedList(new ArrayList<>());
        long[] slowest = {0};
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String q : queries)
            done.add(pool.submit(() -> {
                long s = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                            .timeout(Duration.ofMillis(timeoutMs + 10_000)).header("Content-Type", "application/sparql-query")
                            .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(q)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    outcome = Integer.toString(resp.statusCode());
                    if (resp.statusCode() >= 500 && resp.statusCode() != 503)
                        findings.add(outcome + ": " + q + " -> " + resp.body().lines().findFirst().orElse(""));
                    if (resp.statusCode() == 503 && !(resp.body().contains("timed out") || resp.body().contains("ran longer than") || resp.body().contains("Retry")
                            || resp.body().contains("try again")))
                        findings.add("503 not of the limit: " + q + " -> " + resp.body().lines().findFirst().orElse(""));
                } catch (IOException e) {
                    // an answer over the row or size limit once it had started is broken off on purpose (the server logs
                    // each: bench/attack compares the counts); anything else is a finding
                    outcome = "broken-off";
                    brokenOff.add(q);
                } catch (InterruptedException e) {
                    outcome = "no-answer";
                    findings.add("no answer (" + e + "): " + q);
                }
                long ms = (System.nanoTime() - s) / 1_000_000;
                synchronized (slowest) {
                    slowest[0] = Math.max(slowest[0], ms);
                }
                if (ms > timeoutMs + 1_000)
                    findings.add("overstayed (" + ms + " ms): " + q);
                statuses.merge(outcome, 1, Integer::sum);
            }));
        for (Future<?> d : done)
            d.get();
        pool.shutdown();
        long total = (System.nanoTime() - t0) / 1_000_000;
        for (String x : findings)
            System.err.println("finding: " + x);
        for (String x : brokenOff)
            System.err.println("broken off: " + x);
        System.out.println("{\"queries\":" + n + ",\"seed\":" + seed + ",\"timeout_ms\":" + timeoutMs + ",\"statuses\":" + json(statuses)
                + ",\"slowest_ms\":" + slowest[0] + ",\"total_ms\":" + total + ",\"broken_off\":" + brokenOff.size() + ",\"findings\":" + findings.size() + "}");
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    static String json(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(m).forEach((k, v) -> parts.add("\"" + k + "\":" + v));
        return "{" + String.join(",", parts) + "}";
    }
}
