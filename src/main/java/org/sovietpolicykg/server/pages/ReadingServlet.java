package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.html.Highlighter.Span;
import org.sovietpolicykg.html.Highlighter;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * The reading view: {@code /read/SOURCE} (and {@code /essay} for the essay) shows a text as a reader sees it, its
 * paragraphs and sentences numbered, every anchor highlighted where its quote sits and linked to its page (see
 * {@link Highlighter}), with a legend and a filter by kind ({@code ?kind=claim&kind=link}, plain links: no script
 * needed). With {@code Accept: application/tei+xml} (or {@code ?format=tei}) the same text is TEI P5 ({@link TeiDocument}). Each sentence has the id {@code p4-s1}, so {@code /read/essay#p4-s1} opens at it. The pages are made once
 * per text and filter (the data does not change while the server runs).
 */
public final class ReadingServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/read/";
    public static final String ESSAY = "/essay";

    private final transient DatasetGraph queryable;
    private final transient Terms terms;
    private final transient Map<String, String> pages = new ConcurrentHashMap<>();
    private final transient Map<String, byte[]> teis = new ConcurrentHashMap<>();
    /** What a text is offered as: the page, and TEI. */
    static final List<String> OFFERED = List.of(Format.HTML.mediaType(), TeiDocument.MEDIA_TYPE);

    public ReadingServlet(DatasetGraph queryable, Terms terms) {
        this.queryable = queryable;
        this.terms = terms;
    }

    /** Where to read a sentence or paragraph (its local path, {@code /text/essay/p4/s1}) in its text. */
    public static String href(String localPath) {
        String[] parts = localPath.split("/");
        // "", "text", SOURCE, pN[, sM]
        if (parts.length < 4 || !parts[1].equals("text"))
            return localPath;
        String page = parts[2].equals(SPD.FIRST_SOURCE) ? ESSAY : PATH + parts[2];
        return page + "#" + parts[3] + (parts.length > 4 ? "-" + parts[4] : "");
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String source = req.getServletPath().equals(ESSAY) ? SPD.FIRST_SOURCE
                : Optional.ofNullable(req.getPathInfo()).map(p -> p.replaceFirst("^/", "")).orElse("");
        Set<String> kinds = new TreeSet<>();
        String[] asked = req.getParameterValues("kind");
        if (asked != null) {
            for (String k : asked) {
                if (!Highlighter.KINDS.contains(k))
                    throw new BadRequestException("Unknown kind=" + k + "; expected one of " + Highlighter.KINDS);
                kinds.add(k);
            }
        }
        if (kinds.isEmpty())
            kinds.addAll(Highlighter.KINDS);
        Set<String> modalities = new TreeSet<>();
        String[] firm = req.getParameterValues("modality");
        if (firm != null) {
            for (String m : firm) {
                if (!MODALITIES.contains(m))
                    throw new BadRequestException("Unknown modality=" + m + "; expected one of " + MODALITIES);
                modalities.add(m);
            }
        }
        if (modalities.isEmpty())
            modalities.addAll(MODALITIES);
        Node text = terms.base().node(NodeFactory.createURI(SPD.BASE + "text/" + source));
        Graph g = queryable.getDefaultGraph();
        if (source.isEmpty() || source.contains("/") || !g.contains(text, RDF.type.asNode(), Node.ANY))
            throw new NotFoundException("No text " + (source.isEmpty() ? "named" : "\"" + source + "\"") + " to read here", texts(g));
        // the same text as TEI P5 (RFC 6129), for TEI tools: by Accept, or ?format=tei
        boolean tei = "tei".equals(req.getParameter("format"))
                || Negotiation.chooseMediaType(req, resp, OFFERED, Format.HTML.mediaType()).equals(TeiDocument.MEDIA_TYPE);
        if (tei) {
            bytes(resp, TeiDocument.MEDIA_TYPE, teis.computeIfAbsent(source,
                    s -> TeiDocument.of(g, terms.base(), s).map(TeiDocument::bytes).orElseThrow()));
            return;
        }
        String key = source + " " + kinds + " " + modalities;
        html(resp, pages.computeIfAbsent(key, k -> render(g, text, source, kinds, modalities)));
    }

    /** A sentence with its anchors highlighted (for the sentence's own page), if the node is a sentence. */
    Optional<String> highlighted(Node sentence) {
        Graph g = queryable.getDefaultGraph();
        if (!g.contains(sentence, RDF.type.asNode(), spo("Sentence")))
            return Optional.empty();
        Optional<Node> value = Terms.first(g, sentence, RDF.value.asNode());
        if (value.isEmpty())
            return Optional.empty();
        List<Span> spans = spans(g, new TreeSet<>(Highlighter.KINDS), MODALITIES).getOrDefault(sentence, List.of());
        return Optional.of(Highlighter.html(value.get().getLiteralLexicalForm(), spans));
    }

    /** The texts of the graph, as places to read. */
    private List<Suggestion> texts(Graph g) {
        Node paragraph = spo("Paragraph");
        TreeSet<String> names = new TreeSet<>();
        g.find(Node.ANY, RDF.type.asNode(), paragraph).forEachRemaining(t -> g.find(t.getSubject(), DCTerms.isPartOf.asNode(), Node.ANY)
                .forEachRemaining(p -> names.add(p.getObject().getURI())));
        List<Suggestion> l = new ArrayList<>();
        for (String iri : names) {
            String name = iri.substring(iri.lastIndexOf('/') + 1);
            l.add(new Suggestion(Terms.label(g, NodeFactory.createURI(iri)).orElse(name),
                    name.equals(SPD.FIRST_SOURCE) ? ESSAY : PATH + name));
        }
        return l;
    }

    private Node spo(String local) {
        return terms.spo(local);
    }

    private String render(Graph g, Node text, String source, Set<String> kinds, Set<String> modalities) {
        Map<Node, List<Span>> bySentence = spans(g, kinds, modalities);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Highlighter.KINDS.forEach(k -> counts.put(k, 0));
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (Node p : parts(g, text)) {
            List<Map<String, Object>> sentences = new ArrayList<>();
            int pi = index(g, p);
            for (Node s : parts(g, p)) {
                int si = index(g, s);
                String value = g.find(s, RDF.value.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).next();
                List<Span> spans = bySentence.getOrDefault(s, List.of());
                spans.forEach(x -> counts.merge(x.kind(), 1, Integer::sum));
                Map<String, Object> m = new HashMap<>();
                m.put("id", "p" + pi + "-s" + si);
                m.put("number", pi + "." + si);
                m.put("href", terms.base().href(s.getURI()));
                m.put("html", Highlighter.html(value, spans));
                sentences.add(m);
            }
            paragraphs.add(Map.of("id", "p" + pi, "number", pi, "href", terms.base().href(p.getURI()), "sentences", sentences));
        }
        String here = source.equals(SPD.FIRST_SOURCE) ? ESSAY : PATH + source;
        List<Map<String, Object>> legend = new ArrayList<>();
        for (String k : Highlighter.KINDS)
            legend.add(Map.of("kind", k, "label", plural(k), "count", counts.get(k), "only", here + "?kind=" + k,
                    "shown", kinds.contains(k)));
        Map<String, Object> s = new HashMap<>();
        String title = g.find(text, DCTerms.title.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList()
                .stream().sorted().findFirst().orElse(source);
        s.put("title", title);
        s.put("heading", title);
        s.put("textHref", terms.base().href(text.getURI()));
        s.put("paragraphs", paragraphs);
        s.put("legend", legend);
        s.put("all", here);
        s.put("filtered", kinds.size() < Highlighter.KINDS.size() || modalities.size() < MODALITIES.size());
        // how firmly the text puts its statements and links: a filter of its own
        Map<String, Integer> firmness = modalityCounts(g);
        List<Map<String, Object>> byModality = new ArrayList<>();
        for (String m : MODALITIES)
            byModality.add(Map.of("modality", m, "label", MODALITY_LABELS.get(m), "count", firmness.getOrDefault(m, 0),
                    "only", here + "?modality=" + m, "shown", modalities.contains(m)));
        s.put("modalities", byModality);
        s.put("anchors", counts.values().stream().mapToInt(Integer::intValue).sum());
        return Pages.render("reading", s);
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "mention" -> "mentions (entities named)";
            case "claim" -> "claims (by the historians, the author or the curators)";
            case "statement" -> "statements (facts the text states)";
            case "link" -> "domestic–foreign links";
            default -> "descriptions (passages that describe an entity)";
        };
    }

    /** How firmly the text puts a statement or a link ({@code spo:modality}): the concepts' local names. */
    static final List<String> MODALITIES = List.of("asserted", "hedged", "questioned");
    static final Map<String, String> MODALITY_LABELS = Map.of("asserted", "asserted (the text says so)",
            "hedged", "hedged (the text only suggests it: \"seems\", \"could be argued\")", "questioned", "questioned (the text asks it)");

    /** The modality of a statement or link, as the local name of its concept; empty for anything else. */
    private Optional<String> modality(Graph g, Node body) {
        return Terms.first(g, body, spo("modality")).filter(Node::isURI).map(m -> m.getURI().substring(m.getURI().lastIndexOf('/') + 1));
    }

    /** Whether an annotation target selects within a sentence or paragraph (not the target on the whole text). */
    private boolean inSegment(Graph g, Node target) {
        return Terms.first(g, target, spo("inParagraph")).isPresent();
    }

    /** The statements' and links' anchors by modality. */
    private Map<String, Integer> modalityCounts(Graph g) {
        Map<String, Integer> counts = new HashMap<>();
        g.find(Node.ANY, OA.hasTarget, Node.ANY).forEachRemaining(t -> {
            String kind = ResourcePage.kind(t.getSubject());
            if (!inSegment(g, t.getObject()))
                return;                       // the second target, on the whole text, is the same passage
            if (kind.equals("statement") || kind.equals("link"))
                Terms.first(g, t.getSubject(), OA.hasBody).flatMap(b -> modality(g, b)).ifPresent(m -> counts.merge(m, 1, Integer::sum));
        });
        return counts;
    }

    /**
     * The anchors of every sentence: each annotation's position in its sentence, its kind and its body's page; of the
     * statements and links, those of the modalities asked for.
     */
    private Map<Node, List<Span>> spans(Graph g, Set<String> kinds, Collection<String> modalities) {
        Map<Node, List<Span>> m = new HashMap<>();
        g.find(Node.ANY, OA.hasTarget, Node.ANY).forEachRemaining(t -> {
            Node anno = t.getSubject();
            String kind = ResourcePage.kind(anno);
            if (!kinds.contains(kind))
                return;
            Node target = t.getObject();
            if (!inSegment(g, target))
                return;                       // the second target, on the whole text (absolute offsets)
            Optional<Node> sentence = Terms.first(g, target, OA.hasSource);
            Optional<Node> body = Terms.first(g, anno, OA.hasBody);
            if (sentence.isEmpty() || body.isEmpty())
                return;
            g.find(target, OA.hasSelector, Node.ANY).mapWith(Triple::getObject).forEachRemaining(sel -> {
                Optional<Node> start = Terms.first(g, sel, OA.start);
                Optional<Node> end = Terms.first(g, sel, OA.end);
                if (start.isEmpty() || end.isEmpty())
                    return;
                Node b = body.get();
                Optional<String> firm = modality(g, b);
                if (firm.isPresent() && !modalities.contains(firm.get()))
                    return;
                String label = bodyLabel(g, b, kind);
                String title = kind + firm.map(f -> " (" + f + ")").orElse("") + ": " + (label.length() > 160 ? label.substring(0, 157) + "…" : label);
                m.computeIfAbsent(sentence.get(), x -> new ArrayList<>()).add(new Span(Integer.parseInt(start.get().getLiteralLexicalForm()),
                        Integer.parseInt(end.get().getLiteralLexicalForm()), kind, terms.base().href(b.getURI()), title,
                        terms.base().href(anno.getURI())));
            });
        });
        return m;
    }

    /** What a highlight's title says of its body: a statement or link as its sentence, else the label. */
    private String bodyLabel(Graph g, Node b, String kind) {
        List<Node> parts = switch (kind) {
            case "statement" -> List.of(RDF.subject.asNode(), RDF.predicate.asNode(), RDF.object.asNode());
            case "link" -> List.of(spo("domesticSide"), spo("relation"), spo("foreignSide"));
            default -> List.of();
        };
        List<String> words = new ArrayList<>();
        for (Node p : parts)
            Terms.first(g, b, p).ifPresent(n -> words.add(n.isURI() ? Terms.label(g, n).orElse(terms.name(n)) : n.getLiteralLexicalForm()));
        if (!words.isEmpty() && words.size() == parts.size())
            return String.join(" — ", words);
        return Terms.label(g, b).orElse(terms.name(b));
    }

    /** The parts of a text or paragraph, in their order. */
    private List<Node> parts(Graph g, Node whole) {
        return g.find(Node.ANY, DCTerms.isPartOf.asNode(), whole).mapWith(Triple::getSubject).toList().stream()
                .sorted(Comparator.comparingInt(n -> index(g, n))).toList();
    }

    private int index(Graph g, Node n) {
        return Terms.first(g, n, spo("index")).map(x -> Integer.parseInt(x.getLiteralLexicalForm())).orElse(0);
    }
}
