package org.sovietpolicykg.validation;

import java.util.Comparator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.vocabulary.Prefixes;

/**
 * Validates the whole dataset (the union of its named graphs) against the SHACL shapes of ontology/shapes.ttl,
 * and turns each violation into a readable problem: the shape's message, the focus node and the path, in
 * prefixed form.
 */
public final class ShapesValidator {
    /** Where the shapes are, relative to the project folder. */
    public static final String SHAPES_FILE = "ontology/shapes.ttl";

    private ShapesValidator() {}

    public static void validate(DatasetGraph dsg, Graph shapesGraph, Problems problems) {
        Graph data = GraphFactory.createDefaultGraph();
        dsg.listGraphNodes().forEachRemaining(g -> dsg.getGraph(g).find().forEachRemaining(data::add));
        Shapes shapes;
        try {
            shapes = Shapes.parse(shapesGraph);
        } catch (RuntimeException e) {
            problems.add(SHAPES_FILE, 0, 0, "the shapes are not valid SHACL: " + e.getMessage());
            return;
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        if (report.conforms())
            return;
        report.getEntries().stream().sorted(Comparator.comparing(ShapesValidator::describe))
                .forEach(e -> problems.add(SHAPES_FILE, 0, 0, describe(e)));
    }

    static String describe(ReportEntry e) {
        return "shape violation at " + fmt(e.focusNode()) + (e.resultPath() == null ? "" : " (path " + e.resultPath() + ")")
                + ": " + e.message() + (e.value() == null ? "" : " [value: " + fmt(e.value()) + "]");
    }

    private static String fmt(Node n) {
        if (n.isURI()) {
            String a = Prefixes.standard().abbreviate(n.getURI());
            return a == null ? "<" + n.getURI() + ">" : a;
        }
        return n.toString();
    }
}
