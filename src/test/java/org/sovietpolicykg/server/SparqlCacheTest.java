package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.KgConfig;

/**
 * The answers of /kg/sparql are kept: a repeated query is answered with the same bytes, Content-Type and Vary, a strong
 * ETag and a 304 on revalidation, whatever its spacing, by GET or form POST; each format is an entry of its own; errors,
 * answers cut short and SERVICE queries are never kept; the cache is bounded. An answer the endpoint evaluated carries
 * Fuseki's {@code Fuseki-Request-Id}; a kept one does not, which is how these tests tell the two apart. The server has
 * a small cache (64 KiB: an answer of at most 8 KiB is kept) and a limit of 1,000 rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparqlCacheTest {
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String LITVINOV = "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>\n"
            + "PREFIX spd: <https://w3id.org/soviet-policy-kg/id/>\n"
            + "SELECT ?who WHERE { ?who spo:replaced spd:litvinov }";

    @BeforeAll
    static void start() {
        KgConfig config = KgConfig.defaults().withPort(0)
                .withLimits(new Limits(64 * 1024, 1_000, 8L * 1024 * 1024, 2, 4).withAnswerCacheBytes(64 * 1024));
        server = Servers.standard(TestGraphs.queryable(), config).start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static HttpResponse<byte[]> get(String query, String accept, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (accept != null)
            b.header("Accept", accept);
        if (ifNoneMatch != null)
            b.header("If-None-Match", ifNoneMatch);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String query, String accept) throws IOException, InterruptedException {
        return get(query, accept, null);
    }

    static boolean evaluated(HttpResponse<?> r) {
        return r.headers().firstValue("Fuseki-Request-Id").isPresent();
    }

    static Optional<String> etag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag");
    }

    @Test
    void repeated_query_gets_the_same_bytes_content_type_and_a_strong_etag() throws Exception {
        String q = LITVINOV + " LIMIT 3";
        HttpResponse<byte[]> fresh = get(q, "application/sparql-results+json");
        HttpResponse<byte[]> kept = get(q, "application/sparql-results+json");
        assertEquals(200, fresh.statusCode());
        assertTrue(new String(fresh.body(), StandardCharsets.UTF_8).contains("https://w3id.org/soviet-policy-kg/id/molotov"));
        assertTrue(evaluated(fresh), "the first answer is evaluated");
        assertFalse(evaluated(kept), "the second is the kept answer");
        assertArrayEquals(fresh.body(), kept.body(), "byte for byte the fresh answer");
        assertEquals(fresh.headers().firstValue("Content-Type"), kept.headers().firstValue("Content-Type"));
        assertEquals(fresh.headers().allValues("Vary"), kept.headers().allValues("Vary"));
        assertTrue(String.join(",", kept.headers().allValues("Vary")).contains("Accept"), "Vary: Accept");
        assertTrue(etag(fresh).isPresent() && etag(fresh).get().matches("\"[0-9a-f]{32}\""), "a strong ETag: " + etag(fresh));
        assertEquals(etag(fresh), etag(kept));
        assertEquals("public, max-age=300", kept.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(fresh.headers().firstValue("Cache-Control"), kept.headers().firstValue("Cache-Control"));
        assertTrue(fresh.headers().firstValue("Pragma").isEmpty(), "no Pragma: no-cache on an answer that may be kept");
    }

    @Test
    void the_same_query_spaced_and_commented_otherwise_is_the_same_entry() throws Exception {
        HttpResponse<byte[]> a = get(LITVINOV, "text/csv");
        HttpResponse<byte[]> b = get("# who replaced him\n" + LITVINOV.replace(" WHERE {", "\n  WHERE   {\n"), "text/csv");
        assertEquals(etag(a), etag(b));
        assertFalse(evaluated(b), "the same query in another layout is not evaluated again");
        assertArrayEquals(a.body(), b.body());
    }

    @Test
    void a_form_post_shares_the_entry_of_a_get() throws Exception {
        String q = LITVINOV + " LIMIT 5";
        HttpResponse<byte[]> viaGet = get(q, "text/tab-separated-values");
        HttpResponse<byte[]> viaPost = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/tab-separated-values")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, viaPost.statusCode());
        assertEquals(etag(viaGet), etag(viaPost));
        assertFalse(evaluated(viaPost));
        assertArrayEquals(viaGet.body(), viaPost.body());
    }

    @Test
    void if_none_match_gives_304_without_a_body() throws Exception {
        String q = LITVINOV + " # revalidated";
        String tag = etag(get(q, "application/sparql-results+xml")).orElseThrow();
        HttpResponse<byte[]> again = get(q, "application/sparql-results+xml", tag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(Optional.of(tag), etag(again));
        assertEquals(200, get(q, "application/sparql-results+xml", "\"another\"").statusCode());
    }

    @Test
    void a_different_accept_is_a_different_entry() throws Exception {
        String q = LITVINOV + " # formats";
        HttpResponse<byte[]> json = get(q, "application/sparql-results+json");
        HttpResponse<byte[]> csv = get(q, "text/csv");
        assertTrue(evaluated(csv), "the CSV is evaluated, not the kept JSON");
        assertNotEquals(etag(json), etag(csv));
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("who\r\nhttps://w3id.org/soviet-policy-kg/id/molotov\r\n", new String(get(q, "text/csv").body(), StandardCharsets.UTF_8));
        assertTrue(new String(get(q, "application/sparql-results+json").body(), StandardCharsets.UTF_8).contains("\"vars\""));
    }

    @Test
    void an_error_is_never_kept_and_carries_no_etag() throws Exception {
        // 1,000 rows is the limit: this query has more, in one short column (the error is said within the buffer)
        String tooMany = "SELECT ?s { ?s ?p ?o }";
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> r = get(tooMany, "application/sparql-results+json");
            assertEquals(400, r.statusCode());
            assertTrue(evaluated(r), "evaluated each time");
            assertTrue(etag(r).isEmpty(), "no ETag on an error");
            assertFalse(r.headers().firstValue("Cache-Control").orElse("").contains("public"));
        }
        // an answer broken off after it started (past the 256 KiB buffer) is not kept either: it breaks off again
        for (int i = 0; i < 2; i++)
            assertThrows(IOException.class, () -> get("SELECT * { ?s ?p ?o }", "application/sparql-results+json"));
        HttpResponse<byte[]> bad = get("SELECT * { ?s ?p }", null);
        assertEquals(400, bad.statusCode());
        assertTrue(etag(bad).isEmpty());
    }

    @Test
    void a_service_query_is_not_kept() throws Exception {
        String q = "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } } LIMIT 1";
        // no remote call in a test: a refused target is answered at once, but the rule is the query's, not its outcome
        String refused = q.replace("https://query.wikidata.org/sparql", "http://127.0.0.1:1/sparql");
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> r = get(refused, "text/csv");
            assertEquals(400, r.statusCode());
            assertTrue(evaluated(r));
            assertTrue(etag(r).isEmpty());
        }
        // a SERVICE inside a sub-query or an EXISTS counts too
        HttpResponse<byte[]> nested = get("ASK { FILTER NOT EXISTS { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } } }", "text/csv");
        assertTrue(etag(nested).isEmpty());
    }

    /** Last: it fills the cache, and a full Caffeine cache may refuse a new entry that is seen once (TinyLFU). */
    @Test
    @Order(Integer.MAX_VALUE)
    void the_cache_is_bounded_by_bytes() throws Exception {
        // 64 answers of 2 to 3 KiB each, three times the cache (64 KiB)
        String page = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 10 OFFSET ";
        int smallest = Integer.MAX_VALUE;
        for (int i = 0; i < 64; i++) {
            HttpResponse<byte[]> r = get(page + (i * 10), "application/sparql-results+json");
            assertTrue(evaluated(r));
            smallest = Math.min(smallest, r.body().length);
        }
        // what is kept is what the cache says it holds (asking again would change it: a miss is put back in place of another)
        assertTrue(smallest > 1024, "answers of more than 1 KiB: " + smallest);
        long kept = server.answersKept();
        assertTrue(kept > 0, "some answers are kept");
        assertTrue(server.answerBytesKept() <= 64 * 1024, server.answerBytesKept() + " bytes kept in 64 KiB");
        assertTrue(kept <= 64 * 1024 / smallest, kept + " answers of at least " + smallest + " bytes kept in 64 KiB");
        assertTrue(kept < 64, "not all 64: " + kept);
    }

    @Test
    void an_answer_larger_than_an_eighth_of_the_cache_is_not_kept_but_is_whole() throws Exception {
        String q = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 200";
        HttpResponse<byte[]> first = get(q, "application/sparql-results+json");
        HttpResponse<byte[]> second = get(q, "application/sparql-results+json");
        assertTrue(first.body().length > 8 * 1024, "larger than 8 KiB: " + first.body().length);
        assertTrue(evaluated(second), "evaluated again");
        assertArrayEquals(first.body(), second.body());
    }
}
