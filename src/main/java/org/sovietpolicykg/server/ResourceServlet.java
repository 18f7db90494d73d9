package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.sovietpolicykg.NotFoundException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.Prefixes;

/**
 * Dereferenceable IRIs: {@code /id/litvinov}, {@code /claim/...}, {@code /link/...}, {@code /statement/...},
 * {@code /concept/...}, {@code /text/...}, {@code /anno/...}, {@code /source/...} and {@code /enrichment/...} answer
 * for the IRI {@code <base>path} (the graph names under {@code /graph/} are read with the Graph Store Protocol), with content
 * negotiation: an HTML page for browsers (what the graph says of it, what points to it, and where the essay says
 * so), or its description (every triple with it as subject or object) as Turtle, JSON-LD, RDF/XML or N-Triples.
 */
final class ResourceServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> PATHS = List.of("/id/*", "/claim/*", "/link/*", "/statement/*", "/concept/*",
            "/text/*", "/anno/*", "/source/*", "/enrichment/*");
    private static final List<Format> OFFERED = List.of(Format.HTML, Format.TURTLE, Format.JSONLD, Format.RDFXML, Format.NTRIPLES);

    private final transient DatasetGraph union;
    private final transient Terms terms;
    private final transient JsonLdContext context;

    /** {@code queryable}: the dataset with the union of its graphs as default graph. */
    ResourceServlet(DatasetGraph queryable, Terms terms, JsonLdContext context) {
        this.union = queryable;
        this.terms = terms;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Node iri = terms.base().resolve(req.getRequestURI());
        Graph g = union.getDefaultGraph();
        if (!g.contains(iri, Node.ANY, Node.ANY) && !g.contains(Node.ANY, Node.ANY, iri))
            throw new NotFoundException("Nothing is said of <" + iri.getURI() + "> in this graph");
        Format format = Negotiation.choose(req, resp, OFFERED, Format.HTML);
        if (format == Format.HTML) {
            html(resp, Pages.render("resource", page(g, iri)));
        } else {
            rdf(resp, format, description(g, iri), context);
        }
    }

    /** Every triple with the resource as subject or object. */
    static Graph description(Graph g, Node iri) {
        Graph d = GraphFactory.createDefaultGraph();
        g.find(iri, Node.ANY, Node.ANY).forEachRemaining(d::add);
        g.find(Node.ANY, Node.ANY, iri).forEachRemaining(d::add);
        d.getPrefixMapping().setNsPrefixes(Prefixes.standard().getMapping());
        return d;
    }

    private Map<String, Object> page(Graph g, Node iri) {
        Map<String, Object> s = new HashMap<>();
        String label = Terms.label(g, iri).orElse(terms.name(iri));
        s.put("title", label);
        s.put("label", label);
        s.put("iri", iri.getURI());
        s.put("path", terms.base().localPath(iri.getURI()).orElseThrow().substring(1));
        s.put("types", g.find(iri, RDF.type.asNode(), Node.ANY).mapWith(t -> terms.view(t.getObject(), g)).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        g.find(iri, Node.ANY, Node.ANY).toList().stream().filter(t -> !t.getPredicate().equals(RDF.type.asNode()))
                .sorted(Comparator.comparing((Triple t) -> terms.name(t.getPredicate())).thenComparing(t -> t.getObject().toString()))
                .forEach(t -> out.add(Map.of("property", terms.view(t.getPredicate(), g), "value", terms.view(t.getObject(), g))));
        s.put("outgoing", out);
        List<Map<String, Object>> in = new ArrayList<>();
        g.find(Node.ANY, Node.ANY, iri).toList().stream().filter(t -> !t.getPredicate().equals(OA.hasBody))
                .sorted(Comparator.comparing((Triple t) -> terms.name(t.getPredicate())).thenComparing(t -> t.getSubject().toString()))
                .forEach(t -> in.add(Map.of("subject", terms.view(t.getSubject(), g), "property", terms.view(t.getPredicate(), g))));
        s.put("incoming", in);
        List<Map<String, Object>> passages = new ArrayList<>();
        g.find(Node.ANY, OA.hasBody, iri).toList().stream().map(Triple::getSubject).sorted(Comparator.comparing(Node::getURI))
                .forEach(anno -> g.find(anno, OA.hasTarget, Node.ANY).forEachRemaining(t -> {
                    Node target = t.getObject();
                    // the sentence or paragraph, which names its text (text/essay/p4/s1), linked to its page
                    Map<String, Object> source = terms.view(g.find(target, OA.hasSource, Node.ANY).mapWith(x -> x.getObject())
                            .toList().stream().findFirst().orElse(null), g);
                    g.find(target, OA.hasSelector, Node.ANY).forEachRemaining(sel -> g.find(sel.getObject(), OA.exact, Node.ANY)
                            .forEachRemaining(ex -> passages.add(Map.of("exact", ex.getObject().getLiteralLexicalForm(), "where", source,
                                    "annotation", terms.view(anno, g), "motivation", g.find(anno, OA.motivatedBy, Node.ANY)
                                            .mapWith(m -> terms.name(m.getObject())).toList().stream().findFirst().orElse("")))));
                }));
        s.put("passages", passages);
        s.put("hasPassages", !passages.isEmpty());
        return s;
    }

}
