package org.sovietpolicykg.interchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.interchange.TextAnchors.Anchor;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The anchors of the graph as W3C Web Annotations (Web Annotation Data Model, JSON-LD with the
 * {@code http://www.w3.org/ns/anno.jsonld} context) and, per source text, an {@code AnnotationCollection} paged by
 * {@code AnnotationPage}s as the Web Annotation Protocol lays them out. Each annotation has its IRI as {@code id}, the
 * graph's motivation ({@code identifying} for a mention, {@code describing}, {@code linking}), its creator, a target
 * that selects its passage of a sentence (or paragraph) by a {@code TextQuoteSelector} (exact, prefix, suffix) and a
 * {@code TextPositionSelector} (code points from the start of that segment), and bodies that name what it is about:
 * an identifying {@code SpecificResource} whose source is the entity, claim, statement or link, a tagging
 * {@code TextualBody} with the entity's class, and for a claim a commenting one with its summary.
 * <pre>
 *   WebAnnotations annos = WebAnnotations.of(union, BaseIri.DEFAULT);
 *   ObjectNode page = annos.page("essay", "http://localhost:3030/annotations/essay/", 0).orElseThrow();
 * </pre>
 */
public final class WebAnnotations {
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    public static final String LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
    /** The JSON-LD profile of Web Annotations, as the protocol negotiates it. */
    public static final String PROFILE = CONTEXT;
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"" + PROFILE + "\"";
    /** Annotations on a page of a collection. */
    public static final int PAGE_SIZE = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Graph g;
    private final BaseIri base;
    private final Map<String, TextAnchors> texts = new LinkedHashMap<>();
    private final Map<String, Anchor> byIri = new LinkedHashMap<>();

    private WebAnnotations(Graph g, BaseIri base) {
        this.g = g;
        this.base = base;
        for (String name : TextAnchors.names(g, base))
            TextAnchors.of(g, base, name).ifPresent(t -> {
                texts.put(name, t);
                t.anchors().forEach(a -> byIri.put(a.iri().getURI(), a));
            });
    }

    /** The annotations of every source text of a graph (the union of its named graphs). */
    public static WebAnnotations of(Graph union, BaseIri base) {
        return new WebAnnotations(union, base);
    }

    /** The names of the source texts. */
    public List<String> sources() {
        return List.copyOf(texts.keySet());
    }

    /** How many annotations a source has (empty when there is no such source). */
    public Optional<Integer> total(String source) {
        return Optional.ofNullable(texts.get(source)).map(t -> t.anchors().size());
    }

    /** The annotation of an IRI, with its {@code @context}, if it is one of the graph's. */
    public Optional<ObjectNode> annotation(String iri) {
        return Optional.ofNullable(byIri.get(iri)).map(a -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("@context", CONTEXT);
            o.setAll(annotation(a));
            return o;
        });
    }

    /**
     * The collection of a source at {@code url} (ending in '/'): its label, total, the first page embedded and the last
     * page's IRI; empty when there is no such source.
     */
    public Optional<ObjectNode> collection(String source, String url) {
        TextAnchors t = texts.get(source);
        if (t == null)
            return Optional.empty();
        ObjectNode c = JSON.createObjectNode();
        ArrayNode context = c.putArray("@context");
        context.add(CONTEXT).add(LDP_CONTEXT);
        c.put("id", url);
        c.putArray("type").add("BasicContainer").add("AnnotationCollection");
        c.put("label", label(t));
        c.put("total", t.anchors().size());
        int pages = pages(t);
        if (pages > 0) {
            ObjectNode first = page(t, url, 0);
            first.remove("partOf");
            c.set("first", first);
            c.put("last", pageUrl(url, pages - 1));
        }
        return Optional.of(c);
    }

    /** Page {@code n} (from 0) of a source's collection at {@code url}; empty when there is no such source or page. */
    public Optional<ObjectNode> page(String source, String url, int n) {
        TextAnchors t = texts.get(source);
        if (t == null || n < 0 || n >= pages(t))
            return Optional.empty();
        ObjectNode p = JSON.createObjectNode();
        p.put("@context", CONTEXT);
        p.setAll(page(t, url, n));
        return Optional.of(p);
    }

    /** How many pages a source's collection has. */
    public Optional<Integer> pages(String source) {
        return Optional.ofNullable(texts.get(source)).map(WebAnnotations::pages);
    }

    public static String pageUrl(String collectionUrl, int n) {
        return collectionUrl + "?page=" + n;
    }

    private static int pages(TextAnchors t) {
        return (t.anchors().size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    private ObjectNode page(TextAnchors t, String url, int n) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", pageUrl(url, n));
        p.put("type", "AnnotationPage");
        ObjectNode partOf = p.putObject("partOf");
        partOf.put("id", url);
        partOf.put("label", label(t));
        partOf.put("total", t.anchors().size());
        p.put("startIndex", n * PAGE_SIZE);
        if (n > 0)
            p.put("prev", pageUrl(url, n - 1));
        if (n + 1 < pages(t))
            p.put("next", pageUrl(url, n + 1));
        ArrayNode items = p.putArray("items");
        t.anchors().subList(n * PAGE_SIZE, Math.min(t.anchors().size(), (n + 1) * PAGE_SIZE)).forEach(a -> items.add(annotation(a)));
        return p;
    }

    private String label(TextAnchors t) {
        return "The annotations of " + TextAnchors.literal(g, t.text(), DCTerms.title.asNode()).orElse(t.name());
    }

    /** One annotation, without a context of its own (as the items of a page are). */
    private ObjectNode annotation(Anchor a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.iri().getURI());
        o.put("type", "Annotation");
        o.put("motivation", motivation(a.motivation()));
        ObjectNode creator = o.putObject("creator");
        creator.put("id", a.creator().getURI());
        creator.put("type", g.contains(a.creator(), RDF.type.asNode(), base.node(SPO.term("Person"))) ? "Person" : "Organization");
        creator.put("name", TextAnchors.literal(g, a.creator(), RDFS.label.asNode()).orElse(a.creator().getURI()));
        ArrayNode bodies = o.putArray("body");
        ObjectNode what = bodies.addObject();
        what.put("type", "SpecificResource");
        what.put("purpose", a.kind().equals("mention") ? "identifying" : motivation(a.motivation()));
        what.put("source", a.body().getURI());
        Optional<String> cls = mostSpecificClass(a.body());
        if (a.kind().equals("mention") || a.kind().equals("description"))
            cls.ifPresent(c -> textual(bodies, "tagging", c));
        if (a.kind().equals("claim"))
            TextAnchors.literal(g, a.body(), base.node(SPO.summary)).ifPresent(s -> textual(bodies, "commenting", s));
        ObjectNode target = o.putObject("target");
        target.put("type", "SpecificResource");
        target.put("source", a.segment().iri().getURI());
        ArrayNode selectors = target.putArray("selector");
        ObjectNode quote = selectors.addObject();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", a.exact());
        if (!a.prefix().isEmpty())
            quote.put("prefix", a.prefix());
        if (!a.suffix().isEmpty())
            quote.put("suffix", a.suffix());
        ObjectNode position = selectors.addObject();
        position.put("type", "TextPositionSelector");
        position.put("start", a.relStart());
        position.put("end", a.relEnd());
        return o;
    }

    private static void textual(ArrayNode bodies, String purpose, String value) {
        ObjectNode b = bodies.addObject();
        b.put("type", "TextualBody");
        b.put("purpose", purpose);
        b.put("value", value);
        b.put("format", "text/plain");
    }

    /** The class of an entity as a tag: the ontology's local name of its most specific class ({@code Person}, {@code Policy}). */
    private Optional<String> mostSpecificClass(Node e) {
        String ns = base.node(SPO.term("")).getURI();
        List<String> types = g.find(e, RDF.type.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList().stream().filter(Node::isURI)
                .map(Node::getURI).filter(u -> u.startsWith(ns)).map(u -> u.substring(ns.length())).sorted().toList();
        for (String specific : List.of("Historian", "Author", "Decision", "Doctrine", "Idea", "Outcome", "Office", "Work", "Policy", "Event",
                "Group", "State", "Place", "CuratorTeam", "Organisation", "Person"))
            if (types.contains(specific))
                return Optional.of(specific);
        return types.stream().findFirst();
    }

    private static String motivation(Node m) {
        return m.isURI() && m.getURI().startsWith(OA.NS) ? m.getURI().substring(OA.NS.length()) : "describing";
    }
}
