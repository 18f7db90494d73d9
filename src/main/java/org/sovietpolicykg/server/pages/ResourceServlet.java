package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.interchange.WebAnnotations;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.vocabulary.Prefixes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Dereferenceable IRIs: {@code /id/litvinov}, {@code /claim/...}, {@code /link/...}, {@code /statement/...},
 * {@code /concept/...}, {@code /text/...}, {@code /anno/...}, {@code /source/...} and {@code /enrichment/...} answer
 * for the IRI {@code <base>path} (the graph names under {@code /graph/} have {@link GraphServlet}), with content
 * negotiation: an HTML page for browsers (what the graph says of it, what points to it, and where the essay says
 * so), or its description (every triple with it as subject or object) as Turtle, JSON-LD, RDF/XML or N-Triples. An
 * annotation ({@code /anno/...}) asked for with {@code Accept: application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"}
 * is the Web Annotation its collection holds ({@link WebAnnotations}).
 */
public final class ResourceServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final List<String> PATHS = List.of("/id/*", "/claim/*", "/link/*", "/statement/*", "/concept/*",
            "/text/*", "/anno/*", "/source/*", "/enrichment/*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Format> OFFERED = List.of(Format.HTML, Format.TURTLE, Format.JSONLD, Format.RDFXML, Format.NTRIPLES);

    private final transient DatasetGraph union;
    private final transient Terms terms;
    private final transient JsonLdContext context;
    private final transient ResourcePage page;
    private final transient Supplier<Reconciler> reconciler;
    private final transient ReadingServlet reading;
    private final transient Supplier<WebAnnotations> annotations;

    /** {@code queryable}: the dataset with the union of its graphs as default graph. */
    public ResourceServlet(DatasetGraph queryable, Terms terms, JsonLdContext context, Supplier<Reconciler> reconciler, ReadingServlet reading,
            Supplier<WebAnnotations> annotations) {
        this.annotations = annotations;
        this.union = queryable;
        this.terms = terms;
        this.context = context;
        this.page = new ResourcePage(queryable, terms);
        this.reconciler = reconciler;
        this.reading = reading;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Node iri = terms.base().resolve(req.getRequestURI());
        Graph g = union.getDefaultGraph();
        if (!g.contains(iri, Node.ANY, Node.ANY) && !g.contains(Node.ANY, Node.ANY, iri))
            throw new NotFoundException("Nothing is said of <" + iri.getURI() + "> in this graph", suggestions(iri));
        // an annotation, asked for as a Web Annotation (the protocol's profile of JSON-LD): the same form as in its collection
        String accept = req.getHeader("Accept");
        if (req.getServletPath().equals("/anno") && accept != null && accept.contains(WebAnnotations.PROFILE)
                && Negotiation.matchMediaType(accept, List.of("application/ld+json")).isPresent()) {
            Optional<ObjectNode> anno = annotations.get().annotation(iri.getURI());
            if (anno.isPresent()) {
                resp.addHeader("Vary", "Accept");
                resp.addHeader("Link", "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"");
                resp.setHeader("Allow", "GET, HEAD, OPTIONS");
                bytes(resp, WebAnnotations.MEDIA_TYPE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(anno.get()));
                return;
            }
        }
        Format format = Negotiation.choose(req, resp, OFFERED, Format.HTML);
        if (format == Format.HTML) {
            Map<String, Object> scope = page.scope(iri);
            reading.highlighted(iri).ifPresent(html -> {
                scope.put("sentence", html);
                scope.put("readHref", ReadingServlet.href(terms.base().localPath(iri.getURI()).orElseThrow()));
            });
            html(resp, Pages.render("resource", scope));
        } else {
            rdf(req, resp, format, description(g, iri), context);
        }
    }

    /** What an unknown IRI may have meant: the entities whose names are closest to its last segment (Litvinof: Litvinov). */
    private List<Suggestion> suggestions(Node iri) {
        String last = iri.getURI().substring(iri.getURI().lastIndexOf('/') + 1).replace('-', ' ').trim();
        if (last.isEmpty())
            return List.of();
        return reconciler.get().reconcile(last, List.of(), 3).stream().filter(c -> c.score() >= 50)
                .map(c -> new Suggestion(c.entity().label(), terms.base().href(c.entity().iri()))).toList();
    }

    /** Every triple with the resource as subject or object. */
    public static Graph description(Graph g, Node iri) {
        Graph d = GraphFactory.createDefaultGraph();
        g.find(iri, Node.ANY, Node.ANY).forEachRemaining(d::add);
        g.find(Node.ANY, Node.ANY, iri).forEachRemaining(d::add);
        d.getPrefixMapping().setNsPrefixes(Prefixes.standard().getMapping());
        return d;
    }

}
