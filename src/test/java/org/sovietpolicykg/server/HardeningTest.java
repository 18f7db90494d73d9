package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.KgConfig;

/**
 * The endpoint holds against requests meant to take it down: bodies and queries too large (413, 411), queries that
 * cannot be parsed for depth (400), expressions that never end (503 at the limit), answers too large (a 400 while it
 * can still be said, an aborted connection after), more queries than workers (503 with Retry-After, while pages and
 * assets go on), and the HTTP rules (CORS for reads without credentials, security headers). One server, on
 * 127.0.0.1, with a 1.5 s time limit, one worker and no queue, and an answer limit of 1,000 rows, so that each case
 * is quick to provoke.
 */
class HardeningTest {
    static final long TIMEOUT_MS = 1_500;
    static KgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        KgConfig config = KgConfig.defaults().withPort(0).withQueryTimeoutMs((int) TIMEOUT_MS)
                .withLimits(new Limits(64 * 1024, 1_000, 8L * 1024 * 1024, 1, 0));
        server = Servers.standard(TestGraphs.queryable(), config).start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static HttpResponse<String> post(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** ASK {} until the one worker is free again (it is released a moment after its answer has gone), at most 3 s. */
    /** Waits (at most 10 s) until the endpoint runs {@code n} queries: the server's own count, not a guess of time. */
    static void awaitRunning(KgServer server, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.endpointQueriesRunning() < n && System.currentTimeMillis() < deadline)
            Thread.sleep(5);
        assertEquals(n, server.endpointQueriesRunning(), "queries running on the endpoint");
    }

