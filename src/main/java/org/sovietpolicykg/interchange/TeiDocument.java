package org.sovietpolicykg.interchange;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.interchange.TextAnchors.Anchor;
import org.sovietpolicykg.interchange.TextAnchors.Part;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;
import org.sovietpolicykg.vocabulary.WD;

/**
 * A source text of the graph as a TEI P5 document ({@code application/tei+xml}, RFC 6129), written with the JDK's
 * {@link XMLStreamWriter}: a {@code teiHeader} (title, author, the curators, licence, the text's sha256, a
 * {@code sourceDesc}); the text's paragraphs and sentences as {@code <p xml:id="p4">} and {@code <s xml:id="p4-s1">};
 * every mention as {@code persName}, {@code placeName}, {@code orgName} or {@code rs type="…"} with {@code @ref} to
 * the entity's IRI, and the essay's time phrases as {@code date} (its {@code @when} or {@code @from}/{@code @to} the
 * reference dates where there are some, else the text's own); then a {@code standOff}: the entities in
 * {@code listPerson}, {@code listPlace}, {@code listOrg}, {@code listEvent}, {@code listBibl} and {@code listObject}
 * (with {@code idno type="wikidata"} where a QID is known), the statements and links as {@code listRelation}, the
 * claims as {@code interpGrp}, each attributed ({@code @resp}) to whoever makes it and pointing at its sentences, and
 * every anchor of the graph as a {@code span} whose {@code @target} is a {@code string-range()} pointer into its
 * sentence. Passages that nest are nested in the text; one that would cross another (or a sentence) is left to its
 * {@code span} in the standOff, so the document is always well-formed. The same graph gives the same bytes.
 * <pre>
 *   byte[] tei = TeiDocument.of(union, BaseIri.DEFAULT, "essay").orElseThrow().bytes();
 * </pre>
 */
public final class TeiDocument {
    public static final String NS = "http://www.tei-c.org/ns/1.0";
    public static final String MEDIA_TYPE = "application/tei+xml";
    /** The file {@code build} writes for a source: {@code essay.tei.xml}. */
    public static final String EXTENSION = ".tei.xml";
    /** The data's licence (the same as the dataset's). */
    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

    private final byte[] bytes;
    private final int inlineMentions;
    private final int dates;

    private TeiDocument(byte[] bytes, int inlineMentions, int dates) {
        this.bytes = bytes;
        this.inlineMentions = inlineMentions;
        this.dates = dates;
    }

    /** The document, UTF-8. */
    public byte[] bytes() {
        return bytes;
    }

    /** How many mentions are marked up in the text itself (the others, if any, are only in the standOff). */
    public int inlineMentions() {
        return inlineMentions;
    }

    /** How many time phrases are marked up as {@code date}. */
    public int dates() {
        return dates;
    }

    /** The file name of a source's TEI: {@code essay.tei.xml}. */
    public static String fileName(String source) {
        return source + EXTENSION;
    }

    /** The TEI of every source text of a graph, by file name. */
    public static Map<String, byte[]> all(Graph union, BaseIri base) {
        Map<String, byte[]> m = new TreeMap<>();
        for (String name : TextAnchors.names(union, base))
            of(union, base, name).ifPresent(t -> m.put(fileName(name), t.bytes()));
        return m;
    }

    /** The TEI of the source text {@code name}, if the graph has it. */
    public static Optional<TeiDocument> of(Graph union, BaseIri base, String name) {
        return TextAnchors.of(union, base, name).map(t -> new Writer(union, base, t).write());
    }

    /** The element a mention is marked up with, by its entity's class. */
    enum Kind {
        PERSON("persName", "listPerson", "person"), PLACE("placeName", "listPlace", "place"), ORG("orgName", "listOrg", "org"),
        EVENT("rs", "listEvent", "event"), WORK("rs", "listBibl", "bibl"), OTHER("rs", "listObject", "object");

        final String element, list, entry;

        Kind(String element, String list, String entry) {
            this.element = element;
            this.list = list;
            this.entry = entry;
        }
    }

    /** A passage marked up inline: [start, end) of the whole text, its element and attributes. */
    private record Inline(int start, int end, String element, Map<String, String> attributes, boolean mention) {}

    private static final class Writer {
        private final Graph g;
        private final BaseIri base;
        private final TextAnchors t;
        private final String entityNs;
        private XMLStreamWriter w;
        private int inlineMentions;
        private int dates;

