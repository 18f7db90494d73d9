package org.sovietpolicykg.queries;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.sovietpolicykg.BadRequestException;

/** The result formats of canned queries: their names for {@code ?format=} and {@code --format}, and media types. */
public enum ResultFormat {
    JSON("json", "application/sparql-results+json", ResultSetLang.RS_JSON, true),
    CSV("csv", "text/csv", ResultSetLang.RS_CSV, true),
    TSV("tsv", "text/tab-separated-values", ResultSetLang.RS_TSV, true),
    XML("xml", "application/sparql-results+xml", ResultSetLang.RS_XML, true),
    TURTLE("turtle", "text/turtle", Lang.TURTLE, false),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, false),
    NTRIPLES("ntriples", "application/n-triples", Lang.NTRIPLES, false),
    RDFXML("rdfxml", "application/rdf+xml", Lang.RDFXML, false);

    private final String key;
    private final String mediaType;
    private final Lang lang;
    private final boolean tabular;

    ResultFormat(String key, String mediaType, Lang lang, boolean tabular) {
        this.key = key;
        this.mediaType = mediaType;
        this.lang = lang;
        this.tabular = tabular;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    public Lang lang() {
        return lang;
    }

    public boolean isTabular() {
        return tabular;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ResultFormat::key).toList();
    }

    /** By name ("csv"); a bad name is a 400 that lists the good ones. */
    public static ResultFormat byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new BadRequestException("Unknown format '" + key + "'; expected one of " + keys()));
    }

    /** The formats that fit a query: tabular ones for SELECT and ASK, graph ones for CONSTRUCT and DESCRIBE. */
    public static List<ResultFormat> fitting(boolean tabularQuery) {
        return Arrays.stream(values()).filter(f -> f.tabular == tabularQuery).toList();
    }

    /** By media type, among those that fit the query. */
    public static Optional<ResultFormat> byMediaType(String mediaType, boolean tabularQuery) {
        return fitting(tabularQuery).stream().filter(f -> f.mediaType.equals(mediaType)).findFirst();
    }
}
