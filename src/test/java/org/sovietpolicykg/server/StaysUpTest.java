package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;

/**
 * The server stays up under what took it down from outside: 250 connections that send a POST body a byte a second, and
 * 300 expensive queries at once. Through both, {@code /health} answers within a second and every request gets an answer
 * (a 503 with {@code Retry-After} at worst). One server on 127.0.0.1 with its default limits and a 2 s time limit; every
 * case is bounded in connections and time and ends by itself.
 */
class StaysUpTest {
    static final long TIMEOUT_MS = 2_000;
    static KgServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The probe's own client, as a load balancer's would be: not behind the 300 connections of the burst's client. */
    static final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0).withQueryTimeoutMs((int) TIMEOUT_MS)).start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    /** The longest a GET of {@code path} took, in ms, asked every 100 ms for {@code ms}; a failure or non-200 counts as forever. */
    static long slowestAnswer(String path, long ms) throws InterruptedException {
        long worst = 0;
        long until = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < until) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                worst = Math.max(worst, r.statusCode() == 200 ? (System.nanoTime() - t0) / 1_000_000 : Long.MAX_VALUE);
            } catch (IOException e) {
                worst = Long.MAX_VALUE;
            }
            Thread.sleep(100);
        }
        return worst;
    }

    @Test
    void slowBodiesLeaveHealthAnswering() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.setSoTimeout(100);
                String head = "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 190000\r\n\r\nquery=";
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            // a byte a second on every connection, for 6 s, while /health is asked every 100 ms
            CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> {
                for (int t = 0; t < 6; t++) {
                    for (Socket s : sockets)
                        try {
                            s.getOutputStream().write('A');
                            s.getOutputStream().flush();
                        } catch (IOException dropped) {
                            // the server may drop a slow body: that is allowed
                        }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long worst = slowestAnswer("/health", 6_000);
            drip.get(10, TimeUnit.SECONDS);
            assertTrue(worst < 1_000, "/health took " + (worst == Long.MAX_VALUE ? "forever" : worst + " ms") + " under 250 slow bodies");
            assertTrue(slowestAnswer("/essay", 500) < 1_000, "/essay under 250 slow bodies");
        } finally {
            for (Socket s : sockets)
                s.close();
        }
    }

    @Test
    void aBodyThatDoesNotArriveIsA408WithinTenSeconds() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(15_000);
            long t0 = System.nanoTime();
            write(s.getOutputStream(), "POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: 100\r\n\r\nASK {");
            String answer = readAll(s.getInputStream());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("The request's body (100 bytes declared) did not arrive within 10000 ms"), answer);
            assertTrue(ms >= 9_500 && ms < 11_000, "answered after " + ms + " ms");
        }
    }

    @Test
    void aBurstOfExpensiveQueriesGetsAnAnswerEach() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // a product of two unconnected patterns, each query its own (no answer kept serves another)
            String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d FILTER(STR(?b) != \"x" + i + "\") }";
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long worstHealth = slowestAnswer("/health", 3_000);
        long worstPage = slowestAnswer("/essay", 1_000);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.get(30, TimeUnit.SECONDS);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 503 && !r.body().contains("timed out"))
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(null), r.body());
        }
        System.out.println("300 expensive queries at once: " + statuses + "; /health at worst " + worstHealth + " ms, /essay " + worstPage + " ms");
        assertEquals(300, statuses.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 400 || s == 503), statuses.toString());
        assertTrue(worstHealth < 1_000, "/health took " + worstHealth + " ms during the burst");
        assertTrue(worstPage < 2_000, "/essay took " + worstPage + " ms during the burst");
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