    static int askUntilFree() throws Exception {
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            status = post("ASK {}").statusCode();
            if (status != 200)
                Thread.sleep(100);
        }
        return status;
    }

    @Test
    void a_body_over_the_limit_is_413_before_it_is_parsed() throws Exception {
        String huge = "ASK {} # " + "x".repeat(100_000);
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(huge);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("this server takes at most 65536"), r.body());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000, "refused at once");
        // 45,000 FILTERs, about a megabyte: refused the same way, not a 500
        StringBuilder filters = new StringBuilder("ASK { ");
        for (int i = 0; i < 45_000; i++)
            filters.append("FILTER(1) ");
        assertEquals(413, post(filters.append('}').toString()).statusCode());
    }

    /**
     * A client that writes its whole body before it reads (as many do) still gets the 413: the server reads and drops a
     * refused body of a few megabytes instead of closing under it, which would reset the connection and lose the answer.
     */
    @Test
    void a_client_that_sends_its_whole_large_body_first_reads_the_413() throws Exception {
        byte[] body = ("ASK {} # " + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        URI uri = URI.create(server.sparqlUrl());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer.lines().findFirst().orElse("(nothing)"));
            assertTrue(answer.contains("this server takes at most 65536"), answer);
        }
    }

    @Test
    void a_body_of_unknown_length_is_411() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString("ASK {}"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(411, r.statusCode(), r.body());
        assertTrue(r.body().contains("The request body has no Content-Length"), r.body());
    }

    @Test
    void a_query_string_too_long_for_a_uri_is_refused_with_a_4xx() throws Exception {
        HttpResponse<String> r = get("/kg/sparql?query=" + URLEncoder.encode("ASK {} # " + "x".repeat(70_000), StandardCharsets.UTF_8));
        assertEquals(414, r.statusCode(), r.body());
        assertTrue(r.body().contains("this server takes at most 65536 (send a long query with POST)"), r.body());
    }

    @Test
    void a_query_nested_too_deeply_is_400_with_a_message_not_a_stack_overflow() throws Exception {
        HttpResponse<String> r = post("SELECT * " + "{".repeat(20_000) + "}".repeat(20_000));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("The query is nested too deeply to parse"), r.body());
        assertFalse(r.body().contains("StackOverflowError"), r.body());
    }

    @Test
    void a_regular_expression_that_backtracks_without_end_is_stopped_at_the_time_limit() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("ASK { FILTER(REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(.*a){12}$\")) }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(ms < TIMEOUT_MS + 1_500, "answered " + ms + " ms after it was sent, limit " + TIMEOUT_MS);
    }

    @Test
    void replacements_that_double_a_string_are_stopped_before_they_fill_the_memory() throws Exception {
        StringBuilder q = new StringBuilder("SELECT ?n { BIND(\"ab\" AS ?x0)");
        for (int i = 1; i <= 28; i++)
            q.append(" BIND(REPLACE(?x").append(i - 1).append(", \".\", \"$0$0\") AS ?x").append(i).append(')');
        HttpResponse<String> r = post(q.append(" BIND(STRLEN(?x28) AS ?n) }").toString());
        assertEquals(503, r.statusCode(), r.body());
    }

    @Test
    void an_answer_over_the_row_limit_is_a_400_while_it_can_be_said() throws Exception {
        // one short column: the 1,000 rows before the limit fit in the buffer (256 KiB), so the error can still be said
        HttpResponse<String> r = post("SELECT ?p { ?s ?p ?o } LIMIT 5000");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertFalse(r.body().contains("\"bindings\""), "the rows buffered so far are not sent");
        assertTrue(r.body().contains("The result has more than 1000 rows (or triples), the most this endpoint returns; add a LIMIT"), r.body());
        assertEquals(200, post("SELECT ?p { ?s ?p ?o } LIMIT 1000").statusCode(), "a page of the limit's size is fine");
        HttpResponse<String> c = post("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5000");
        assertEquals(400, c.statusCode(), "a CONSTRUCT too: " + c.body());
    }

    @Test
    void an_answer_stopped_after_it_started_breaks_the_connection_and_the_server_goes_on() throws Exception {
        // rows that each carry the whole essay (8.5 kB): the buffer (256 KiB) is sent long before the 1,000-row limit
        String q = "SELECT ?text ?a { ?e a <https://w3id.org/soviet-policy-kg/ontology#Essay> ;"
                + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?text . ?a ?b ?c }";
        assertThrows(IOException.class, () -> post(q), "the client sees an incomplete answer, not a 200 it can parse");
        assertEquals(200, askUntilFree(), "and the server answers the next query (once the one worker is free)");
    }

    @Test
    void more_queries_than_workers_get_503_with_retry_after_and_pages_go_on() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return post("ASK { FILTER(REGEX(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(.*a){12}$\")) }");
            } catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        awaitRunning(server, 1);
        HttpResponse<String> busy = post("ASK {}");
        assertEquals(503, busy.statusCode(), busy.body());
        assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
        assertTrue(busy.body().contains("The server is running as many SPARQL queries as it can"), busy.body());
        assertEquals(200, get("/static/site.css").statusCode(), "assets go on");
        assertEquals(200, get("/id/litvinov").statusCode(), "pages go on");
        assertEquals(200, get("/api/queries/historians-and-works?format=csv").statusCode(), "canned queries have a pool of their own");
        assertEquals(503, slow.get().statusCode());
        assertEquals(200, askUntilFree(), "and the endpoint is free again");
    }

    @Test
    void cors_lets_any_page_read_without_credentials_and_nothing_else() throws Exception {
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/id/litvinov"))
                .header("Origin", "null").header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("*", read.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(read.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        List<String> vary = read.headers().allValues("Vary").stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).toList();
        assertTrue(vary.contains("Origin") && vary.contains("Accept"), "Vary keeps both: " + vary);
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example").header("Access-Control-Request-Method", method).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").isEmpty(), method + " is not allowed");
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), method);
        }
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://notebook.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("GET, POST, HEAD, OPTIONS", get.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertFalse(get.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }

    @Test
    void every_answer_says_nosniff_and_pages_carry_the_security_headers() throws Exception {
        for (String path : List.of("/", "/editor", "/id/litvinov", "/api/queries", "/kg/sparql?query=ASK%7B%7D", "/static/site.css")) {
            HttpResponse<String> r = get(path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'; script-src 'self';"), path);
        }
    }
}
