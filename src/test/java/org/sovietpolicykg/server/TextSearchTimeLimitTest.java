package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;

/**
 * The text index obeys the query's time limit: searches that expand to many terms, that ask for every hit, or that
 * run once for each of thousands of rows get a 400 or a 503 within the limit and a second, never a hang or a 500.
 */
class TextSearchTimeLimitTest {
    static final long TIMEOUT_MS = 1_500;
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0).withQueryTimeoutMs((int) TIMEOUT_MS)).start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static final String PREFIXES = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ";

    @Test
    void a_text_query_that_costs_much_is_refused_or_stopped_within_the_limit() throws Exception {
        String fuzzy = IntStream.range(0, 60).mapToObj(i -> "w" + (char) ('a' + i % 26) + "rd" + i + "~2").collect(Collectors.joining(" "));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("wildcards", "SELECT * { (?s ?sc ?l) text:query ('a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* r* s* t* w*' 100000) }");
        queries.put("fuzzy words", "SELECT * { (?s ?sc ?l) text:query ('" + fuzzy + "' 100000) }");
        queries.put("every hit", "SELECT * { (?s ?sc ?l) text:query ('Stalin' 2000000000) }");
        queries.put("once per row", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . (?s ?sc ?l) text:query (rdf:value 'Stalin') }");
        queries.put("once per row, its own words", "SELECT (COUNT(*) AS ?n) { ?a rdf:value ?text . BIND(SUBSTR(?text, 1, 3) AS ?w) (?s ?sc ?l) text:query (rdf:value ?w) . ?x ?y ?z }");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + URLEncoder.encode(PREFIXES + q.getValue(), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String what = q.getKey() + ": " + r.statusCode() + " in " + ms + " ms: " + r.body().substring(0, Math.min(300, r.body().length()));
            System.out.println(what.replace('\n', ' '));
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 503, what);
            assertTrue(ms <= TIMEOUT_MS + 1_000, "within the limit and a second: " + what);
            assertFalse(r.body().contains("Exception"), what);
            if (q.getKey().equals("once per row"))
                // 17,906 searches for Stalin, one for each triple: stopped at the limit, as any query
                assertTrue(r.statusCode() == 503 && r.body().contains("Query timed out"), what);
        }
    }
}
