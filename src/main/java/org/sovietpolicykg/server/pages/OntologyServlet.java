package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL2;

import org.sovietpolicykg.docs.OntologyDocs;
import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.GraphOutput;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The ontology at its IRI's path ({@code /ontology}), with content negotiation: HTML documentation for browsers,
 * Turtle, RDF/XML, JSON-LD or N-Triples for machines (by {@code Accept}, or {@code ?format=}). Each representation is
 * rendered once, on its first request, so that start-up stays fast.
 */
public final class OntologyServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    private static final List<Format> OFFERED = List.of(Format.HTML, Format.TURTLE, Format.RDFXML, Format.JSONLD, Format.NTRIPLES);

    private final transient Graph ontology;
    private final transient BaseIri base;
    private final transient JsonLdContext context;
    private final transient Map<Format, byte[]> bodies = new ConcurrentHashMap<>();

    public OntologyServlet(Graph ontology, BaseIri base, JsonLdContext context) {
        this.ontology = ontology;
        this.base = base;
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the ontology's IRI, or its version IRI (<base>ontology/0.2.0): the same documents
        Node asked = base.resolve(req.getRequestURI());
        Node ontologyIri = base.node(NodeFactory.createURI(SPO.ONTOLOGY_IRI));
        List<Node> versions = ontology.find(ontologyIri, OWL2.versionIRI.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();
        if (!asked.equals(ontologyIri) && !versions.contains(asked)) {
            List<Suggestion> here = new ArrayList<>();
            here.add(new Suggestion("The ontology", "/ontology"));
            versions.forEach(v -> here.add(new Suggestion("This release, " + v.getURI(), base.href(v.getURI()))));
            throw new NotFoundException("No ontology document at <" + asked.getURI() + ">: this server has the ontology <"
                    + ontologyIri.getURI() + "> in the release " + versions.stream().map(Node::getURI).toList(), here);
        }
        // browsers send text/html first; a bare */* also gets the documentation
        Format format = Negotiation.choose(req, resp, OFFERED, Format.HTML);
        if (format == Format.JSONLD) {
            rdf(req, resp, format, ontology, context);
            return;
        }
        bytes(resp, format.mediaType(), bodies.computeIfAbsent(format, this::render));
    }

    private byte[] render(Format f) {
        if (f == Format.HTML)
            return OntologyDocs.html(ontology, base).getBytes(StandardCharsets.UTF_8);
        return GraphOutput.write(ontology, f, context, null);
    }
}
