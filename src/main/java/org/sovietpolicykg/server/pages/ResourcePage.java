package org.sovietpolicykg.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * What the page of a resource says, as a historian would read it: its kinds by their labels; the passages of the
 * texts that name or describe it; the statements it is part of as sentences ("Molotov — replaced — Litvinov", with
 * the quote and the claim that asserts it); the domestic–foreign links it is a side of; the claims about it, with
 * who makes them and their stance; then what the graph says of it and what else points to it, every property and
 * concept by its label and every value by its kind in words (never a datatype IRI).
 */
public final class ResourcePage {
    private static final Node STATEMENT = RDF.Statement.asNode();

    private final DatasetGraph queryable;
    private final Graph g;
    private final Terms terms;
    private final Node inferredGraph;

    public ResourcePage(DatasetGraph queryable, Terms terms) {
        this.queryable = queryable;
        this.g = queryable.getDefaultGraph();
        this.terms = terms;
        this.inferredGraph = terms.base().node(SPD.GRAPH_INFERRED);
    }

    private Node spo(String local) {
        return terms.spo(local);
    }

    Map<String, Object> scope(Node iri) {
        Map<String, Object> s = new HashMap<>();
        String label = Terms.label(g, iri).orElse(terms.name(iri));
        s.put("title", label);
        s.put("label", label);
        s.put("iri", iri.getURI());
        s.put("path", terms.base().localPath(iri.getURI()).orElseThrow().substring(1));
        // the kinds the data states (not the superclasses the build infers), by their labels
        Graph inferred = queryable.getGraph(inferredGraph);
        s.put("types", g.find(iri, RDF.type.asNode(), Node.ANY).toList().stream()
                .filter(t -> !inferred.contains(t) || stated(t))
                .map(Triple::getObject).filter(Node::isURI).sorted(Comparator.comparing(Node::getURI))
                .map(t -> terms.plain(t, g)).toList());
        // a claim says who makes it, and how
        if (first(iri, spo("claimedBy")).isPresent())
            s.put("self", claimView(iri));
        Optional<Node> summary = first(iri, spo("summary"));
        summary.ifPresent(x -> s.put("summary", x.getLiteralLexicalForm()));

        section(s, "passages", passages(iri));
        section(s, "statements", statements(iri));
        section(s, "links", links(iri));
        List<Map<String, Object>> claims = claimsAbout(iri);
        section(s, "claims", claims);

        List<Map<String, Object>> out = new ArrayList<>();
        g.find(iri, Node.ANY, Node.ANY).toList().stream().filter(t -> !t.getPredicate().equals(RDF.type.asNode()))
                .sorted(Comparator.comparing((Triple t) -> Terms.label(g, t.getPredicate()).orElse(terms.name(t.getPredicate())))
                        .thenComparing(t -> t.getObject().toString()))
                .forEach(t -> out.add(row("property", terms.plain(t.getPredicate(), g), "value", terms.plain(t.getObject(), g), t)));
        s.put("outgoing", out);

        // what points to it, less what the sections above already say
        Set<Node> shown = Set.of(OA.hasBody, RDF.subject.asNode(), RDF.object.asNode(), spo("domesticSide"), spo("foreignSide"));
        List<Map<String, Object>> in = new ArrayList<>();
        g.find(Node.ANY, Node.ANY, iri).toList().stream()
                .filter(t -> !shown.contains(t.getPredicate()) && !(!claims.isEmpty() && isAbout(t.getPredicate())))
                .sorted(Comparator.comparing((Triple t) -> Terms.label(g, t.getPredicate()).orElse(terms.name(t.getPredicate())))
                        .thenComparing(t -> t.getSubject().toString()))
                .forEach(t -> in.add(row("subject", terms.plain(t.getSubject(), g), "property", terms.plain(t.getPredicate(), g), t)));
        s.put("incoming", in);
        s.put("hasIncoming", !in.isEmpty());
        return s;
    }

    /** A row of the property tables, flagged where the triple is only the curators' reading. */
    private Map<String, Object> row(String k1, Object v1, String k2, Object v2, Triple t) {
        Map<String, Object> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        if (curatorsReading(t))
            m.put("interpretation", true);
        return m;
    }