        Writer(Graph g, BaseIri base, TextAnchors t) {
            this.g = g;
            this.base = base;
            this.t = t;
            this.entityNs = base.node(SPD.entity("")).getURI();
        }

        private Node spo(Node term) {
            return base.node(term);
        }

        private Node spo(String local) {
            return base.node(SPO.term(local));
        }

        TeiDocument write() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                // the JDK's own writer, whichever StAX library is on the class path: the same bytes from every build
                w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
                nl();
                w.setDefaultNamespace(NS);
                w.writeStartElement(NS, "TEI");
                w.writeDefaultNamespace(NS);
                TextAnchors.literal(g, t.text(), DCTerms.language.asNode()).ifPresent(l -> xmlAttribute("lang", l));
                nl();
                header();
                body();
                standOff();
                w.writeEndElement();
                nl();
                w.writeEndDocument();
                w.close();
            } catch (XMLStreamException e) {
                throw new KgException("The TEI of " + t.name() + " could not be written: " + e.getMessage(), e);
            }
            return new TeiDocument(out.toByteArray(), inlineMentions, dates);
        }

        /** An element naming a resource: its label, {@code @ref} its pointer. */
        private void named(String element, Node resource) throws XMLStreamException {
            w.writeStartElement(element);
            w.writeAttribute("ref", pointer(resource));
            w.writeCharacters(label(resource));
            w.writeEndElement();
            nl();
        }

        // ---- the header

        private void header() throws XMLStreamException {
            String title = TextAnchors.literal(g, t.text(), DCTerms.title.asNode()).orElse(t.name());
            Optional<Node> author = TextAnchors.first(g, t.text(), DCTerms.creator.asNode());
            String sha = TextAnchors.literal(g, t.text(), spo(SPO.sha256)).orElse("");
            Node curators = base.node(SPD.CURATORS);
            start("teiHeader");
            start("fileDesc");
            start("titleStmt");
            element("title", title);
            if (author.isPresent())
                named("author", author.get());
            start("respStmt");
            element("resp", "Annotation of the entities, claims, statements and domestic–foreign links, each anchored to its passage");
            named("orgName", curators);
            end();
            end();
            start("publicationStmt");
            element("publisher", "Soviet Policy KG");
            idno("URI", t.text().getURI());
            start("availability");
            w.writeStartElement("licence");
            w.writeAttribute("target", LICENCE);
            w.writeCharacters("Creative Commons Attribution 4.0 International (CC BY 4.0)");
            w.writeEndElement();
            nl();
            end();
            end();
            start("sourceDesc");
            start("bibl");
            element("title", title);
            if (author.isPresent())
                named("author", author.get());
            idno("sha256", sha);
            element("note", "The text byte for byte as received (its spellings kept); this sha256 is of that file, and every offset of the"
                    + " annotations counts its Unicode code points.");
            end();
            end();
            end();
            start("encodingDesc");
            start("projectDesc");
            element("p", "A knowledge graph of this text (" + base.iri() + "): every @ref is the IRI of the graph's resource,"
                    + " every string-range() pointer counts code points from the start of its sentence or paragraph.");
            end();
            end();
            end();
        }

        // ---- the text

        private void body() throws XMLStreamException {
            start("text");
            start("body");
            Map<Part, List<Inline>> inline = inline();
            for (Part p : t.paragraphs()) {
                w.writeStartElement("p");
                xmlAttribute("id", p.id());
                int pos = p.start();
                for (Part s : t.sentencesOf(p)) {
                    characters(pos, s.start());
                    w.writeStartElement("s");
                    xmlAttribute("id", s.id());
                    marked(s, inline.getOrDefault(s, List.of()));
                    w.writeEndElement();
                    pos = s.end();
                }
                characters(pos, p.end());
                w.writeEndElement();
                nl();
            }
            end();
            end();
        }

        /** The sentence's text with its passages nested as they nest; one that would cross another is left out. */
        private void marked(Part s, List<Inline> spans) throws XMLStreamException {
            Deque<Inline> open = new ArrayDeque<>();
            int pos = s.start();
            for (Inline x : spans) {
                while (!open.isEmpty() && open.peek().end() <= x.start()) {
                    characters(pos, open.peek().end());
                    pos = open.pop().end();
                    w.writeEndElement();
                }
                if (!open.isEmpty() && x.end() > open.peek().end())
                    continue; // it crosses an open one: its span in the standOff says where it is
                characters(pos, x.start());
                pos = x.start();
                w.writeStartElement(x.element());
                for (Map.Entry<String, String> a : x.attributes().entrySet())
                    w.writeAttribute(a.getKey(), a.getValue());
                open.push(x);
                if (x.mention())
                    inlineMentions++;
                else
                    dates++;
            }
            while (!open.isEmpty()) {
                characters(pos, open.peek().end());
                pos = open.pop().end();
                w.writeEndElement();
            }
            characters(pos, s.end());
        }

        /** The mentions and time phrases of each sentence, in text order, the longer of two that start together first. */
        private Map<Part, List<Inline>> inline() {
            Map<Part, List<Inline>> m = new LinkedHashMap<>();
            for (Anchor a : t.anchors()) {
                if (!a.kind().equals("mention"))
                    continue;
                Optional<Part> s = t.sentenceHolding(a.start(), a.end());
                if (s.isEmpty())
                    continue;
                Kind k = kind(a.body());
                Map<String, String> attrs = new LinkedHashMap<>();
                if (k.element.equals("rs"))
                    attrs.put("type", typeName(a.body()));
                attrs.put("ref", a.body().getURI());
                m.computeIfAbsent(s.get(), x -> new ArrayList<>()).add(new Inline(a.start(), a.end(), k.element, attrs, true));
            }
            for (Inline d : dates())
                t.sentenceHolding(d.start(), d.end()).ifPresent(s -> m.computeIfAbsent(s, x -> new ArrayList<>()).add(d));
            m.values().forEach(l -> l.sort(Comparator.comparingInt(Inline::start).thenComparing(x -> -(x.end() - x.start()))
                    .thenComparing(x -> x.mention() ? 1 : 0)));
            return m;
        }

        /**
         * The time phrases of the text: each {@code spo:essayPhrase} of a time span, found inside the passage that anchors
         * what it is the time of (an entity's description, a statement), once per place.
         */
        private List<Inline> dates() {
            // where two things anchor the same phrase, the one with the shorter passage (the more specific) gives its time
            record Found(Inline date, int passage, String owner) {}
            Map<Integer, Found> found = new TreeMap<>();
            // from each anchor to what it anchors (its body, or who has it as an anchor) and their times: the times of
            // this text's owners only, not every time of the graph against every anchor
            for (Anchor a : t.anchors()) {
                if (a.kind().equals("mention"))
                    continue;
                Set<Node> owners = new LinkedHashSet<>();
                owners.add(a.body());
                g.find(Node.ANY, spo(SPO.hasAnchor), a.iri()).mapWith(Triple::getSubject).forEachRemaining(owners::add);
                for (Triple ts : owners.stream().flatMap(o -> g.find(o, spo(SPO.timeSpan), Node.ANY).toList().stream()).toList()) {
                    Node owner = ts.getSubject();
                    Optional<String> phrase = TextAnchors.literal(g, ts.getObject(), spo(SPO.essayPhrase));
                    if (phrase.isEmpty() || phrase.get().isEmpty() || !owner.isURI())
                        continue;
                    int i = a.exact().indexOf(phrase.get());
                    if (i < 0)
                        continue;
                    int start = a.start() + a.exact().codePointCount(0, i);
                    int end = start + phrase.get().codePointCount(0, phrase.get().length());
                    Map<String, String> attrs = when(owner, ts.getObject());
                    if (attrs.isEmpty())
                        continue;
                    Found f = new Found(new Inline(start, end, "date", attrs, false), a.end() - a.start(), owner.getURI());
                    found.merge(start, f, (x, y) -> Comparator.comparingInt(Found::passage).thenComparing(Found::owner).compare(x, y) <= 0 ? x : y);
                }
            }
            return found.values().stream().map(Found::date).toList();
        }

        /** {@code @when}, or {@code @from} and {@code @to}: the reference dates where there are some, else the text's own. */
        private Map<String, String> when(Node owner, Node essayTime) {
            Node span = TextAnchors.first(g, owner, spo(SPO.referenceTimeSpan)).orElse(essayTime);
            String precision = TextAnchors.first(g, span, spo(SPO.precision)).filter(Node::isURI)
                    .map(p -> p.getURI().substring(p.getURI().lastIndexOf('/') + 1)).orElse("day");
            Optional<String> from = TextAnchors.literal(g, span, spo(SPO.notBefore)).map(d -> at(d, precision));
            Optional<String> to = TextAnchors.literal(g, span, spo(SPO.notAfter)).map(d -> at(d, precision));
            Map<String, String> m = new LinkedHashMap<>();
            if (from.isPresent() && from.equals(to))
                m.put("when", from.get());
            else {
                from.ifPresent(f -> m.put("from", f));
                to.ifPresent(x -> m.put("to", x));
            }
            return m;
        }

        /** A date at a precision: {@code 1939-08-23}, {@code 1939-08} or {@code 1939}. */
        private static String at(String date, String precision) {
            return switch (precision) {
                case "day" -> date;
                case "month" -> date.length() >= 7 ? date.substring(0, 7) : date;
                default -> date.length() >= 4 ? date.substring(0, 4) : date;
            };
        }

        // ---- the standOff

        private void standOff() throws XMLStreamException {
            start("standOff");
            Map<Kind, TreeSet<String>> byKind = new TreeMap<>();
            for (Node e : entities())
                byKind.computeIfAbsent(kind(e), k -> new TreeSet<>()).add(e.getURI());
            for (Kind k : Kind.values()) {
                if (!byKind.containsKey(k))
                    continue;
                w.writeStartElement(k.list);
                if (k == Kind.OTHER)
                    w.writeAttribute("type", "concepts");
                nl();
                for (String iri : byKind.get(k))
                    entry(k, NodeFactory.createURI(iri));
                end();
            }
            relations();
            claims();
            spans();
            end();
        }

        /** Every entity the text names, and every agent and party of its claims, statements and links. */
        private TreeSet<Node> entities() {
            TreeSet<Node> s = new TreeSet<>(Comparator.comparing(Node::getURI));
            for (Anchor a : t.anchors()) {
                add(s, a.body());
                add(s, a.creator());
                if (a.kind().equals("claim"))
                    TextAnchors.first(g, a.body(), spo(SPO.claimedBy)).ifPresent(x -> add(s, x));
                if (a.kind().equals("statement")) {
                    TextAnchors.first(g, a.body(), RDF.subject.asNode()).ifPresent(x -> add(s, x));
                    TextAnchors.first(g, a.body(), RDF.object.asNode()).ifPresent(x -> add(s, x));
                    agent(a.body()).ifPresent(x -> add(s, x));
                }
                if (a.kind().equals("link")) {
                    TextAnchors.first(g, a.body(), spo(SPO.domesticSide)).ifPresent(x -> add(s, x));
                    TextAnchors.first(g, a.body(), spo(SPO.foreignSide)).ifPresent(x -> add(s, x));
                    agent(a.body()).ifPresent(x -> add(s, x));
                }
            }
            TextAnchors.first(g, t.text(), DCTerms.creator.asNode()).ifPresent(x -> add(s, x));
            return s;
        }

        private void add(TreeSet<Node> s, Node n) {
            if (n.isURI() && n.getURI().startsWith(entityNs) && g.contains(n, RDF.type.asNode(), Node.ANY))
                s.add(n);
        }

        private void entry(Kind k, Node e) throws XMLStreamException {
            w.writeStartElement(k.entry);
            xmlAttribute("id", id(e));
            if (k == Kind.OTHER || k == Kind.EVENT || k == Kind.WORK)
                w.writeAttribute("type", typeName(e));
            switch (k) {
                case PERSON -> element("persName", label(e));
                case PLACE -> element("placeName", label(e));
                case ORG -> element("orgName", label(e));
                case EVENT -> element("label", label(e));
                case WORK -> element("title", label(e));
                case OTHER -> {
                    start("objectIdentifier");
                    element("objectName", label(e));
                    idnos(e);
                    end();
                }
            }
            if (k != Kind.OTHER)
                idnos(e);
            if (k == Kind.EVENT || k == Kind.OTHER) {
                Optional<String> d = TextAnchors.literal(g, e, DCTerms.description.asNode());
                if (d.isPresent()) {
                    // the curators' gloss: a note of an event (after its identifiers), a paragraph of an object
                    w.writeStartElement(k == Kind.EVENT ? "note" : "p");
                    w.writeCharacters(d.get());
                    w.writeEndElement();
                    nl();
                }
            }
            w.writeEndElement();
            nl();
        }

        /** The entity's IRI, and its Wikidata item where one is known (the kind of match as the subtype, when not exact). */
        private void idnos(Node e) throws XMLStreamException {
            idno("URI", e.getURI());
            for (String kind : List.of("wikidata", "wikidataCloseMatch", "wikidataBroadMatch")) {
                for (Node q : g.find(e, spo(kind), Node.ANY).mapWith(Triple::getObject).toList().stream()
                        .filter(Node::isURI).sorted(Comparator.comparing(Node::getURI)).toList()) {
                    w.writeStartElement("idno");
                    w.writeAttribute("type", "wikidata");
                    if (!kind.equals("wikidata"))
                        w.writeAttribute("subtype", kind.equals("wikidataCloseMatch") ? "closeMatch" : "broadMatch");
                    w.writeCharacters(q.getURI().startsWith(WD.NS) ? q.getURI().substring(WD.NS.length()) : q.getURI());
                    w.writeEndElement();
                    nl();
                }
            }
        }

        /** Statements and links, each a relation between its two sides, attributed to who makes it, at its sentences. */
        private void relations() throws XMLStreamException {
            List<Anchor> rel = t.anchors().stream().filter(a -> a.kind().equals("statement") || a.kind().equals("link"))
                    .sorted(Comparator.comparing((Anchor a) -> a.kind()).thenComparing(a -> a.body().getURI())).toList();
            if (rel.isEmpty())
                return;
            w.writeStartElement("listRelation");
            w.writeAttribute("type", "statements-and-links");
            nl();
            for (Anchor a : rel) {
                boolean link = a.kind().equals("link");
                Optional<Node> active = TextAnchors.first(g, a.body(), link ? spo(SPO.domesticSide) : RDF.subject.asNode());
                Optional<Node> passive = TextAnchors.first(g, a.body(), link ? spo(SPO.foreignSide) : RDF.object.asNode());
                Optional<Node> name = TextAnchors.first(g, a.body(), link ? spo(SPO.relation) : RDF.predicate.asNode());
                if (active.isEmpty() || passive.isEmpty() || name.isEmpty())
                    continue;
                w.writeEmptyElement("relation");
                xmlAttribute("id", a.kind() + "-" + local(a.body()));
                w.writeAttribute("type", a.kind());
                w.writeAttribute("name", local(name.get()));
                w.writeAttribute("ref", a.body().getURI());
                w.writeAttribute("active", pointer(active.get()));
                w.writeAttribute("passive", pointer(passive.get()));
                Optional<Node> claim = TextAnchors.first(g, a.body(), spo(SPO.assertedIn));
                Optional<Node> agent = agent(a.body());
                if (agent.isPresent())
                    w.writeAttribute("resp", pointer(agent.get()));
                if (claim.isPresent() && inText(claim.get()))
                    w.writeAttribute("ana", "#claim-" + local(claim.get()));
                w.writeAttribute("corresp", sentences(a));
                nl();
            }
            end();
        }

        /** The claims, each with its summary, attributed to who makes it, at its sentences. */
        private void claims() throws XMLStreamException {
            List<Anchor> claims = t.anchors().stream().filter(a -> a.kind().equals("claim"))
                    .sorted(Comparator.comparing(a -> a.body().getURI())).toList();
            if (claims.isEmpty())
                return;
            w.writeStartElement("interpGrp");
            w.writeAttribute("type", "claims");
            nl();
            for (Anchor a : claims) {
                w.writeStartElement("interp");
                xmlAttribute("id", "claim-" + local(a.body()));
                TextAnchors.first(g, a.body(), spo("argumentRole")).filter(Node::isURI).ifPresent(r -> attribute("type", local(r)));
                w.writeAttribute("source", a.body().getURI());
                TextAnchors.first(g, a.body(), spo(SPO.claimedBy)).ifPresent(b -> attribute("resp", pointer(b)));
                w.writeAttribute("inst", sentences(a));
                w.writeCharacters(TextAnchors.literal(g, a.body(), spo(SPO.summary)).orElse(label(a.body())));
                w.writeEndElement();
                nl();
            }
            end();
        }

        /** Every anchor of the graph as a span pointing at its exact passage (string-range of its sentence or paragraph). */
        private void spans() throws XMLStreamException {
            w.writeStartElement("spanGrp");
            w.writeAttribute("type", "anchors");
            nl();
            for (Anchor a : t.anchors()) {
                w.writeStartElement("span");
                w.writeAttribute("type", a.kind());
                w.writeAttribute("source", a.iri().getURI());
                w.writeAttribute("ana", pointerOfBody(a));
                w.writeAttribute("target", "#string-range(" + a.segment().id() + "," + a.relStart() + "," + (a.relEnd() - a.relStart()) + ")");
                w.writeAttribute("resp", pointer(a.creator()));
                w.writeCharacters(a.exact());
                w.writeEndElement();
                nl();
            }
            end();
        }

        private String pointerOfBody(Anchor a) {
            return switch (a.kind()) {
                case "claim" -> "#claim-" + local(a.body());
                case "statement", "link" -> "#" + a.kind() + "-" + local(a.body());
                default -> pointer(a.body());
            };
        }

        /** Whether a claim is anchored in this text (and so has an interp here). */
        private boolean inText(Node claim) {
            return t.anchors().stream().anyMatch(a -> a.kind().equals("claim") && a.body().equals(claim));
        }

        /** Who makes a statement or link: the agent of the claim it is asserted in. */
        private Optional<Node> agent(Node body) {
            return TextAnchors.first(g, body, spo(SPO.assertedIn)).flatMap(c -> TextAnchors.first(g, c, spo(SPO.claimedBy)));
        }

        /** The sentences an anchor's passage is in, as pointers. */
        private String sentences(Anchor a) {
            List<String> ids = t.sentences().stream().filter(s -> s.start() < a.end() && a.start() < s.end()).map(s -> "#" + s.id()).toList();
            return ids.isEmpty() ? "#" + a.segment().id() : String.join(" ", ids);
        }

        /** A pointer to a resource: {@code #id} when it is an entity of the standOff, else its IRI. */
        private String pointer(Node n) {
            if (n.isURI() && n.getURI().startsWith(entityNs) && g.contains(n, RDF.type.asNode(), Node.ANY))
                return "#" + id(n);
            return n.isURI() ? n.getURI() : n.toString();
        }

        /** The xml:id of an entity: its slug (an NCName; one that starts with a digit gets {@code id-} before it). */
        private String id(Node e) {
            String slug = local(e);
            return Character.isLetter(slug.charAt(0)) ? slug : "id-" + slug;
        }

        private Kind kind(Node e) {
            if (is(e, "Person"))
                return Kind.PERSON;
            if (is(e, "Place") || is(e, "State"))
                return Kind.PLACE;
            if (is(e, "Organisation") || is(e, "Group") || is(e, "CuratorTeam"))
                return Kind.ORG;
            if (is(e, "Event"))
                return Kind.EVENT;
            if (is(e, "Work"))
                return Kind.WORK;
            return Kind.OTHER;
        }

        private boolean is(Node e, String cls) {
            return g.contains(e, RDF.type.asNode(), spo(cls));
        }

        /** The most specific of the ontology's classes of an entity, lower case: {@code policy}, {@code decision}. */
        private String typeName(Node e) {
            String spoNs = spo("").getURI();
            List<String> types = g.find(e, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                    .filter(Node::isURI).map(Node::getURI).filter(u -> u.startsWith(spoNs)).map(u -> u.substring(spoNs.length())).sorted().toList();
            for (String specific : List.of("Historian", "Author", "Decision", "Doctrine", "Idea", "Outcome", "Office", "Work", "Policy",
                    "Event", "Group", "State", "Place", "Organisation", "Person"))
                if (types.contains(specific))
                    return specific.toLowerCase(Locale.ROOT);
            return types.isEmpty() ? "entity" : types.get(0).toLowerCase(Locale.ROOT);
        }

        private String label(Node n) {
            return TextAnchors.literal(g, n, RDFS.label.asNode()).orElse(local(n));
        }

        private static String local(Node n) {
            String u = n.getURI();
            return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
        }

        // ---- writing

        private void characters(int from, int to) throws XMLStreamException {
            if (from < to)
                w.writeCharacters(t.slice(from, to));
        }

        private void start(String name) throws XMLStreamException {
            w.writeStartElement(name);
            nl();
        }

        private void end() throws XMLStreamException {
            w.writeEndElement();
            nl();
        }

        private void element(String name, String text) throws XMLStreamException {
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
            nl();
        }

        private void idno(String type, String value) throws XMLStreamException {
            w.writeStartElement("idno");
            w.writeAttribute("type", type);
            w.writeCharacters(value);
            w.writeEndElement();
            nl();
        }

        private void attribute(String name, String value) {
            try {
                w.writeAttribute(name, value);
            } catch (XMLStreamException e) {
                throw new KgException("The TEI of " + t.name() + " could not be written: " + e.getMessage(), e);
            }
        }

        private void xmlAttribute(String name, String value) {
            try {
                w.writeAttribute("xml", XMLConstants.XML_NS_URI, name, value);
            } catch (XMLStreamException e) {
                throw new KgException("The TEI of " + t.name() + " could not be written: " + e.getMessage(), e);
            }
        }

        private void nl() throws XMLStreamException {
            w.writeCharacters("\n");
        }
    }
}
