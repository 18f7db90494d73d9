package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.server.ops.ReplicaServlets;

/**
 * {@code serve --watch}: a curator renames Litvinov in the essay's curation while clients query the endpoint; the
 * server builds the changed sources and swaps them in. No request fails, every answer names the dataset it came from,
 * and what it says is that dataset's: "Maxim Litvinov" under the old fingerprint, "Maxim Maximovich Litvinov" under the
 * new. A change that does not build is reported and the last good dataset stays; a new canned query alone is served
 * with the same dataset.
 */
class WatchSwapTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String LABEL = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?label"
            + " { <https://w3id.org/soviet-policy-kg/id/litvinov> rdfs:label ?label } LIMIT ";
    static final String CURATION = "data/sources/essay/curation/03-paragraph-3.yaml";
    /** Clients querying at once, and the longest the load runs: the test stops by itself. */
    static final int CLIENTS = 4;
    static final long AT_MOST_MS = 90_000;

    record Answer(int status, String fingerprint, String body) {}

    static Answer ask(KgServer server, int n) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(LABEL + n, StandardCharsets.UTF_8))).header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue(ReplicaServlets.FINGERPRINT_HEADER).orElse(""), r.body());
    }

    static HttpResponse<String> get(KgServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + AT_MOST_MS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until)
                throw new AssertionError("not within " + AT_MOST_MS + " ms: " + what);
            Thread.sleep(50);
        }
    }

    static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void a_changed_source_is_swapped_in_under_load_without_a_failed_request(@TempDir Path tmp) throws Exception {
        Path project = TestProjects.copyOfReal(tmp.resolve("project"));
        TestProjects.copyTree(Path.of("queries"), project.resolve("queries"));
        KgConfig config = KgConfig.defaults().withProjectDir(project).withPort(0).withDatasetDir(tmp.resolve("none"));
        KnowledgeGraph kg = GraphBuilder.of(config).build();
        DatasetGraph served = Datasets.unionView(kg.dataset());
        String before = Fingerprint.of(project, config.base());
        KgServer server = Servers.standard(served, config, before, () -> Dump.of(kg.dataset(), config.base()), Instant.now()).start();
        StringWriter log = new StringWriter();
        SourceWatch watch = SourceWatch.start(server, served, () -> Dump.of(kg.dataset(), config.base()), Instant.now(), config,
                new PrintWriter(log, true));
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger n = new AtomicInteger(1);
        List<Thread> clients = new ArrayList<>();
        try {
            assertEquals(before, server.fingerprint());
            for (int i = 0; i < CLIENTS; i++) {
                Thread t = new Thread(() -> {
                    long until = System.currentTimeMillis() + AT_MOST_MS;
                    while (!stop.get() && System.currentTimeMillis() < until) {
                        try {
                            // a new query each time (its LIMIT): each one runs, none is a kept answer
                            answers.add(ask(server, n.getAndIncrement()));
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            waitFor(() -> answers.size() >= 20, "20 answers before the change");
            replace(project.resolve(CURATION), "label: Maxim Litvinov", "label: Maxim Maximovich Litvinov");
            waitFor(() -> !server.fingerprint().equals(before), "the changed sources served");
            String after = server.fingerprint();
            int atSwap = answers.size();
            waitFor(() -> answers.size() >= atSwap + 20, "20 answers after the swap");
            stop.set(true);
            for (Thread t : clients)
                t.join(35_000);

            assertEquals(List.of(), List.copyOf(failures), "requests that failed");
            assertEquals(Fingerprint.of(project, config.base()), after, "the fingerprint of the sources as they are now");
            Map<String, Integer> byFingerprint = new TreeMap<>();
            for (Answer a : answers) {
                assertEquals(200, a.status(), a.body());
                byFingerprint.merge(a.fingerprint(), 1, Integer::sum);
                if (a.fingerprint().equals(before))
                    assertEquals("label\r\nMaxim Litvinov\r\n", a.body(), "an answer of the old dataset");
                else if (a.fingerprint().equals(after))
                    assertEquals("label\r\nMaxim Maximovich Litvinov\r\n", a.body(), "an answer of the new dataset");
                else
                    throw new AssertionError("an answer of neither dataset: " + a);
            }
            assertEquals(2, byFingerprint.size(), "answers of both datasets: " + byFingerprint);
            System.out.printf("WatchSwapTest: %d answers, %d of the old dataset, %d of the new, 0 failed%n", answers.size(),
                    byFingerprint.get(before), byFingerprint.get(after));
            assertEquals("ready " + after + "\n", get(server, "/ready").body());
            assertEquals(after, get(server, "/id/litvinov").headers().firstValue(ReplicaServlets.FINGERPRINT_HEADER).orElse(""));
            assertTrue(get(server, "/id/litvinov").body().contains("Maxim Maximovich Litvinov"), "the entity's page, new");
            assertEquals(1, watch.swaps(), log.toString());

            // a change that does not build: reported with its file:line, the last good dataset stays
            replace(project.resolve(CURATION), "label: Maxim Maximovich Litvinov", "label: Maxim Maximovich Litvinov\n    type: NoSuchClass");
            waitFor(() -> watch.refused() == 1, "the broken change refused");
            assertEquals(after, server.fingerprint());
            assertTrue(log.toString().contains("03-paragraph-3.yaml:"), log.toString());
            assertTrue(log.toString().contains("still serving " + after), log.toString());
            assertEquals(200, ask(server, 1).status());
            replace(project.resolve(CURATION), "label: Maxim Maximovich Litvinov\n    type: NoSuchClass", "label: Maxim Maximovich Litvinov");
            waitFor(() -> watch.swaps() == 2, "the mended sources served");
            assertEquals(after, server.fingerprint(), "mended back to the same sources");

            // a new canned query alone: the same dataset, the catalogue loaded again
            Files.copy(Path.of("queries", "actor.rq"), project.resolve("queries").resolve("actor-again.rq"));
            waitFor(() -> watch.swaps() == 3, "the new query served");
            assertEquals(after, server.fingerprint());
            HttpResponse<String> catalogue = get(server, "/api/queries");
            assertTrue(catalogue.body().contains("\"actor-again\""), catalogue.body());
            assertNotEquals(before, after);
        } finally {
            stop.set(true);
            watch.close();
            server.stop();
        }
    }
}
