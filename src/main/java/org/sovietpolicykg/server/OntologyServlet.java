package org.sovietpolicykg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.sovietpolicykg.BadRequestException;
import org.sovietpolicykg.docs.OntologyDocs;

/**
 * The ontology at its IRI's path ({@code /ontology}), with content negotiation: HTML documentation for browsers,
 * Turtle, RDF/XML or JSON-LD for machines (by {@code Accept}, or {@code ?format=turtle|rdfxml|jsonld|html}).
 * Each representation is rendered once, on its first request, so that start-up stays fast.
 */
public final class OntologyServlet extends ReadOnlyServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FORMATS = Map.of("turtle", "text/turtle", "rdfxml", "application/rdf+xml",
            "jsonld", "application/ld+json", "html", "text/html");

    private final transient Graph ontology;
    private final String baseIri;
    private final transient Map<String, byte[]> bodies = new java.util.concurrent.ConcurrentHashMap<>();

    public OntologyServlet(Graph ontology, String baseIri) {
        this.ontology = ontology;
        this.baseIri = baseIri;
    }

    private byte[] body(String type) {
        return bodies.computeIfAbsent(type, t -> switch (t) {
            case "text/turtle" -> write(ontology, Lang.TURTLE);
            case "application/rdf+xml" -> write(ontology, Lang.RDFXML);
            case "application/ld+json" -> write(ontology, Lang.JSONLD);
            default -> OntologyDocs.html(ontology, baseIri).getBytes(StandardCharsets.UTF_8);
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String type = chooseType(req.getParameter("format"), req.getHeader("Accept"));
            resp.setStatus(200);
            resp.setContentType(type);
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Vary", "Accept");
            resp.getOutputStream().write(body(type));
        } catch (RuntimeException e) {
            HttpErrors.send(resp, e);
        }
    }

    /** The media type to answer with: the format parameter, else the first acceptable type of the Accept header, else HTML. */
    static String chooseType(String format, String accept) {
        if (format != null) {
            String t = FORMATS.get(format.toLowerCase(Locale.ROOT));
            if (t == null)
                throw new BadRequestException("Unknown format '" + format + "'; expected one of html, turtle, rdfxml, jsonld");
            return t;
        }
        // browsers send text/html first; a bare */* also gets the documentation
        return ContentNegotiation.choose(accept, List.of("text/html", "text/turtle", "application/rdf+xml", "application/ld+json"))
                .orElse("text/html");
    }

    private static byte[] write(Graph g, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, lang);
        return out.toByteArray();
    }
}