    /**
     * Whether the triple is the curators' reading, not the essay's: the shortcut of statements or links (or a
     * super-property of theirs, such as spo:statedRelation) every one of which is asserted in a curators' claim, or a
     * policy's outcome where the policy says that the curators' claim spo:interpretedIn is what it rests on.
     */
    boolean curatorsReading(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        if (p.equals(spo("outcome")) && g.find(s, spo("interpretedIn"), Node.ANY).toList().stream().anyMatch(x -> isInterpretation(x.getObject())))
            return true;
        if (!o.isURI())
            return false;
        List<Node> claims = new ArrayList<>();
        g.find(Node.ANY, RDF.subject.asNode(), s).mapWith(Triple::getSubject).toList().stream()
                .filter(st -> g.contains(st, RDF.object.asNode(), o) && g.contains(st, RDF.type.asNode(), STATEMENT))
                .filter(st -> first(st, RDF.predicate.asNode()).filter(q -> subPropertyOf(q, p)).isPresent())
                .forEach(st -> first(st, spo("assertedIn")).ifPresent(claims::add));
        Node link = spo("DomesticForeignLink");
        for (Node l : g.find(Node.ANY, RDF.type.asNode(), link).mapWith(Triple::getSubject).toList()) {
            boolean forward = !first(l, spo("direction")).map(d -> d.getURI().endsWith("/foreign-to-domestic")).orElse(false);
            Node from = first(l, spo(forward ? "domesticSide" : "foreignSide")).orElse(null);
            Node to = first(l, spo(forward ? "foreignSide" : "domesticSide")).orElse(null);
            if (s.equals(from) && o.equals(to) && first(l, spo("relation")).flatMap(r -> first(r, spo("shortcut")))
                    .filter(q -> subPropertyOf(q, p)).isPresent())
                first(l, spo("assertedIn")).ifPresent(claims::add);
        }
        return !claims.isEmpty() && claims.stream().allMatch(this::isInterpretation);
    }

    private boolean isInterpretation(Node claim) {
        return first(claim, spo("isInterpretation")).filter(x -> x.isLiteral() && x.getLiteralLexicalForm().equals("true")).isPresent();
    }

