package org.sovietpolicykg.release;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.server.publish.DatasetDescription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a release says of itself, in the three forms repositories and citation managers read: {@code CITATION.cff}
 * (Citation File Format 1.2.0, read by GitHub, Zenodo and citation-js), {@code ro-crate-metadata.json} (RO-Crate 1.1:
 * the root dataset and every file with its format, size and sha256) and {@code .zenodo.json} (Zenodo's deposit
 * metadata). Written by SnakeYAML and Jackson from maps, in a fixed order: the same release gives the same bytes.
 */
final class Metadata {
    static final String CITATION = "CITATION.cff";
    static final String RO_CRATE = "ro-crate-metadata.json";
    static final String ZENODO = ".zenodo.json";
    static final String RO_CRATE_SPEC = "https://w3id.org/ro/crate/1.1";
    static final String RO_CRATE_CONTEXT = RO_CRATE_SPEC + "/context";
    /** schema.org's sha256, which the RO-Crate 1.1 context (schema.org 10) predates: added to the crate's context. */
    static final String SCHEMA_SHA256 = "http://schema.org/sha256";
    static final String TITLE = "Soviet Policy KG";
    static final String DESCRIPTION = "A reference knowledge graph of one short essay on Stalin's foreign policy and its consistency"
            + " with the domestic doctrine of Socialism in One Country: actors, policies, events, historiographical claims and"
            + " domestic-foreign links, each anchored to the exact passage of the essay it comes from (W3C Web Annotation),"
            + " attributed to whoever makes it, and kept apart from the facts added from elsewhere (reference dates, Wikidata"
            + " identifiers), which carry their source. RDF dumps (TriG, N-Quads, Turtle, JSON-LD), the OWL ontology with its"
            + " documentation, VoID and DCAT, the canned SPARQL queries and the Wikidata links.";
    static final List<String> KEYWORDS = List.of("Soviet foreign policy", "Stalin", "Socialism in One Country", "historiography",
            "knowledge graph", "linked data", "RDF", "SPARQL", "Web Annotation", "digital humanities");
    static final String CODE_LICENSE = "https://opensource.org/license/mit";

    private final String version;
    private final LocalDate date;
    private final String authors;
    private final String baseIri;
    private final String ontologyVersion;

    Metadata(String version, LocalDate date, String authors, String baseIri, String ontologyVersion) {
        this.version = version;
        this.date = date;
        this.authors = authors;
        this.baseIri = baseIri;
        this.ontologyVersion = ontologyVersion;
    }

