package org.sovietpolicykg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sovietpolicykg.BadRequestException;
import org.sovietpolicykg.NotFoundException;
import org.sovietpolicykg.graph.Rebase;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.Prefixes;

/**
 * Dereferenceable IRIs: {@code /id/litvinov}, {@code /claim/...}, {@code /link/...}, {@code /statement/...},
 * {@code /concept/...}, {@code /text/...}, {@code /anno/...}, {@code /source/...} and {@code /enrichment/...} answer
 * for the IRI {@code <base>path} (the graph names under {@code /graph/} are read with the Graph Store Protocol), with content
 * negotiation: an HTML page for browsers (what the graph says of it, what points to it, and where the essay says
 * so), or its description (every triple with it as subject or object) as Turtle, JSON-LD, RDF/XML or N-Triples.
 */
public final class ResourceServlet extends ReadOnlyServlet {
    private static final long serialVersionUID = 1L;
    public static final List<String> PATHS = List.of("/id/*", "/claim/*", "/link/*", "/statement/*", "/concept/*",
            "/text/*", "/anno/*", "/source/*", "/enrichment/*");
    private static final Map<String, Lang> FORMATS = Map.of("turtle", Lang.TURTLE, "jsonld", Lang.JSONLD, "rdfxml", Lang.RDFXML,
            "ntriples", Lang.NTRIPLES);

    private final transient DatasetGraph union;
    private final String base;

    /** {@code queryable}: the dataset with the union of its graphs as default graph. */
    public ResourceServlet(DatasetGraph queryable, String baseIri) {
        this.union = queryable;
        this.base = baseIri;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String path = req.getRequestURI().substring(1);
            Node iri = NodeFactory.createURI(base + path);
            Graph g = union.getDefaultGraph();
            if (!g.contains(iri, Node.ANY, Node.ANY) && !g.contains(Node.ANY, Node.ANY, iri))
                throw new NotFoundException("Nothing is said of <" + iri.getURI() + "> in this graph");
            Lang lang = choose(req.getParameter("format"), req.getHeader("Accept"));
            resp.setHeader("Vary", "Accept");
            resp.setCharacterEncoding("UTF-8");
            if (lang == null) {
                resp.setContentType("text/html");
                resp.getWriter().write(Pages.render("resource", page(g, iri)));
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RDFDataMgr.write(out, description(g, iri), lang);
                resp.setContentType(lang.getContentType().getContentTypeStr());
                resp.getOutputStream().write(out.toByteArray());
            }
        } catch (RuntimeException e) {
            HttpErrors.send(resp, e);
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

    /** null for HTML. */
    static Lang choose(String format, String accept) {
        if (format != null) {
            if (format.equalsIgnoreCase("html"))
                return null;
            Lang l = FORMATS.get(format.toLowerCase(Locale.ROOT));
            if (l == null)
                throw new BadRequestException("Unknown format '" + format + "'; expected one of html, turtle, jsonld, rdfxml, ntriples");
            return l;
        }
        List<String> offered = new ArrayList<>(List.of("text/html"));
        FORMATS.values().stream().map(l -> l.getContentType().getContentTypeStr()).sorted().forEach(offered::add);
        String chosen = ContentNegotiation.choose(accept, offered).orElse("text/html");
        return FORMATS.values().stream().filter(l -> l.getContentType().getContentTypeStr().equals(chosen)).findFirst().orElse(null);
    }

    private Map<String, Object> page(Graph g, Node iri) {
        PrefixMap pm = Prefixes.standard(base);
        Map<String, Object> s = new HashMap<>();
        String label = label(g, iri).orElse(name(iri, pm));
        s.put("title", label);
        s.put("label", label);
        s.put("iri", iri.getURI());
        s.put("path", iri.getURI().substring(base.length()));
        s.put("types", g.find(iri, RDF.type.asNode(), Node.ANY).mapWith(t -> value(g, t.getObject(), pm)).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        g.find(iri, Node.ANY, Node.ANY).toList().stream().filter(t -> !t.getPredicate().equals(RDF.type.asNode()))
                .sorted(Comparator.comparing((Triple t) -> name(t.getPredicate(), pm)).thenComparing(t -> t.getObject().toString()))
                .forEach(t -> out.add(Map.of("property", value(g, t.getPredicate(), pm), "value", value(g, t.getObject(), pm))));
        s.put("outgoing", out);
        List<Map<String, Object>> in = new ArrayList<>();
        g.find(Node.ANY, Node.ANY, iri).toList().stream().filter(t -> !t.getPredicate().equals(OA.hasBody))
                .sorted(Comparator.comparing((Triple t) -> name(t.getPredicate(), pm)).thenComparing(t -> t.getSubject().toString()))
                .forEach(t -> in.add(Map.of("subject", value(g, t.getSubject(), pm), "property", value(g, t.getPredicate(), pm))));
        s.put("incoming", in);
        List<Map<String, Object>> passages = new ArrayList<>();
        g.find(Node.ANY, OA.hasBody, iri).toList().stream().map(Triple::getSubject).sorted(Comparator.comparing(Node::getURI))
                .forEach(anno -> g.find(anno, OA.hasTarget, Node.ANY).forEachRemaining(t -> {
                    Node target = t.getObject();
                    String source = g.find(target, OA.hasSource, Node.ANY).mapWith(x -> x.getObject()).toList().stream()
                            .findFirst().map(n -> label(g, n).orElse(n.getURI())).orElse("");
                    g.find(target, OA.hasSelector, Node.ANY).forEachRemaining(sel -> g.find(sel.getObject(), OA.exact, Node.ANY)
                            .forEachRemaining(ex -> passages.add(Map.of("exact", ex.getObject().getLiteralLexicalForm(), "where", source,
                                    "annotation", value(g, anno, pm), "motivation", g.find(anno, OA.motivatedBy, Node.ANY)
                                            .mapWith(m -> name(m.getObject(), pm)).toList().stream().findFirst().orElse("")))));
                }));
        s.put("passages", passages);
        s.put("hasPassages", !passages.isEmpty());
        return s;
    }

    private Map<String, Object> value(Graph g, Node n, PrefixMap pm) {
        Map<String, Object> m = new HashMap<>();
        if (n.isURI()) {
            m.put("text", label(g, n).map(l -> l + " (" + name(n, pm) + ")").orElse(name(n, pm)));
            String uri = n.getURI();
            m.put("href", uri.startsWith(base) ? "/" + uri.substring(base.length()) : uri);
        } else if (n.isLiteral()) {
            m.put("text", n.getLiteralLexicalForm());
            m.put("lang", n.getLiteralLanguage());
        } else {
            m.put("text", n.toString());
        }
        return m;
    }

    private static java.util.Optional<String> label(Graph g, Node n) {
        return g.find(n, RDFS.label.asNode(), Node.ANY).mapWith(t -> t.getObject()).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).toList().stream().sorted().findFirst();
    }

    private String name(Node n, PrefixMap pm) {
        String uri = n.getURI();
        String a = pm.abbreviate(uri);
        return a == null ? uri : a;
    }
}
