package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.dataset.Tdb2Store;
import org.sovietpolicykg.errors.ConfigException;

import picocli.CommandLine;

/**
 * The dataset served from a TDB2 store on disk ({@code build --tdb2 DIR}, {@code serve --store tdb2:DIR}): every
 * canned query answers exactly as from memory, and the pages, the dumps and VoID (read outside the endpoint, in the
 * request's read transaction) answer too; a store of other sources, or no store, is refused with a message.
 */
class Tdb2ServeTest {
    @TempDir
    static Path tmp;
    static KgServer memory;
    static KgServer tdb2;
    static DatasetGraph store;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path dir = tmp.resolve("store");
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("build", "--out", tmp.resolve("dataset").toString(), "--tdb2", dir.toString()), out.toString());
        assertTrue(out.toString().contains("Wrote the TDB2 store " + dir), out.toString());
        KgConfig config = KgConfig.defaults().withPort(0);
        String fingerprint = Fingerprint.of(config.projectDir(), config.base());
        store = Tdb2Store.open(dir, fingerprint);
        tdb2 = Servers.standard(store, config, fingerprint,
                () -> Txn.calculateRead(store, () -> Dump.of(DatasetWriter.namedGraphs(store), config.base())), Instant.now()).start();
        memory = Servers.standard(TestGraphs.queryable(), config).start();
    }

    @AfterAll
    static void stop() {
        if (tdb2 != null)
            tdb2.stop();
        if (memory != null)
            memory.stop();
        if (store != null)
            TDBInternal.expel(store);
    }

    static HttpResponse<String> get(KgServer s, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_canned_query_answers_from_the_store_as_from_memory() throws Exception {
        List<String> names = List.of("actor", "timeline", "claims-by-historian", "domestic-foreign-links", "mentions-per-entity",
                "policies-by-sphere", "historians-and-works", "passage-of-claim", "thesis-and-support", "year-at-home-and-abroad");
        for (String name : names) {
            HttpResponse<String> m = get(memory, "/api/queries/" + name + "?format=csv", null);
            HttpResponse<String> t = get(tdb2, "/api/queries/" + name + "?format=csv", null);
            assertEquals(200, t.statusCode(), name + ": " + t.body());
            assertEquals(m.body(), t.body(), name);
        }
        // Litvinov replaced by Molotov, from disk
        assertTrue(get(tdb2, "/api/queries/actor?format=csv", null).body().lines().count() > 1);
        String q = "/kg/sparql?query=" + java.net.URLEncoder.encode("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "UTF-8");
        assertEquals(get(memory, q, "text/csv").body(), get(tdb2, q, "text/csv").body(), "the same quads");
    }

    @Test
    void pages_dumps_and_void_are_read_in_the_requests_transaction() throws Exception {
        for (String path : List.of("/", "/id/litvinov", "/essay", "/pictures/timeline", "/graph/curated", "/ontology", "/void",
                "/dumps/dataset.nq", "/reconcile?queries=" + java.net.URLEncoder.encode("{\"q0\":{\"query\":\"Litvinov\"}}", "UTF-8"))) {
            HttpResponse<String> t = get(tdb2, path, "text/html");
            assertEquals(200, t.statusCode(), path + ": " + t.body());
        }
        assertEquals(get(memory, "/dumps/dataset.nq", null).body(), get(tdb2, "/dumps/dataset.nq", null).body(), "the same N-Quads dump");
        assertTrue(get(tdb2, "/essay", "text/html").body().split("data-anno=", -1).length - 1 == 385, "the essay's 385 anchors");
    }

    @Test
    void a_second_build_replaces_its_own_store_and_the_new_one_opens() throws Exception {
        Path dir = tmp.resolve("rebuilt");
        for (int i = 0; i < 2; i++) {
            CommandLine cl = Main.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));
            assertEquals(0, cl.execute("build", "--out", tmp.resolve("dataset-" + i).toString(), "--tdb2", dir.toString()), out.toString());
        }
        assertTrue(Files.notExists(tmp.resolve("rebuilt.previous")) && Files.notExists(tmp.resolve("rebuilt.building")), "nothing left beside it");
        KgConfig config = KgConfig.defaults();
        DatasetGraph again = Tdb2Store.open(dir, Fingerprint.of(config.projectDir(), config.base()));
        try {
            assertEquals(Txn.calculateRead(store, () -> store.getDefaultGraph().size()), Txn.calculateRead(again, () -> again.getDefaultGraph().size()));
        } finally {
            TDBInternal.expel(again);
        }
    }

    @Test
    void a_store_of_other_sources_or_no_store_is_refused_with_a_message() throws Exception {
        Path dir = tmp.resolve("store");
        ConfigException other = assertThrows(ConfigException.class, () -> Tdb2Store.open(dir, "0".repeat(64)));
        assertTrue(other.getMessage().contains("the store was built from other sources"), other.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ConfigException none = assertThrows(ConfigException.class, () -> Tdb2Store.open(empty, "0".repeat(64)));
        assertTrue(none.getMessage().contains("no TDB2 store that build wrote"), none.getMessage());
        // a folder that is not a store is never replaced
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        ConfigException kept = assertThrows(ConfigException.class, () -> Tdb2Store.write(mine, TestGraphs.real().dataset(), "0".repeat(64)));
        assertTrue(kept.getMessage().contains("not replaced"), kept.getMessage());
        assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
        // the option is checked by name
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertNotEquals(0, cl.execute("serve", "--store", "postgres:db"));
        assertTrue(err.toString().contains("Illegal store=postgres:db: expected memory, or tdb2:DIR"), err.toString());
    }
}
