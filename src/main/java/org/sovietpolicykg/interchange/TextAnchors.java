package org.sovietpolicykg.interchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * One source text of a built graph as the interchange formats need it: its paragraphs and sentences (with their
 * offsets in code points of the whole text) and every annotation anchored in it (kind, body, motivation, creator, the
 * segment its target selects from, and the span both as the segment's offsets and as the whole text's), read from the
 * graph alone, so that a build and a server loading a build's dump give the same TEI and Web Annotations.
 * <pre>
 *   TextAnchors essay = TextAnchors.of(union, BaseIri.DEFAULT, "essay").orElseThrow();
 *   essay.anchors().size();   // 349
 * </pre>
 */
public record TextAnchors(String name, Node text, String value, List<Part> paragraphs, List<Part> sentences, List<Anchor> anchors) {

    /** A paragraph ({@code sentence} 0) or sentence: its IRI, numbers, span [start, end) in the whole text, and text. */
    public record Part(Node iri, int paragraph, int sentence, int start, int end, String text) {
        /** Its id in the reading view and the TEI: {@code p4} or {@code p4-s1}. */
        public String id() {
            return sentence == 0 ? "p" + paragraph : "p" + paragraph + "-s" + sentence;
        }
    }

    /**
     * An annotation: its IRI, kind (mention, description, claim, statement, link: the path after {@code anno/}), body,
     * motivation, creator, the segment its target selects from, the span relative to that segment and in the whole
     * text, and the quote selector's exact, prefix and suffix.
     */
    public record Anchor(Node iri, String kind, Node body, Node motivation, Node creator, Part segment, int relStart, int relEnd,
            String exact, String prefix, String suffix) {
        public int start() {
            return segment.start() + relStart;
        }

        public int end() {
            return segment.start() + relEnd;
        }
    }

    /** The source text {@code name} of a graph (the union of the named graphs), if the graph has it. */
    public static Optional<TextAnchors> of(Graph g, BaseIri base, String name) {
        Node text = base.node(SPD.text(name));
        if (!g.contains(text, RDF.type.asNode(), base.node(SPO.Essay)))
            return Optional.empty();
        Node index = base.node(SPO.index), start = base.node(SPO.start), end = base.node(SPO.end);
        String value = literal(g, text, RDF.value.asNode()).orElse("");
        List<Part> paragraphs = new ArrayList<>();
        List<Part> sentences = new ArrayList<>();
        for (Node p : parts(g, text, index)) {
            int pi = integer(g, p, index);
            paragraphs.add(new Part(p, pi, 0, integer(g, p, start), integer(g, p, end), literal(g, p, RDF.value.asNode()).orElse("")));
            for (Node s : parts(g, p, index))
                sentences.add(new Part(s, pi, integer(g, s, index), integer(g, s, start), integer(g, s, end),
                        literal(g, s, RDF.value.asNode()).orElse("")));
        }
        List<Anchor> anchors = new ArrayList<>();
        // the targets on this text's paragraphs and sentences, found from each of them (an indexed look-up), not by
        // going through the targets of every text of the graph
        List<Triple> targets = new ArrayList<>();
        Map<Node, Part> segments = new LinkedHashMap<>();
        for (Part part : paragraphs)
            segments.put(part.iri(), part);
        for (Part part : sentences)
            segments.putIfAbsent(part.iri(), part);
        for (Part part : segments.values())
            for (Node target : g.find(Node.ANY, OA.hasSource, part.iri()).mapWith(Triple::getSubject).toList())
                targets.addAll(g.find(Node.ANY, OA.hasTarget, target).toList());
        targets.forEach(t -> {
            Node anno = t.getSubject();
            Optional<Part> seg = first(g, t.getObject(), OA.hasSource).map(segments::get);
            Optional<Node> body = first(g, anno, OA.hasBody);
            if (seg.isEmpty() || body.isEmpty())
                return;
            Integer relStart = null, relEnd = null;
            String exact = null, prefix = "", suffix = "";
            for (Node sel : g.find(t.getObject(), OA.hasSelector, Node.ANY).mapWith(Triple::getObject).toList()) {
                if (g.contains(sel, RDF.type.asNode(), OA.TextPositionSelector)) {
                    relStart = integer(g, sel, OA.start);
                    relEnd = integer(g, sel, OA.end);
                } else if (g.contains(sel, RDF.type.asNode(), OA.TextQuoteSelector)) {
                    exact = literal(g, sel, OA.exact).orElse(null);
                    prefix = literal(g, sel, OA.prefix).orElse("");
                    suffix = literal(g, sel, OA.suffix).orElse("");
                }
            }
            if (relStart == null || exact == null)
                return;
            anchors.add(new Anchor(anno, kind(anno), body.get(), first(g, anno, OA.motivatedBy).orElse(OA.describing),
                    first(g, anno, DCTerms.creator.asNode()).orElse(base.node(SPD.CURATORS)), seg.get(), relStart, relEnd, exact, prefix,
                    suffix));
        });
        // text order, the longer of two that start together first, then by IRI: the same order every time
        anchors.sort(Comparator.comparingInt(Anchor::start).thenComparing(a -> -(a.end() - a.start())).thenComparing(a -> a.iri().getURI()));
        return Optional.of(new TextAnchors(name, text, value, List.copyOf(paragraphs), List.copyOf(sentences), List.copyOf(anchors)));
    }

    /** The names of the source texts of a graph, sorted. */
    public static List<String> names(Graph g, BaseIri base) {
        String prefix = base.node(SPD.text("")).getURI();
        return g.find(Node.ANY, RDF.type.asNode(), base.node(SPO.Essay)).mapWith(Triple::getSubject).toList().stream()
                .filter(Node::isURI).map(Node::getURI).filter(u -> u.startsWith(prefix)).map(u -> u.substring(prefix.length()))
                .filter(n -> !n.isEmpty() && !n.contains("/")).distinct().sorted().toList();
    }

    /** The sentences of a paragraph. */
    public List<Part> sentencesOf(Part paragraph) {
        return sentences.stream().filter(s -> s.paragraph() == paragraph.paragraph()).toList();
    }

    /** The sentence that holds a span of the whole text, if one does. */
    public Optional<Part> sentenceHolding(int start, int end) {
        return sentences.stream().filter(s -> s.start() <= start && end <= s.end()).findFirst();
    }

    /** The whole text between two code point offsets. */
    public String slice(int start, int end) {
        return value.substring(value.offsetByCodePoints(0, start), value.offsetByCodePoints(0, end));
    }

    /** The kind of an annotation: the path segment after {@code anno/} (mention, description, claim, statement, link). */
    public static String kind(Node anno) {
        String u = anno.getURI();
        int i = u.indexOf("/anno/");
        if (i < 0)
            return "";
        String rest = u.substring(i + 6);
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    static Optional<Node> first(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(Comparator.comparing(Node::toString)).findFirst();
    }

    static Optional<String> literal(Graph g, Node s, Node p) {
        return first(g, s, p).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
    }

    static int integer(Graph g, Node s, Node p) {
        return literal(g, s, p).map(Integer::parseInt).orElse(0);
    }

    private static List<Node> parts(Graph g, Node whole, Node index) {
        return g.find(Node.ANY, DCTerms.isPartOf.asNode(), whole).mapWith(Triple::getSubject).toList().stream().distinct()
                .sorted(Comparator.comparingInt(n -> integer(g, n, index))).toList();
    }
}
