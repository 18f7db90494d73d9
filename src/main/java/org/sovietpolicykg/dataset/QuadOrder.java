package org.sovietpolicykg.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The order the dumps are written in, made without writing them: the quads in the order of their sorted N-Quads lines,
 * and the union's triples in that order, each once. Each term is formatted once (by the writer's own
 * formatter) and the tuples compared term by term, which is the order of the lines: a formatted term is never a proper
 * prefix of another except where the longer goes on with a character above the space that follows a term in a line
 * ({@code "a"} and {@code "a"@en}, {@code _:b1} and {@code _:b10}). Sorting the lines themselves held the whole dump as
 * text (hundreds of MB at a hundred texts); this holds one string per distinct term.
 */
final class QuadOrder {
    private static final NodeFormatter NT = new NodeFormatterNT(CharSpace.UTF8);

    private QuadOrder() {}

    /** A quad and the N-Quads forms of its terms. */
    record Line(String s, String p, String o, String g, Quad quad) {
        /** The same terms as the triple of another line (the union holds it once). */
        boolean sameTriple(Line other) {
            return s.equals(other.s) && p.equals(other.p) && o.equals(other.o);
        }
    }

    private static final Comparator<Line> LINES = Comparator.comparing(Line::s).thenComparing(Line::p).thenComparing(Line::o)
            .thenComparing(Line::g);

    /**
     * The quads of the named graphs, as their N-Quads lines sort, each with its terms as the lines write them; blank
     * nodes labelled as the N-Quads file labels them. The one sort the N-Quads, the RDF Thrift file and the union's
     * Turtle are written from.
     */
    static List<Line> nquads(DatasetGraph named) {
        Map<Node, String> forms = new HashMap<>();
        Function<Node, String> form = n -> forms.computeIfAbsent(n, QuadOrder::nt);
        List<Line> lines = new ArrayList<>();
        named.find().forEachRemaining(q -> {
            if (!q.isDefaultGraph())
                lines.add(new Line(form.apply(q.getSubject()), form.apply(q.getPredicate()), form.apply(q.getObject()),
                        form.apply(q.getGraph()), q));
        });
        lines.sort(LINES);
        return lines;
    }

    /**
     * The triples of the union, each once, in the order of the sorted N-Quads lines, handed on one by one (not collected:
     * ten million at a thousand texts): a triple in several graphs has its lines side by side there (they differ only
     * in the graph, which sorts last).
     */
    static void forEachUnionTriple(List<Line> sorted, Consumer<Triple> action) {
        Line last = null;
        for (Line l : sorted) {
            if (last == null || !l.sameTriple(last))
                action.accept(l.quad().asTriple());
            last = l;
        }
    }

    /**
     * The quads as a parser of the N-Quads file gives them back with the labels as written ({@code _:Bxyz} is the node
     * {@code Bxyz}): what the RDF Thrift file holds, so that it is the same bytes as one made from the N-Quads file.
     */
    static Quad asReadBack(Quad q) {
        if (!q.getSubject().isBlank() && !q.getObject().isBlank() && !q.getGraph().isBlank())
            return q;
        return Quad.create(readBack(q.getGraph()), readBack(q.getSubject()), q.getPredicate(), readBack(q.getObject()));
    }

    private static Node readBack(Node n) {
        return n.isBlank() ? NodeFactory.createBlankNode(nt(n).substring(2)) : n;
    }

    private static String nt(Node n) {
        return format(NT, n);
    }

    /** A term as a formatter writes it. */
    static String format(NodeFormatter formatter, Node n) {
        IndentedLineBuffer b = new IndentedLineBuffer();
        formatter.format(b, n);
        return b.asString();
    }
}
