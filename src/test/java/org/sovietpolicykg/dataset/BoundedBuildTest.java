package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * {@code build} of a generated corpus of eight texts (bench/Corpus.java) in a forked JVM of {@code -Xmx256m}: the dumps
 * are streamed to their files, never held whole, so the build fits; what it streamed is, to the byte, what the
 * in-memory serialisation of the same sources gives, and the manifest's sha256s are those of the files.
 */
class BoundedBuildTest {
    static final int TEXTS = 8;
    static final String HEAP = "-Xmx256m";

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path out;
    static String log;
    static Path store;
    static String storeLog;

    @BeforeAll
    static void buildInASmallHeap() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = ManagementFactory.getRuntimeMXBean().getClassPath();
        corpus = tmp.resolve("corpus");
        run(List.of(java, "-cp", cp, "bench/Corpus.java", Integer.toString(TEXTS), corpus.toString()), 0);
        out = tmp.resolve("dataset");
        log = run(List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", cp, "org.sovietpolicykg.cli.Main", "build", "--project",
                corpus.toString(), "--out", out.toString()), 0);
        // the same build on into its TDB2 store, in the same heap
        store = tmp.resolve("store");
        storeLog = run(List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", cp, "org.sovietpolicykg.cli.Main", "build", "--project",
                corpus.toString(), "--out", tmp.resolve("dataset-2").toString(), "--tdb2", store.toString()), 0);
    }

    static String run(List<String> cmd, int expected) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "ends: " + cmd);
        assertEquals(expected, p.exitValue(), "exit status (3 is an OutOfMemoryError) of " + cmd + ":\n" + printed);
        return printed;
    }

    @Test
    void eight_texts_build_in_256_mb_of_heap() {
        assertTrue(log.contains("build: 88,998 triples built in"), log);
        assertTrue(log.contains("build: validated against the shapes"), log);
        assertTrue(log.contains("written in") && log.contains("on "), log);
    }

    @Test
    void the_manifest_has_the_sha256_of_every_file_as_written() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve(DatasetWriter.MANIFEST), StandardCharsets.UTF_8))
            listed.put(line.substring(66), line.substring(0, 64));
        List<String> present = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().forEach(present::add);
        }
        present.remove(DatasetWriter.MANIFEST);
        assertEquals(present, List.copyOf(listed.keySet()));
        for (String name : present)
            assertEquals(Sha256.hex(Files.readAllBytes(out.resolve(name))), listed.get(name), name);
        assertEquals(TEXTS, present.stream().filter(n -> n.endsWith(".tei.xml")).count());
    }

    @Test
    void the_streamed_dumps_are_the_bytes_of_the_in_memory_serialisation() throws IOException {
        DatasetGraph dsg = GraphBuilder.create().projectDir(corpus).build().dataset();
        Map<String, byte[]> inMemory = DatasetWriter.downloads(dsg, BaseIri.DEFAULT);
        assertEquals(6 + TEXTS, inMemory.size(), inMemory.keySet().toString());
        for (Map.Entry<String, byte[]> e : inMemory.entrySet())
            assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
    }

    @Test
    void the_nquads_are_sorted_lines_and_the_thrift_file_holds_the_same_quads_in_their_order() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(DatasetWriter.NQUADS), StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        assertEquals(sorted, lines);
        DatasetGraph fromThrift = DatasetGraphFactory.create();
        RDFParser.source(out.resolve(DatasetWriter.THRIFT)).lang(Lang.RDFTHRIFT).labelToNode(LabelToNode.createUseLabelAsGiven())
                .parse(StreamRDFLib.dataset(fromThrift));
        DatasetGraph fromNquads = DatasetGraphFactory.create();
        RDFParser.source(out.resolve(DatasetWriter.NQUADS)).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelAsGiven())
                .parse(StreamRDFLib.dataset(fromNquads));
        assertEquals(lines.size(), fromThrift.stream().count());
        fromNquads.stream().forEach(q -> assertTrue(fromThrift.contains(q), q.toString()));
    }

    @Test
    void the_tdb2_store_is_loaded_in_the_same_heap_with_every_quad_and_their_union() throws IOException {
        assertTrue(storeLog.contains("Wrote the TDB2 store " + store), storeLog);
        String fingerprint = Files.readString(out.resolve(Fingerprint.FILE), StandardCharsets.UTF_8).strip();
        DatasetGraph fromNquads = DatasetGraphFactory.create();
        RDFParser.source(out.resolve(DatasetWriter.NQUADS)).lang(Lang.NQUADS).parse(StreamRDFLib.dataset(fromNquads));
        long union = fromNquads.getUnionGraph().size();
        long lines = Files.readAllLines(out.resolve(DatasetWriter.NQUADS)).size();
        DatasetGraph tdb = Tdb2Store.open(store, fingerprint);
        try {
            Txn.executeRead(tdb, () -> {
                long named = tdb.stream().filter(q -> !q.isDefaultGraph()).count();
                assertEquals(lines, named, "every quad of dataset.nq");
                assertEquals(union, tdb.getDefaultGraph().size(), "the union as the default graph, as a parser of dataset.nq makes it");
                assertEquals(BaseIri.DEFAULT.prefixes().get("spo"), tdb.prefixes().get("spo"), "the prefixes");
                // Litvinov, in the curated graph and in the union
                Node litvinov = NodeFactory.createURI(BaseIri.DEFAULT_IRI + "id/litvinov");
                assertTrue(tdb.getDefaultGraph().contains(litvinov, RDFS.label.asNode(), NodeFactory.createLiteralLang("Maxim Litvinov", "en")));
            });
            // what build checks after the bulk load: every index whole (here it is; one quad more than it holds is not)
            Tdb2Store.checkIndexes(tdb, lines, store);
            KgException shortIndex = assertThrows(KgException.class, () -> Tdb2Store.checkIndexes(tdb, lines + 1, store));
            assertTrue(shortIndex.getMessage().contains("the TDB2 store was not loaded whole (quad index GSPO holds " + lines + " of the "
                    + (lines + 1) + " quads"), shortIndex.getMessage());
        } finally {
            TDBInternal.expel(tdb);
        }
    }
}