    /** The citation of the dataset itself: the reference a paper's bibliography gives. */
    private Map<String, Object> reference() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "data");
        r.put("title", TITLE);
        r.put("authors", List.of(ordered("name", authors)));
        r.put("version", version);
        r.put("year", date.getYear());
        r.put("date-released", date.toString());
        r.put("url", baseIri);
        r.put("repository", dumps());
        r.put("license", "CC-BY-4.0");
        return r;
    }

    private String dumps() {
        return baseIri + "dumps/";
    }

    /** CITATION.cff: the release (type dataset), its authors the curators, its licence, and the preferred citation. */
    byte[] citation() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cff-version", "1.2.0");
        c.put("message", "If you use this dataset, please cite it as below.");
        c.put("type", "dataset");
        c.put("title", TITLE);
        c.put("abstract", DESCRIPTION);
        c.put("version", version);
        c.put("date-released", date.toString());
        c.put("authors", List.of(ordered("name", authors)));
        c.put("license", "CC-BY-4.0");
        c.put("url", baseIri);
        c.put("repository", dumps());
        c.put("identifiers", List.of(ordered("type", "url", "value", baseIri, "description", "The base IRI of every resource of the graph")));
        c.put("keywords", KEYWORDS);
        c.put("preferred-citation", reference());
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        o.setSplitLines(true);
        return new Yaml(o).dump(c).getBytes(StandardCharsets.UTF_8);
    }

    /** .zenodo.json: the deposit's metadata as Zenodo's API takes it. */
    byte[] zenodo() {
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("title", TITLE);
        z.put("upload_type", "dataset");
        z.put("description", DESCRIPTION);
        z.put("version", version);
        z.put("publication_date", date.toString());
        z.put("creators", List.of(ordered("name", authors)));
        z.put("license", "cc-by-4.0");
        z.put("access_right", "open");
        z.put("keywords", KEYWORDS);
        z.put("related_identifiers", List.of(
                ordered("identifier", baseIri, "relation", "isIdenticalTo", "scheme", "url"),
                ordered("identifier", ontologyVersion, "relation", "references", "scheme", "url")));
        return json(z);
    }

    /**
     * ro-crate-metadata.json: the metadata descriptor, the root dataset, its author and publisher (the curators, by
     * their IRI in the graph), the licences, the ontology it conforms to, and one File per file of the release.
     */
    byte[] roCrate(Map<String, byte[]> files) {
        List<Object> graph = new ArrayList<>();
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("@id", RO_CRATE);
        descriptor.put("@type", "CreativeWork");
        descriptor.put("conformsTo", id(RO_CRATE_SPEC));
        descriptor.put("about", id("./"));
        graph.add(descriptor);

        String curators = baseIri + "id/curators";
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@id", "./");
        root.put("@type", "Dataset");
        root.put("name", TITLE);
        root.put("description", DESCRIPTION);
        root.put("version", version);
        root.put("license", id(DatasetDescription.LICENSE));
        root.put("datePublished", date.toString());
        root.put("author", List.of(id(curators)));
        root.put("publisher", id(curators));
        root.put("keywords", KEYWORDS);
        root.put("conformsTo", id(ontologyVersion));
        root.put("identifier", baseIri);
        root.put("url", baseIri);
        List<Object> parts = new ArrayList<>();
        files.keySet().stream().filter(f -> !f.equals(RO_CRATE)).sorted().forEach(f -> parts.add(id(f)));
        root.put("hasPart", parts);
        graph.add(root);

        graph.add(ordered("@id", curators, "@type", "Organization", "name", authors));
        graph.add(entity(DatasetDescription.LICENSE, "CreativeWork", "Creative Commons Attribution 4.0 International", "CC-BY-4.0"));
        graph.add(entity(CODE_LICENSE, "CreativeWork", "MIT License", "MIT"));
        graph.add(entity(ontologyVersion, "CreativeWork", "Soviet Policy KG ontology " + version, ontologyVersion));

        files.keySet().stream().filter(f -> !f.equals(RO_CRATE)).sorted().forEach(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("@id", f);
            file.put("@type", "File");
            file.put("name", f);
            describe(f).ifPresent(d -> file.put("description", d));
            file.put("encodingFormat", mediaType(f));
            file.put("contentSize", Integer.toString(files.get(f).length));
            if (!f.equals(Release.MANIFEST)) // the manifest lists this crate's sum: the crate cannot list the manifest's
                file.put("sha256", Sha256.hex(files.get(f)));
            if (f.equals(Release.LICENSE_CODE))
                file.put("license", id(CODE_LICENSE));
            graph.add(file);
        });
        Map<String, Object> crate = new LinkedHashMap<>();
        crate.put("@context", List.of(RO_CRATE_CONTEXT, ordered("sha256", SCHEMA_SHA256)));
        crate.put("@graph", graph);
        return json(crate);
    }

    private static Map<String, Object> entity(String id, String type, String name, String identifier) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@id", id);
        m.put("@type", type);
        m.put("name", name);
        m.put("identifier", identifier);
        return m;
    }

    /** A map of keys and values in the order given (Map.of has none that lasts from one run to the next). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static Map<String, Object> id(String id) {
        return ordered("@id", id);
    }

    /** What a file of the release is, for a reader of the crate. */
    static Optional<String> describe(String f) {
        String d = switch (f) {
            case "dataset.trig" -> "The six named graphs (ontology, source, curated, enrichment, wikidata, inferred) in TriG";
            case "dataset.nq" -> "The same quads as N-Quads, one a line, sorted";
            case "dataset.ttl" -> "The union of the named graphs as one Turtle graph, each triple once";
            case "dataset.jsonld" -> "The named graphs as JSON-LD 1.1, with the context embedded (readable offline)";
            case JsonLdContext.FILE -> "The JSON-LD context, also published at <base>context.jsonld";
            case "wikidata-links.csv" -> "Every Wikidata link: IRI, label, QID, mapping property, kind of match, evidence";
            case Release.COVERAGE -> "The coverage of each text: sentences without statements, names without mentions";
            case Release.ONTOLOGY_DOCS -> "The ontology's HTML documentation";
            case Release.VOID -> "The dataset described in VoID and DCAT: counts, named graphs, distributions with their sha256";
            case Release.LICENSE_DATA -> "The data's licence: CC BY 4.0";
            case Release.LICENSE_CODE -> "The licence of the program that built the release (MIT)";
            case Release.MANIFEST -> "The sha256 of every other file (sha256sum -c manifest.sha256)";
            case CITATION -> "How to cite this dataset (Citation File Format 1.2.0)";
            case ZENODO -> "The Zenodo deposit metadata";
            default -> f.startsWith("queries/") ? "A canned SPARQL query (grlc header)"
                    : f.startsWith("ontology/") ? "A Turtle file of the ontology (OWL, SKOS concepts, SHACL shapes)" : null;
        };
        return Optional.ofNullable(d);
    }

    /** The media type of a file of the release, by its name. */
    static String mediaType(String f) {
        if (f.endsWith(TeiDocument.EXTENSION))
            return TeiDocument.MEDIA_TYPE;
        Optional<String> rdf = Format.ofFile(f).map(Format::mediaType);
        if (rdf.isPresent())
            return rdf.get();
        if (f.endsWith(".json") || f.endsWith(".jsonld"))
            return f.endsWith(".jsonld") ? JsonLdContext.MEDIA_TYPE : "application/json";
        if (f.endsWith(".html"))
            return "text/html";
        if (f.endsWith(".rq"))
            return "application/sparql-query";
        if (f.endsWith(".cff"))
            return "application/yaml";
        if (f.endsWith(".txt") || f.endsWith(".sha256"))
            return "text/plain";
        throw new IllegalArgumentException("No media type for the release's file " + f);
    }

    static byte[] json(Object o) {
        try {
            byte[] b = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
            byte[] nl = Arrays.copyOf(b, b.length + 1);
            nl[b.length] = '\n';
            return nl;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
