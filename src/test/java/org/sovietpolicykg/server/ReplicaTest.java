package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.server.ops.ReplicaServlets;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * A replica behind a load balancer: /health and /ready answer in a few bytes, the fingerprint of the served dataset is
 * on every answer and on /ready, and a stop is graceful: no new connection is taken, the request in flight finishes.
 */
class ReplicaTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** Some work on this graph (every triple with every claim, statement and link: about a million rows), in full. */
    static final String SLOW = "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d a ?t"
            + " FILTER(?t IN (spo:Claim, spo:Statement, spo:DomesticForeignLink)) }";

    static HttpResponse<String> get(KgServer s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_ready_and_the_fingerprint_of_the_served_dataset() throws Exception {
        KgServer server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0)).start();
        try {
            String fingerprint = Fingerprint.of(Path.of("."), BaseIri.DEFAULT);
            assertTrue(server.isReady());
            HttpResponse<String> health = get(server, "/health");
            assertEquals(200, health.statusCode());
            assertEquals("ok\n", health.body());
            HttpResponse<String> ready = get(server, "/ready");
            assertEquals(200, ready.statusCode());
            assertEquals("ready " + fingerprint + "\n", ready.body());
            for (String path : new String[] {"/kg/sparql?query=ASK%7B%7D", "/id/litvinov", "/api/queries", "/nothing"})
                assertEquals(fingerprint, get(server, path).headers().firstValue(ReplicaServlets.FINGERPRINT_HEADER).orElse(""), path);
        } finally {
            server.stop();
        }
    }

    @Test
    void a_stop_takes_no_new_connection_and_finishes_the_request_in_flight() throws Exception {
        KgServer server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0)).start();
        String url = server.sparqlUrl() + "?query=" + URLEncoder.encode(SLOW, StandardCharsets.UTF_8);
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        HardeningTest.awaitRunning(server, 1);
        assertTrue(!inFlight.isDone(), "the request is still running when the stop begins");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        // the server's signal that the stop has begun: its connector refuses (within the in-flight query's time)
        boolean refused = false;
        for (long deadline = System.currentTimeMillis() + 5_000; !refused && System.currentTimeMillis() < deadline;) {
            try {
                get(server, "/health");
            } catch (IOException e) {
                refused = true;
            }
        }
        assertTrue(refused, "no new connection once the stop has begun");
        HttpResponse<String> r = inFlight.get();
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("n\r\n") && Long.parseLong(r.body().lines().skip(1).findFirst().orElse("0").strip()) > 100_000,
                "the request in flight is answered in full: " + r.body());
        stopping.get();
    }
}
