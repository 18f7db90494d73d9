package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;

/**
 * The named graphs' IRIs ({@code <base>graph/curated}, …) resolve: a page for browsers (what the graph holds, its
 * classes with their counts, where to download it), or the graph itself as Turtle, JSON-LD, RDF/XML or N-Triples by
 * {@code Accept} or {@code ?format=} (the same as the Graph Store read {@code /kg/get?graph=IRI}).
 */
public final class GraphServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/graph/";
    private static final List<Format> OFFERED = List.of(Format.HTML, Format.TURTLE, Format.JSONLD, Format.RDFXML, Format.NTRIPLES);

    /** What each graph of the build holds, in a sentence (ontology/README.md says the same). */
    private static final Map<String, String> PURPOSE = Map.of(
            "ontology", "The ontology: classes, properties, SKOS concept schemes and the SHACL shapes' vocabulary, as the files in ontology/ state them.",
            "source", "The source texts: each text, its paragraphs and sentences with their text and offsets (Unicode code points).",
            "curated", "What the curators read in the texts: entities, claims with who makes them, statements, domestic–foreign links, and the annotations that anchor each to its exact passage.",
            "enrichment", "Facts added from elsewhere, each with its source: reference dates, Wikidata identifiers and the evidence for each link.",
            "inferred", "The RDFS entailments of the other graphs (superclass types, superproperty triples), made by the build.",
            "wikidata", "Wikidata's own statements about the linked items, in Wikidata's terms, copied from cited files.");

    private final transient DatasetGraph queryable;
    private final transient Terms terms;
    private final transient JsonLdContext context;

    public GraphServlet(DatasetGraph queryable, Terms terms, JsonLdContext context) {
        this.queryable = queryable;
        this.terms = terms;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Node name = terms.base().resolve(req.getRequestURI());
        if (!queryable.containsGraph(name) || name.equals(queryable.getDefaultGraph()))
            throw new NotFoundException("No named graph <" + name.getURI() + "> in this dataset", graphs());
        Graph g = queryable.getGraph(name);
        Format format = Negotiation.choose(req, resp, OFFERED, Format.HTML);
        if (format != Format.HTML) {
            rdf(req, resp, format, g, context);
            return;
        }
        String local = name.getURI().substring(name.getURI().lastIndexOf('/') + 1);
        Map<String, Object> s = new HashMap<>();
        s.put("title", "Graph " + local);
        s.put("name", local);
        s.put("iri", name.getURI());
        s.put("purpose", PURPOSE.getOrDefault(local, ""));
        s.put("triples", g.size());
        Graph union = queryable.getDefaultGraph();
        s.put("label", Terms.label(union, name).orElse(""));
        s.put("comment", union.find(name, RDFS.comment.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm())
                .toList().stream().sorted().findFirst().orElse(""));
        Map<String, Integer> classes = new TreeMap<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI())
                classes.merge(t.getObject().getURI(), 1, Integer::sum);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        classes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> rows.add(Map.of("class", terms.view(NodeFactory.createURI(e.getKey()), union), "count", e.getValue())));
        s.put("classes", rows);
        s.put("path", PATH + local);
        s.put("gsp", "/kg/get?graph=" + URLEncoder.encode(name.getURI(), StandardCharsets.UTF_8));
        html(resp, Pages.render("graph", s));
    }

    /** The named graphs, as places to look. */
    private List<Suggestion> graphs() {
        List<Suggestion> l = new ArrayList<>();
        queryable.listGraphNodes().forEachRemaining(g -> l.add(new Suggestion(g.getURI(), terms.base().href(g.getURI()))));
        l.sort((a, b) -> a.label().compareTo(b.label()));
        return l;
    }
}
