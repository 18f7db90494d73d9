package org.sovietpolicykg.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The orders the dumps are written in, made without writing them: the quads in the order of their sorted N-Quads lines,
 * and the union's triples in the order of their sorted Turtle forms. Each term is formatted once (by the writer's own
 * formatter) and the tuples compared term by term, which is the order of the lines: a formatted term is never a proper
 * prefix of another except where the longer goes on with a character above the space that follows a term in a line
 * ({@code "a"} and {@code "a"@en}, {@code _:b1} and {@code _:b10}). Sorting the lines themselves held the whole dump as
 * text (hundreds of MB at a hundred texts); this holds one string per distinct term.
 */
final class QuadOrder {
    private static final NodeFormatter NT = new NodeFormatterNT(CharSpace.UTF8);

    private QuadOrder() {}

    /** A quad and the N-Quads forms of its terms. */
    private record Line(String s, String p, String o, String g, Quad quad) {}

    private static final Comparator<Line> LINES = Comparator.comparing(Line::s).thenComparing(Line::p).thenComparing(Line::o)
            .thenComparing(Line::g);

    /** A triple and the Turtle forms of its terms (no prefixes). */
    private record Key(String s, String p, String o, Triple triple) {}

    private static final Comparator<Key> KEYS = Comparator.comparing(Key::s).thenComparing(Key::p).thenComparing(Key::o);

    /** The quads of the named graphs, as their N-Quads lines sort; blank nodes labelled as the N-Quads file labels them. */
    static List<Quad> nquads(DatasetGraph named) {
        Map<Node, String> forms = new HashMap<>();
        Function<Node, String> form = n -> forms.computeIfAbsent(n, QuadOrder::nt);
        List<Line> lines = new ArrayList<>();
        named.find().forEachRemaining(q -> {
            if (!q.isDefaultGraph())
                lines.add(new Line(form.apply(q.getSubject()), form.apply(q.getPredicate()), form.apply(q.getObject()),
                        form.apply(q.getGraph()), q));
        });
        lines.sort(LINES);
        List<Quad> quads = new ArrayList<>(lines.size());
        for (Line l : lines)
            quads.add(l.quad());
        return quads;
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

    /** The triples of the union, each once, as their Turtle forms ({@code NodeFmtLib.str}) sort. */
    static List<Triple> union(DatasetGraph named) {
        Map<Node, String> forms = new HashMap<>();
        Function<Node, String> form = n -> forms.computeIfAbsent(n, NodeFmtLib::strTTL);
        List<Key> keys = new ArrayList<>();
        named.find().forEachRemaining(q -> {
            Triple t = q.asTriple();
            keys.add(new Key(form.apply(t.getSubject()), form.apply(t.getPredicate()), form.apply(t.getObject()), t));
        });
        keys.sort(KEYS);
        List<Triple> triples = new ArrayList<>(keys.size());
        Key last = null;
        for (Key k : keys) {
            if (last == null || !k.triple().equals(last.triple()))
                triples.add(k.triple());
            last = k;
        }
        return triples;
    }

    private static String nt(Node n) {
        IndentedLineBuffer b = new IndentedLineBuffer();
        NT.format(b, n);
        return b.asString();
    }
}
