package org.sovietpolicykg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.diagnostics.Problem;
import org.sovietpolicykg.diagnostics.Problems;

/**
 * The SHACL shapes of ontology/shapes.ttl, through the project's own validator, accept the real graph and reject each
 * bad fixture of src/test/resources/ShapesTest/: a SPARQL Update that breaks the real graph in one way. Its first line
 * says how, its second names the shape that must catch it, its third is the problem the build must report.
 */
class ShapesTest {
    static final Path FIXTURES = Path.of("src/test/resources/ShapesTest");
    static final Graph SHAPES_GRAPH = RDFDataMgr.loadGraph(ShapesValidator.SHAPES_FILE);

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.toString().matches(".*-bad-\\d+\\.ru")).sorted();
    }

    static List<String> problems(DatasetGraph dsg) {
        Problems problems = new Problems();
        ShapesValidator.validate(dsg, SHAPES_GRAPH, problems);
        return problems.list().stream().map(Problem::toString).toList();
    }

    @Test
    void the_real_graph_conforms() {
        assertEquals(List.of(), problems(TestGraphs.real().dataset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void each_bad_fixture_is_reported_by_its_shape_with_a_readable_message(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# bad: "), "first line says why it is bad");
        assertTrue(lines.get(1).startsWith("# shape: spsh:"), "second line names the shape");
        assertTrue(lines.get(2).startsWith("# problem: "), "third line is the problem the build reports");
        String shape = lines.get(1).substring("# shape: ".length()).strip();
        String expected = lines.get(2).substring("# problem: ".length()).strip();

        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        TestGraphs.real().dataset().find().forEachRemaining(copy::add);
        Set<Quad> before = copy.stream().collect(Collectors.toSet());
        UpdateAction.parseExecute(String.join("\n", lines), copy);
        assertNotEquals(before, copy.stream().collect(Collectors.toSet()), "the fixture changes the graph");

        List<String> reported = problems(copy);
        assertTrue(reported.stream().allMatch(p -> p.startsWith(ShapesValidator.SHAPES_FILE + ": shape violation of spsh:")),
                String.join("\n", reported));
        assertTrue(reported.stream().anyMatch(p -> p.contains("shape violation of " + shape + " ")), fixture + ": not caught by "
                + shape + " but:\n" + String.join("\n", reported));
        assertTrue(reported.contains(expected), fixture + ": expected the problem\n" + expected + "\nbut the validator reported:\n"
                + String.join("\n", reported));
    }
}
