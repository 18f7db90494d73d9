package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The synthetic corpus of the scale benchmark ({@code bench/Corpus.java}, run as a user runs it, with the java
 * launcher): the same N gives byte-identical files, and its output builds into a graph of N texts, each with the
 * essay's claims, statements and links under ids of its own, about the same entities.
 */
class CorpusGeneratorTest {
    @TempDir
    static Path tmp;
    static Path three;

    static Path generate(int n, String name) throws IOException, InterruptedException {
        Path out = tmp.resolve(name);
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Process p = new ProcessBuilder(java.toString(), "-cp", classPath(), "bench/Corpus.java", Integer.toString(n), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the generator ends");
        assertEquals(0, p.exitValue(), log);
        return out;
    }

    /** The class path of this test run (it has SnakeYAML, as the jar has). */
    static String classPath() {
        return ManagementFactory.getRuntimeMXBean().getClassPath();
    }

    @BeforeAll
    static void generateThree() throws Exception {
        three = generate(3, "three");
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void the_same_n_gives_byte_identical_files() throws Exception {
        Path again = generate(3, "three-again");
        assertEquals(files(three), files(again));
        for (Path f : files(three))
            assertArrayEquals(Files.readAllBytes(three.resolve(f)), Files.readAllBytes(again.resolve(f)), f.toString());
        assertTrue(files(three).contains(Path.of("data/sources/essay-c3/curation/04-paragraph-4.yaml")));
    }

    @Test
    void its_output_builds_into_n_texts_with_the_essays_pattern_each() {
        KnowledgeGraph kg = GraphBuilder.create().projectDir(three).build();
        DatasetGraph corpus = kg.dataset();
        DatasetGraph essay = TestGraphs.real().dataset();
        Node curated = kg.baseIri().node(SPD.GRAPH_CURATED);
        for (Node type : List.of(SPO.Claim, SPO.DomesticForeignLink))
            assertEquals(3 * count(essay, curated, type), count(corpus, curated, type), "three times the essay's " + type);
        assertEquals(3, kg.texts().size(), "the essay and two copies");
        assertTrue(corpus.getGraph(curated).contains(NodeFactory.createURI(BaseIri.DEFAULT_IRI + "claim/author-thesis-c3"), RDF.type.asNode(), SPO.Claim));
    }

    static long count(DatasetGraph dsg, Node graph, Node type) {
        return dsg.getGraph(graph).find(Node.ANY, RDF.type.asNode(), type).toList().size();
    }
}
