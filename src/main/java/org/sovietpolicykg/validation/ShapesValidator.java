package org.sovietpolicykg.validation;


import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovietpolicykg.diagnostics.Loc;
import org.sovietpolicykg.diagnostics.Problem;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.Prefixes;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.vocabulary.SHACL;

/**
 * Validates the whole dataset (the union of its named graphs) against the SHACL shapes of ontology/shapes.ttl,
 * and turns each violation into a readable problem: the shape's message, the focus node and the path, in
 * prefixed form.
 */
public final class ShapesValidator {
    /** Where the shapes are, relative to the project folder. */
    public static final String SHAPES_FILE = "ontology/shapes.ttl";

    private static final PrefixMap PREFIXES = prefixes();

    private ShapesValidator() {}

    private static PrefixMap prefixes() {
        PrefixMap pm = Prefixes.standard();
        pm.add("spsh", BaseIri.DEFAULT_IRI + "shapes#");
        return pm;
    }

    /** Validates; each violation is reported at {@code ontology/shapes.ttl}. */
    public static void validate(DatasetGraph dsg, Graph shapesGraph, Problems problems) {
        validate(dsg, shapesGraph, problems, n -> Optional.empty());
    }

    /**
     * Validates; a violation is reported at the place {@code locate} gives for its focus node (the curation entry
     * that made it, {@code file:line:col}), else at {@code ontology/shapes.ttl}.
     */
    public static void validate(DatasetGraph dsg, Graph shapesGraph, Problems problems, Function<Node, Optional<Loc>> locate) {
        // the union of the graphs as a view, not a copy (at a hundred texts a copy is a million triples more in memory)
        MultiUnion data = new MultiUnion();
        dsg.listGraphNodes().forEachRemaining(g -> data.addGraph(dsg.getGraph(g)));
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
        for (ReportEntry e : report.getEntries()) {
            String d = describe(e, shapesGraph);
            Optional<Loc> at = locate.apply(e.focusNode());
            problems.add(at.map(l -> l.problem(d + " (a rule of " + SHAPES_FILE + ")")).orElse(Problem.at(SHAPES_FILE, 0, 0, d)));
        }
    }

    static String describe(ReportEntry e, Graph shapes) {
        return "shape violation of " + shape(e.source(), shapes) + " at " + fmt(e.focusNode())
                + (e.resultPath() == null ? "" : " (path " + e.resultPath() + ")")
                + ": " + e.message() + (e.value() == null ? "" : " [value: " + fmt(e.value()) + "]");
    }

    /**
     * The shape a result comes from: the node shape, followed by its property shape when that has a name of its own
     * ({@code spsh:ClaimShape (spsh:Claim-claimedBy)}).
     */
    private static String shape(Node source, Graph shapes) {
        String parent = shapes.find(Node.ANY, SHACL.property, source).mapWith(t -> t.getSubject()).filterKeep(Node::isURI)
                .toList().stream().map(ShapesValidator::fmt).sorted().findFirst().orElse(null);
        if (parent == null)
            return source.isURI() ? fmt(source) : "a shape";
        return source.isURI() ? parent + " (" + fmt(source) + ")" : parent;
    }

    private static String fmt(Node n) {
        if (n.isURI()) {
            String a = PREFIXES.abbreviate(n.getURI());
            return a == null ? "<" + n.getURI() + ">" : a;
        }
        return n.toString();
    }
}
