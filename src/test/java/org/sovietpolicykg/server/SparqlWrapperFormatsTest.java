package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every value SPARQLWrapper sends as {@code format=} (and {@code output=}, {@code results=}) works on /kg/sparql:
 * json, xml, csv, tsv for SELECT; turtle, n3, rdf+xml, json-ld, xml for CONSTRUCT. The five historians the essay cites
 * (Figes, Preston, Conquest, Kudryashov, Overy) are the answer each time.
 */
class SparqlWrapperFormatsTest extends AbstractLiveServerTest {
    static final String PREFIX = "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> ";
    static final String SELECT = PREFIX + "SELECT ?h WHERE { ?h a spo:Historian } ORDER BY ?h";
    static final String CONSTRUCT = PREFIX + "CONSTRUCT { ?h a spo:Historian } WHERE { ?h a spo:Historian }";

    static HttpResponse<String> ask(String query, String param, String format) throws Exception {
        return get("/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&" + param + "="
                + URLEncoder.encode(format, StandardCharsets.UTF_8), null);
    }

    @ParameterizedTest
    @CsvSource({"json, application/sparql-results+json", "xml, application/sparql-results+xml", "csv, text/csv",
            "tsv, text/tab-separated-values"})
    void select_in_each_format(String format, String mediaType) throws Exception {
        for (String param : new String[] {"format", "output", "results"}) {
            HttpResponse<String> r = ask(SELECT, param, format);
            assertEquals(200, r.statusCode(), param + "=" + format + ": " + r.body());
            assertEquals(mediaType, r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            assertTrue(r.body().contains("/id/preston") && r.body().contains("/id/kudryashov"), r.body());
        }
    }

    @ParameterizedTest
    @CsvSource({"turtle, text/turtle", "n3, text/n3", "rdf+xml, application/rdf+xml", "json-ld, application/ld+json",
            "xml, application/rdf+xml"})
    void construct_in_each_format(String format, String mediaType) throws Exception {
        HttpResponse<String> r = ask(CONSTRUCT, "format", format);
        assertEquals(200, r.statusCode(), "format=" + format + ": " + r.body());
        String ct = r.headers().firstValue("Content-Type").orElseThrow().split(";")[0];
        assertEquals(mediaType, ct);
        Lang lang = RDFLanguages.contentTypeToLang(ct);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).lang(lang).parse(g);
        assertEquals(5, g.size(), "Figes, Preston, Conquest, Kudryashov, Overy");
    }
}
