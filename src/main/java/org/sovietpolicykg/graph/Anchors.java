package org.sovietpolicykg.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.curation.Declarations.QuoteRef;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.text.QuoteMatch;
import org.sovietpolicykg.text.QuoteResolver;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * Ties graph resources to the essay with W3C Web Annotations. A quote is resolved to exactly one span; the
 * annotation's target is the smallest segment that holds it (a sentence, or the paragraph when the quote runs over
 * a sentence boundary), selected by a {@code TextQuoteSelector} and a {@code TextPositionSelector} whose offsets are
 * code points relative to that segment's text. A second target ({@code …/text-target}, as the Web Annotation model
 * allows an annotation several) has the whole text as its source and one {@code TextPositionSelector}
 * ({@code …/text-position}) whose offsets count from the start of the text: the passage's absolute position, with no
 * sentence start to add. Which is which is the target's {@code oa:hasSource}: a sentence or paragraph, or the text.
 */
public final class Anchors {
    /** Context kept around a quote in the emitted TextQuoteSelector, in code points. */
    static final int CONTEXT = 32;

    private final String sourceName;
    private final String display;
    private final Segmentation text;
    private final QuoteResolver resolver;
    private final Problems problems;
    private final List<Anchored> anchored = new ArrayList<>();

    /** A resolved span of the essay, code points [start, end) of the whole text, and the segment holding it. */
    public record Span(int start, int end, Segment segment) {}

    /** What was anchored where: kind (claim, statement, link, description), curation id, span. */
    public record Anchored(String kind, String id, Span span) {}

    /** Anchors in the text of source {@code source} ({@code data/sources/NAME}), named {@code display} in problems. */
    public Anchors(String source, String display, Segmentation text, Problems problems) {
        this.sourceName = source;
        this.display = display;
        this.text = text;
        this.resolver = new QuoteResolver(text.source());
        this.problems = problems;
    }

    /** Resolves a curator's quote; a missing or ambiguous quote is recorded as a problem with file:line. */
    public Optional<Span> resolve(QuoteRef ref, String what) {
        QuoteMatch m = resolver.resolve(ref.quote());
        if (m instanceof QuoteMatch.Found f) {
            Optional<Segment> seg = text.smallestContaining(f.start(), f.end());
            if (seg.isEmpty()) {
                problems.add(ref.loc().problem("the quote of " + what + " runs over a paragraph break: \""
                        + ref.quote().exact() + "\"; expected a passage within one paragraph"));
                return Optional.empty();
            }
            return Optional.of(new Span(f.start(), f.end(), seg.get()));
        }
        if (m instanceof QuoteMatch.Ambiguous a) {
            String where = a.starts().stream().map(st -> text.paragraphAt(st).map(Segment::label).orElse("?")
                    + " (offset " + st + ")").collect(Collectors.joining(", "));
            problems.add(ref.loc().problem("the quote of " + what + " occurs " + a.starts().size() + " times: \""
                    + ref.quote().exact() + "\" at " + where + "; expected exactly one: add prefix: or suffix:"));
        } else if (m instanceof QuoteMatch.Missing miss) {
            problems.add(ref.loc().problem("the quote of " + what + " is not in " + display + ": \"" + ref.quote().exact()
                    + "\"" + describeContext(ref) + "; nearest passage (edit distance " + miss.distance() + ", "
                    + text.paragraphAt(miss.nearestStart()).map(Segment::label).orElse("text") + "): \""
                    + miss.nearest() + "\""));
        }
        return Optional.empty();
    }

    private static String describeContext(QuoteRef ref) {
        String c = "";
        if (!ref.quote().prefix().isEmpty())
            c += " with prefix \"" + ref.quote().prefix() + "\"";
        if (!ref.quote().suffix().isEmpty())
            c += " with suffix \"" + ref.quote().suffix() + "\"";
        return c;
    }

    /** Records that a curated resource is anchored at a span (for the coverage report). */
    public void record(String kind, String id, Span span) {
        anchored.add(new Anchored(kind, id, span));
    }

    /** Everything anchored so far, in curation order. */
    public List<Anchored> anchored() {
        return List.copyOf(anchored);
    }

    /**
     * Writes an annotation {@code anno} whose body is {@code body}, anchored at {@code span}:
     * the annotation, its target (a SpecificResource) and the two selectors.
     */
    public void emit(Graph g, Node anno, Node type, Node body, Node motivation, Span span) {
        Segment seg = span.segment();
        Node source = seg.isParagraph() ? SPD.paragraph(sourceName, seg.paragraph()) : SPD.sentence(sourceName, seg.paragraph(), seg.sentence());
        Node target = SPD.sub(anno, "target");
        Node quote = SPD.sub(anno, "quote");
        Node position = SPD.sub(anno, "position");
        int relStart = span.start() - seg.start();
        int relEnd = span.end() - seg.start();
        String segText = seg.text();
        int cpLen = segText.codePointCount(0, segText.length());
        String exact = slice(segText, relStart, relEnd);
        String prefix = slice(segText, Math.max(0, relStart - CONTEXT), relStart);
        String suffix = slice(segText, relEnd, Math.min(cpLen, relEnd + CONTEXT));

        add(g, anno, RDF.type.asNode(), OA.Annotation);
        if (!type.equals(OA.Annotation))
            add(g, anno, RDF.type.asNode(), type);
        add(g, anno, OA.motivatedBy, motivation);
        add(g, anno, OA.hasBody, body);
        add(g, anno, OA.hasTarget, target);
        add(g, anno, DCTerms.creator.asNode(), SPD.CURATORS);
        add(g, target, RDF.type.asNode(), OA.SpecificResource);
        add(g, target, OA.hasSource, source);
        add(g, target, SPO.inParagraph, SPD.paragraph(sourceName, seg.paragraph()));
        for (Segment s : text.sentencesOf(seg.paragraph()))
            if (s.start() < span.end() && span.start() < s.end())
                add(g, target, SPO.inSentence, SPD.sentence(sourceName, s.paragraph(), s.sentence()));
        add(g, target, OA.hasSelector, quote);
        add(g, target, OA.hasSelector, position);
        add(g, quote, RDF.type.asNode(), OA.TextQuoteSelector);
        add(g, quote, OA.exact, NodeFactory.createLiteralString(exact));
        if (!prefix.isEmpty())
            add(g, quote, OA.prefix, NodeFactory.createLiteralString(prefix));
        if (!suffix.isEmpty())
            add(g, quote, OA.suffix, NodeFactory.createLiteralString(suffix));
        add(g, position, RDF.type.asNode(), OA.TextPositionSelector);
        add(g, position, OA.start, nonNegative(relStart));
        add(g, position, OA.end, nonNegative(relEnd));

        // the same passage by its absolute position: a second target, on the whole text
        Node textTarget = SPD.sub(anno, "text-target");
        Node textPosition = SPD.sub(anno, "text-position");
        add(g, anno, OA.hasTarget, textTarget);
        add(g, textTarget, RDF.type.asNode(), OA.SpecificResource);
        add(g, textTarget, OA.hasSource, SPD.text(sourceName));
        add(g, textTarget, OA.hasSelector, textPosition);
        add(g, textPosition, RDF.type.asNode(), OA.TextPositionSelector);
        add(g, textPosition, OA.start, nonNegative(span.start()));
        add(g, textPosition, OA.end, nonNegative(span.end()));
    }

    static Node nonNegative(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
    }

    private static String slice(String s, int cpStart, int cpEnd) {
        return s.substring(s.offsetByCodePoints(0, cpStart), s.offsetByCodePoints(0, cpEnd));
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
