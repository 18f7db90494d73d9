package org.sovietpolicykg.release;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;

import org.sovietpolicykg.Sha256;

/**
 * A graph as Turtle, the same bytes for the same triples: each blank node is named by a digest of what it holds (its
 * triples, its own blank nodes by their names in turn), and the triples go into a fresh graph in N-Triples order, so
 * that Jena writes them in the same order each time (it nests the blank nodes, so the names are not seen). For graphs
 * whose blank nodes form trees (VoID's partitions, DCAT's distributions and their checksums); a cycle of blank nodes,
 * or two that hold the same, is refused.
 */
final class CanonicalTurtle {
    private CanonicalTurtle() {}

    static byte[] of(Graph g) {
        Map<Node, Node> named = new HashMap<>();
        Set<Node> inProgress = new HashSet<>();
        Map<Node, Node> byName = new HashMap<>();
        g.find().forEachRemaining(t -> {
            for (Node n : List.of(t.getSubject(), t.getObject()))
                if (n.isBlank())
                    name(g, n, named, inProgress, byName);
        });
        List<Triple> triples = new ArrayList<>();
        g.find().forEachRemaining(t -> triples.add(Triple.create(named.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(),
                named.getOrDefault(t.getObject(), t.getObject()))));
        triples.sort(Comparator.comparing(t -> NodeFmtLib.str(t)));
        Graph out = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().getNsPrefixMap().forEach((p, u) -> out.getPrefixMapping().setNsPrefix(p, u));
        triples.forEach(out::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFWriter.source(out).format(RDFFormat.TURTLE_PRETTY).output(bytes);
        return bytes.toByteArray();
    }

    private static Node name(Graph g, Node b, Map<Node, Node> named, Set<Node> inProgress, Map<Node, Node> byName) {
        Node done = named.get(b);
        if (done != null)
            return done;
        if (!inProgress.add(b))
            throw new IllegalArgumentException("A cycle of blank nodes through " + b + ": a canonical Turtle needs trees of them");
        List<String> content = new ArrayList<>();
        for (Triple t : g.find(b, Node.ANY, Node.ANY).toList()) {
            Node o = t.getObject().isBlank() ? name(g, t.getObject(), named, inProgress, byName) : t.getObject();
            content.add(NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(o));
        }
        content.sort(null);
        Node name = NodeFactory.createBlankNode("b" + Sha256.hex(String.join("\n", content)));
        Node other = byName.putIfAbsent(name, b);
        if (other != null && !other.equals(b))
            throw new IllegalArgumentException("Two blank nodes hold the same triples (" + String.join("; ", content) + "): one is redundant");
        inProgress.remove(b);
        named.put(b, name);
        return name;
    }
}
