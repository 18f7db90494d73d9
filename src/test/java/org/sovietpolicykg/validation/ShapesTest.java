package org.sovietpolicykg.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovietpolicykg.TestGraphs;

/**
 * The SHACL shapes of ontology/shapes.ttl accept the real graph and reject each bad fixture of
 * src/test/resources/ShapesTest/: a SPARQL Update that breaks the real graph in one way (its first line says how,
 * its second names the shape that must catch it).
 */
class ShapesTest {
    static final Path FIXTURES = Path.of("src/test/resources/ShapesTest");
    static final Graph SHAPES_GRAPH = RDFDataMgr.loadGraph("ontology/shapes.ttl");
    static final Shapes SHAPES = Shapes.parse(SHAPES_GRAPH);
    static final String SPSH = "https://w3id.org/soviet-policy-kg/shapes#";

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.toString().matches(".*-bad-\\d+\\.ru")).sorted();
    }

    @Test
    void the_real_graph_conforms() {
        ValidationReport r = ShaclValidator.get().validate(SHAPES, union(TestGraphs.real().dataset()));
        assertTrue(r.conforms(), () -> r.getEntries().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void each_bad_fixture_is_caught_by_its_shape(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# bad: "), "first line says why it is bad");
        assertTrue(lines.get(1).startsWith("# shape: spsh:"), "second line names the shape");
        Node expected = NodeFactory.createURI(SPSH + lines.get(1).substring("# shape: spsh:".length()).trim());

        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        TestGraphs.real().dataset().find().forEachRemaining(copy::add);
        java.util.Set<org.apache.jena.sparql.core.Quad> before = copy.stream().collect(Collectors.toSet());
        UpdateAction.parseExecute(String.join("\n", lines), copy);
        assertNotEquals(before, copy.stream().collect(Collectors.toSet()), "the fixture changes the graph");

        ValidationReport r = ShaclValidator.get().validate(SHAPES, union(copy));
        assertFalse(r.conforms(), fixture + " passed validation");
        boolean caught = r.getEntries().stream().anyMatch(e -> e.source().equals(expected)
                || SHAPES_GRAPH.contains(expected, SHACL.property, e.source()));
        assertTrue(caught, fixture + ": not caught by " + expected + " but by "
                + r.getEntries().stream().map(e -> e.source() + ": " + e.message()).collect(Collectors.joining("; ")));
    }

    static Graph union(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }
}
