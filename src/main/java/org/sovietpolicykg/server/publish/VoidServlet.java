package org.sovietpolicykg.server.publish;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCAT;

import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.VOID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@code /void} and {@code /.well-known/void}: the VoID and DCAT description of the served dataset
 * ({@link DatasetDescription}), as Turtle, JSON-LD, RDF/XML or N-Triples by {@code Accept} or {@code ?format=}, and a
 * page for browsers. Made once per public URL (it names the endpoint and the dumps by it): there is one, or the few
 * that trusted proxies forward, so a handful are kept, never one per client-chosen {@code Host}.
 */
public final class VoidServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    private static final List<Format> OFFERED = List.of(Format.TURTLE, Format.JSONLD, Format.RDFXML, Format.NTRIPLES, Format.HTML);

    private final transient BaseIri base;
    /** The description for a public URL, built apart from this servlet ({@link DatasetDescription}). */
    private final transient Function<String, Model> describe;
    private final transient Cache<String, Model> models = Caffeine.newBuilder().maximumSize(8).build();
    private final transient JsonLdContext context;

    /**
     * Serves the description of a dataset: what it says is made by {@link DatasetDescription#of} for the dataset, its
     * dumps (asked for on the first request) and when they were written.
     */
    public VoidServlet(DatasetGraph queryable, BaseIri base, Supplier<List<Dump>> dumps, Instant written, JsonLdContext context) {
        this.base = base;
        this.describe = url -> DatasetDescription.of(queryable, base, dumps.get(), written, url);
        this.context = context;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String server = PublicUrl.of(req);
        Model m = models.get(server, describe);
        Format f = Negotiation.choose(req, resp, OFFERED, Format.TURTLE);
        if (f == Format.HTML) {
            html(resp, Pages.render("void", page(m)));
            return;
        }
        rdf(req, resp, f, m.getGraph(), context);
    }

    private Map<String, Object> page(Model m) {
        Resource ds = m.getResource(base.iri() + "void");
        Map<String, Object> s = new HashMap<>();
        s.put("title", "Dataset description");
        s.put("triples", ds.getProperty(VOID.triples).getLong());
        s.put("entities", ds.getProperty(VOID.entities).getLong());
        s.put("subjects", ds.getProperty(VOID.distinctSubjects).getLong());
        s.put("objects", ds.getProperty(VOID.distinctObjects).getLong());
        s.put("classes", ds.getProperty(VOID.classes).getLong());
        s.put("properties", ds.getProperty(VOID.properties).getLong());
        List<Map<String, Object>> subsets = new ArrayList<>();
        for (Statement st : ds.listProperties(VOID.subset).toList()) {
            Resource sub = st.getResource();
            subsets.add(Map.of("iri", sub.getURI(), "triples", sub.getProperty(VOID.triples).getLong()));
        }
        subsets.sort((a, b) -> ((String) a.get("iri")).compareTo((String) b.get("iri")));
        s.put("subsets", subsets);
        List<Map<String, Object>> dists = new ArrayList<>();
        for (Statement st : ds.listProperties(DCAT.distribution).toList()) {
            Resource d = st.getResource();
            dists.add(Map.of("url", d.getProperty(DCAT.downloadURL).getResource().getURI(),
                    "mediaType", d.getProperty(DCAT.mediaType).getString(), "bytes", d.getProperty(DCAT.byteSize).getLong()));
        }
        dists.sort((a, b) -> ((String) a.get("url")).compareTo((String) b.get("url")));
        s.put("distributions", dists);
        s.put("endpoint", ds.getProperty(VOID.sparqlEndpoint).getResource().getURI());
        s.put("license", DatasetDescription.LICENSE);
        return s;
    }
}
