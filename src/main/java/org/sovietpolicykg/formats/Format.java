package org.sovietpolicykg.formats;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

import org.sovietpolicykg.errors.BadRequestException;

/**
 * Every format the project reads or answers with, in one registry on Jena's own {@link Lang}s: SPARQL results
 * (SELECT, ASK), RDF graphs (CONSTRUCT, DESCRIBE, resource descriptions, the ontology), RDF datasets (the dumps) and
 * HTML pages. Each has a key (for {@code ?format=} and {@code --format}) and a media type; {@link #choose} picks one of
 * those a resource offers from a format key or an Accept header, with q-values and wildcards (Jena's
 * {@link AcceptList}, the matcher Fuseki uses), so that every endpoint negotiates the same way.
 */
public enum Format {
    JSON("json", ResultSetLang.RS_JSON, Kind.RESULTS),
    CSV("csv", ResultSetLang.RS_CSV, Kind.RESULTS),
    TSV("tsv", ResultSetLang.RS_TSV, Kind.RESULTS),
    XML("xml", ResultSetLang.RS_XML, Kind.RESULTS),
    TURTLE("turtle", Lang.TURTLE, Kind.GRAPH),
    JSONLD("jsonld", Lang.JSONLD, Kind.GRAPH),
    NTRIPLES("ntriples", Lang.NTRIPLES, Kind.GRAPH),
    RDFXML("rdfxml", Lang.RDFXML, Kind.GRAPH),
    TRIG("trig", Lang.TRIG, Kind.DATASET),
    NQUADS("nquads", Lang.NQUADS, Kind.DATASET),
    HTML("html", null, Kind.PAGE);

    /** What a format can carry. */
    public enum Kind {
        /** SPARQL results of SELECT and ASK. */
        RESULTS,
        /** One RDF graph. */
        GRAPH,
        /** Named graphs. */
        DATASET,
        /** A page for people. */
        PAGE
    }

    private final String key;
    private final Lang lang;
    private final Kind kind;

    Format(String key, Lang lang, Kind kind) {
        this.key = key;
        this.lang = lang;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return lang == null ? "text/html" : lang.getContentType().getContentTypeStr();
    }

    /** Jena's language of the format; none for HTML. */
    public Lang lang() {
        if (lang == null)
            throw new IllegalStateException("HTML has no RDF language");
        return lang;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTabular() {
        return kind == Kind.RESULTS;
    }

    /** The formats of a kind, in registry order (the first is the usual default). */
    public static List<Format> of(Kind kind) {
        return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
    }

    /** The formats of a query's results: SPARQL results for SELECT and ASK, graphs for CONSTRUCT and DESCRIBE. */
    public static List<Format> fitting(boolean tabularQuery) {
        return of(tabularQuery ? Kind.RESULTS : Kind.GRAPH);
    }

    /** Every format a query can answer in: results and graphs. */
    public static List<Format> answers() {
        return Arrays.stream(values()).filter(f -> f.kind == Kind.RESULTS || f.kind == Kind.GRAPH).toList();
    }

    /**
     * The format of a download by its file name's extension (Jena's own extensions of each language): an RDF graph or
     * dataset, or a CSV table; empty for any other file.
     */
    public static Optional<Format> ofFile(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0)
            return Optional.empty();
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.kind == Kind.GRAPH || f.kind == Kind.DATASET || f == CSV)
                .filter(f -> f.lang.getFileExtensions().contains(ext)).findFirst();
    }

    /** The keys of some formats, for messages. */
    public static List<String> keys(List<Format> formats) {
        return formats.stream().map(Format::key).toList();
    }

    /**
     * Every name the format goes by, lower-cased: its key, then Jena's label and alternative names of its language
     * ({@code rdf/xml}, {@code ttl}, {@code nt}, {@code srj}, …), its media type and that type's subtype ({@code
     * rdf+xml}, {@code ld+json}, {@code n-triples}), and the names SPARQL clients send ({@code n3} for Turtle, whose
     * writer Jena uses for N3, and {@code json-ld}). The one table of format names, for every route.
     */
    public List<String> names() {
        Set<String> n = new LinkedHashSet<>();
        n.add(key);
        if (lang != null) {
            n.add(lang.getLabel().toLowerCase(Locale.ROOT));
            lang.getAltNames().forEach(a -> n.add(a.toLowerCase(Locale.ROOT)));
        }
        n.add(mediaType());
        n.add(mediaType().substring(mediaType().indexOf('/') + 1));
        if (this == TURTLE)
            n.add("n3");
        if (this == JSONLD)
            n.add("json-ld");
        return List.copyOf(n);
    }

    /** The format of a name ({@link #names}) among those offered: a key first, then any other name. */
    public static Optional<Format> byName(String name, List<Format> offered) {
        String k = name.strip().toLowerCase(Locale.ROOT);
        return offered.stream().filter(f -> f.key.equals(k)).findFirst()
                .or(() -> offered.stream().filter(f -> f.names().contains(k)).findFirst());
    }

    /** By key or other name ("csv", "rdf+xml") among those offered; a bad one is a 400 that lists the keys. */
    public static Format byKey(String key, List<Format> offered) {
        return byName(key, offered)
                .orElseThrow(() -> new BadRequestException("Unknown format '" + key + "'; expected one of " + keys(offered)));
    }

    /** By media type, among those offered. */
    public static Optional<Format> byMediaType(String mediaType, List<Format> offered) {
        return offered.stream().filter(f -> f.mediaType().equals(mediaType)).findFirst();
    }

    /**
     * The format to answer with: the one a format key names (a 400 if it is not offered), else the best fit of the
     * Accept header among those offered, else {@code fallback} (no header, or nothing offered fits).
     */
    public static Format choose(String formatKey, String accept, List<Format> offered, Format fallback) {
        if (formatKey != null)
            return byKey(formatKey, offered);
        if (accept == null || accept.isBlank())
            return fallback;
        return match(accept, offered).orElse(fallback);
    }

    /**
     * The best fit of an Accept header among the formats offered, if any fits (q-values and wildcards count);
     * {@code application/json} also fits the JSON format on offer (SPARQL results, or JSON-LD), as programs send it.
     */
    public static Optional<Format> match(String accept, List<Format> offered) {
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(offered.stream().map(Format::mediaType).toArray(String[]::new)));
        if (m != null)
            return byMediaType(m.getContentTypeStr(), offered);
        if (new AcceptList(accept).match(MediaType.create("application", "json")) != null)
            return offered.stream().filter(f -> f == JSON || f == JSONLD).findFirst();
        return Optional.empty();
    }
}