    /** p is q or one of its super-properties, following rdfs:subPropertyOf. */
    private boolean subPropertyOf(Node q, Node p) {
        List<Node> todo = new ArrayList<>(List.of(q));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node x = todo.remove(todo.size() - 1);
            if (x.equals(p))
                return true;
            if (seen.add(x))
                g.find(x, RDFS.subPropertyOf.asNode(), Node.ANY).mapWith(Triple::getObject).forEachRemaining(todo::add);
        }
        return false;
    }

    /** Whether a named graph other than the inferred one holds the triple. */
    private boolean stated(Triple t) {
        List<Node> names = new ArrayList<>();
        queryable.listGraphNodes().forEachRemaining(names::add);
        return names.stream().anyMatch(n -> !n.equals(inferredGraph) && queryable.getGraph(n).contains(t));
    }

    /** spo:about and its subproperties (aboutActor, aboutPolicy, …): the claims section shows them. */
    private boolean isAbout(Node p) {
        return p.isURI() && p.getURI().startsWith(spo("about").getURI());
    }

    /** Every annotation whose body is the resource: the quote, the sentence it is in, and why it was made. */
    private List<Map<String, Object>> passages(Node iri) {
        List<Map<String, Object>> passages = new ArrayList<>();
        // in the order of the text: by where each passage starts (a number, not the text of the IRI), then by IRI
        g.find(Node.ANY, OA.hasBody, iri).mapWith(Triple::getSubject).toList().stream()
                .sorted(Comparator.comparingLong(this::start).thenComparing(Node::getURI))
                .forEach(anno -> quote(anno).ifPresent(q -> {
                    Map<String, Object> p = new HashMap<>(q);
                    p.put("annotation", terms.plain(anno, g));
                    p.put("motivation", first(anno, OA.motivatedBy).map(m -> m.getURI().substring(m.getURI().lastIndexOf('#') + 1)).orElse(""));
                    p.put("kind", kind(anno));
                    passages.add(p);
                }));
        return passages;
    }

    /** Where an annotation's passage starts in its text (its position selector's oa:start), or last if it has none. */
    private long start(Node anno) {
        return first(anno, OA.hasTarget).stream()
                .flatMap(t -> g.find(t, OA.hasSelector, Node.ANY).mapWith(Triple::getObject).toList().stream())
                .flatMap(sel -> first(sel, OA.start).stream()).filter(Node::isLiteral)
                .mapToLong(n -> Long.parseLong(n.getLiteralLexicalForm())).min().orElse(Long.MAX_VALUE);
    }

    /** mention, description, claim, statement or link: the kind of an annotation, from its IRI. */
    public static String kind(Node anno) {
        String u = anno.getURI();
        int i = u.indexOf("/anno/");
        if (i < 0)
            return "";
        String rest = u.substring(i + 6);
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    /** The exact quote of an annotation, the sentence it is in and where to read it. */
    private Optional<Map<String, Object>> quote(Node anno) {
        Optional<Node> target = first(anno, OA.hasTarget);
        if (target.isEmpty())
            return Optional.empty();
        Optional<String> exact = g.find(target.get(), OA.hasSelector, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .flatMap(sel -> first(sel, OA.exact).stream()).map(Node::getLiteralLexicalForm).findFirst();
        if (exact.isEmpty())
            return Optional.empty();
        Map<String, Object> m = new HashMap<>();
        m.put("exact", exact.get());
        first(target.get(), OA.hasSource).ifPresent(sentence -> {
            m.put("where", terms.plain(sentence, g));
            terms.base().localPath(sentence.getURI()).ifPresent(path -> m.put("read", ReadingServlet.href(path)));
        });
        return Optional.of(m);
    }

    private Optional<Map<String, Object>> quoteOf(Node subject) {
        return first(subject, spo("hasAnchor")).flatMap(this::quote);
    }

    /** The statements the resource is the subject or object of (or is), each as a sentence with its quote. */
    private List<Map<String, Object>> statements(Node iri) {
        List<Node> st = new ArrayList<>();
        if (g.contains(iri, RDF.type.asNode(), STATEMENT))
            st.add(iri);
        g.find(Node.ANY, RDF.subject.asNode(), iri).mapWith(Triple::getSubject).forEachRemaining(st::add);
        g.find(Node.ANY, RDF.object.asNode(), iri).mapWith(Triple::getSubject).forEachRemaining(st::add);
        return st.stream().distinct().filter(x -> g.contains(x, RDF.type.asNode(), STATEMENT)).sorted(Comparator.comparing(Node::getURI))
                .map(x -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("statement", terms.plain(x, g));
                    m.put("subject", terms.plain(first(x, RDF.subject.asNode()).orElse(null), g));
                    m.put("predicate", terms.plain(first(x, RDF.predicate.asNode()).orElse(null), g));
                    m.put("object", terms.plain(first(x, RDF.object.asNode()).orElse(null), g));
                    first(x, spo("assertedIn")).ifPresent(c -> m.put("assertedIn", claimView(c)));
                    first(x, spo("interpretedIn")).ifPresent(c -> m.put("interpretedIn", claimView(c)));
                    modality(x, m);
                    first(NodeFactory.createURI(x.getURI() + "/time"), spo("essayPhrase")).ifPresent(t -> m.put("when", t.getLiteralLexicalForm()));
                    quoteOf(x).ifPresent(q -> m.put("quote", q));
                    return m;
                }).toList();
    }

    /** The domestic–foreign links the resource is a side of (or is): domestic side — relation — foreign side. */
    private List<Map<String, Object>> links(Node iri) {
        List<Node> ls = new ArrayList<>();
        Node link = spo("DomesticForeignLink");
        if (g.contains(iri, RDF.type.asNode(), link))
            ls.add(iri);
        g.find(Node.ANY, spo("domesticSide"), iri).mapWith(Triple::getSubject).forEachRemaining(ls::add);
        g.find(Node.ANY, spo("foreignSide"), iri).mapWith(Triple::getSubject).forEachRemaining(ls::add);
        return ls.stream().distinct().sorted(Comparator.comparing(Node::getURI)).map(x -> {
            Map<String, Object> m = new HashMap<>();
            m.put("link", terms.plain(x, g));
            m.put("domestic", terms.plain(first(x, spo("domesticSide")).orElse(null), g));
            m.put("relation", terms.plain(first(x, spo("relation")).orElse(null), g));
            m.put("foreign", terms.plain(first(x, spo("foreignSide")).orElse(null), g));
            first(x, spo("direction")).ifPresent(d -> m.put("direction", terms.plain(d, g)));
            first(x, spo("assertedIn")).ifPresent(c -> m.put("assertedIn", claimView(c)));
            first(x, spo("interpretedIn")).ifPresent(c -> m.put("interpretedIn", claimView(c)));
            modality(x, m);
            quoteOf(x).ifPresent(q -> m.put("quote", q));
            return m;
        }).toList();
    }

    /** How firmly the text puts a statement or link: its modality, and whether to say "the text only suggests that". */
    private void modality(Node record, Map<String, Object> m) {
        first(record, spo("modality")).ifPresent(x -> {
            m.put("modality", terms.plain(x, g));
            m.put("hedged", x.getURI().endsWith("/hedged"));
            m.put("questioned", x.getURI().endsWith("/questioned"));
        });
    }

    /** The claims about the resource: who makes each, with what stance and evidence, and what it says. */
    private List<Map<String, Object>> claimsAbout(Node iri) {
        return g.find(Node.ANY, spo("about"), iri).mapWith(Triple::getSubject).toList().stream().distinct()
                .sorted(Comparator.comparing(Node::getURI)).map(this::claimView).toList();
    }

    private Map<String, Object> claimView(Node c) {
        Map<String, Object> m = new HashMap<>();
        m.put("claim", terms.plain(c, g));
        first(c, spo("claimedBy")).ifPresent(h -> m.put("by", terms.plain(h, g)));
        first(c, spo("stance")).ifPresent(x -> m.put("stance", terms.plain(x, g)));
        first(c, spo("evidence")).ifPresent(x -> m.put("evidence", terms.plain(x, g)));
        first(c, spo("summary")).ifPresent(x -> m.put("summary", x.getLiteralLexicalForm()));
        first(c, spo("isInterpretation")).ifPresent(x -> m.put("interpretation", x.getLiteralLexicalForm().equals("true")));
        return m;
    }

    private Optional<Node> first(Node s, Node p) {
        return Terms.first(g, s, p);
    }

    /** A section of the page: its items, and whether it has any ({@code hasPassages} for {@code passages}). */
    private static void section(Map<String, Object> scope, String name, List<Map<String, Object>> items) {
        scope.put(name, items);
        scope.put("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), !items.isEmpty());
    }
}
