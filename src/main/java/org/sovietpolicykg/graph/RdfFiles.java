package org.sovietpolicykg.graph;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.sovietpolicykg.diagnostics.InputFiles;
import org.sovietpolicykg.diagnostics.Problems;

/**
 * Reads the Turtle files of ontology/ with every error and warning kept as a problem with file:line:col, and with
 * blank-node labels that depend only on the file (its name and the order of its blank nodes), so that two builds
 * write byte-identical output.
 */
public final class RdfFiles {
    private RdfFiles() {}

    /**
     * Parses one Turtle file of the project (read through {@link InputFiles}: a link out of the project, an empty,
     * binary or non-UTF-8 file is a problem with its name); on errors the problems are recorded and the (partial)
     * graph is returned.
     */
    public static Graph readTurtle(Path projectDir, Path file, String displayName, Problems problems) {
        Graph parsed = GraphFactory.createDefaultGraph();
        int before = problems.size();
        Optional<String> text = InputFiles.readText(projectDir, file, displayName, "Turtle (ontology terms, concepts or shapes)", problems);
        if (text.isEmpty())
            return parsed;
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                problems.add(displayName, (int) line, (int) col, "Turtle warning: " + message);
            }

            @Override
            public void error(String message, long line, long col) {
                problems.add(displayName, (int) line, (int) col, "Turtle error: " + message);
            }

            @Override
            public void fatal(String message, long line, long col) {
                problems.add(displayName, (int) line, (int) col, "Turtle syntax error: " + message);
                throw new RiotException(message);
            }
        };
        try {
            RDFParser.fromString(text.get(), Lang.TURTLE).errorHandler(handler)
                    .labelToNode(LabelToNode.createIncremental()).parse(parsed);
        } catch (RiotException e) {
            if (problems.size() == before) // not already recorded by the handler
                problems.add(displayName, 0, 0, "cannot read: " + e.getMessage());
        }
        String stem = displayName.replaceAll(".*/", "").replaceAll("\\.[^.]*$", "");
        Graph out = GraphFactory.createDefaultGraph();
        parsed.find().forEach(t -> out.add(Triple.create(rename(t.getSubject(), stem), t.getPredicate(),
                rename(t.getObject(), stem))));
        out.getPrefixMapping().setNsPrefixes(parsed.getPrefixMapping());
        return out;
    }

    private static Node rename(Node n, String stem) {
        return n.isBlank() ? NodeFactory.createBlankNode(stem + "-" + n.getBlankNodeLabel()) : n;
    }
}
