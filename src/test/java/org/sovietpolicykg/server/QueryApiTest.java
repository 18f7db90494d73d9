package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The canned-query API over real HTTP: catalogue, every query in every format, errors, and the OpenAPI document. */
class QueryApiTest extends AbstractLiveServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);

    /** The queries this server answers alone: the federated ones call Wikidata, which FederationTest stands in for. */
    static Stream<String> queries() {
        return CATALOG.all().stream().filter(q -> !q.isFederated()).map(CannedQuery::name);
    }

    @Test
    void the_wikidata_links_are_served_for_download_as_csv() throws Exception {
        HttpResponse<String> r = get("/dumps/wikidata-links.csv", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/csv", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("wikidata-links.csv"));
        assertTrue(r.body().startsWith("iri,label,qid,mapping,match,evidence\r\n"), r.body());
        assertTrue(r.body().contains("\r\nhttps://w3id.org/soviet-policy-kg/id/stalin,Joseph Stalin,Q855,spo:wikidata,exact,"), r.body());
        assertTrue(r.body().contains("\r\nhttps://w3id.org/soviet-policy-kg/id/stalinism,Stalinism,Q179121,spo:wikidataCloseMatch,close,"), r.body());
    }

    @Test
    void catalogue_lists_every_query_with_its_typed_parameters() throws Exception {
        HttpResponse<String> r = get("/api/queries", "application/json");
        assertEquals(200, r.statusCode());
        JsonNode list = JSON.readTree(r.body());
        assertEquals(CATALOG.all().size(), list.size());
        assertTrue(list.size() >= 15, "at least 15 canned queries, found " + list.size());
        JsonNode year = find(list, "year-at-home-and-abroad");
        assertEquals("year", year.get("parameters").get(0).get("name").asText());
        assertEquals("xsd:integer", year.get("parameters").get(0).get("type").asText());
        assertEquals("1937", year.get("parameters").get(0).get("default").asText());
        assertFalse(find(list, "domestic-foreign-links").get("summary").asText().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void every_query_answers_in_each_of_its_formats_and_through_the_raw_endpoint(String name) throws Exception {
        CannedQuery q = CATALOG.get(name);
        if (q.isTabular()) {
            HttpResponse<String> json = get("/api/queries/" + name + "?format=json", null);
            assertEquals(200, json.statusCode(), json.body());
            assertEquals("application/sparql-results+json", json.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            int rows = q.parsed().isAskType() ? 1 : ResultSetMgr.read(new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)),
                    ResultSetLang.RS_JSON).rewindable().size();
            HttpResponse<String> csv = get("/api/queries/" + name, "text/csv");
            assertEquals(200, csv.statusCode());
            if (!q.parsed().isAskType()) {
                assertEquals(rows, ResultSetMgr.read(new ByteArrayInputStream(csv.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_CSV)
                        .rewindable().size(), "CSV has as many rows as JSON");
                assertEquals(rows, ResultSetMgr.read(new ByteArrayInputStream(get("/api/queries/" + name + "?format=tsv", null).body()
                        .getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_TSV).rewindable().size(), "TSV too");
                assertEquals(rows, ResultSetMgr.read(new ByteArrayInputStream(get("/api/queries/" + name + "?format=xml", null).body()
                        .getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_XML).rewindable().size(), "XML too");
                // the same query text, bound with its defaults, through the raw SPARQL endpoint with RDF4J's client
                SPARQLRepository repo = new SPARQLRepository(server.sparqlUrl());
                try (RepositoryConnection c = repo.getConnection();
                        TupleQueryResult r = c.prepareTupleQuery(QueryBinder.bind(q, Map.of(), BaseIri.DEFAULT).serialize()).evaluate()) {
                    assertEquals(rows, r.stream().count(), "the raw endpoint agrees with the API");
                } finally {
                    repo.shutDown();
                }
            }
        } else {
            HttpResponse<String> ttl = get("/api/queries/" + name, "text/turtle");
            assertEquals(200, ttl.statusCode());
            int triples = Rio.parse(new StringReader(ttl.body()), "", RDFFormat.TURTLE).size();
            assertTrue(triples > 0);
            HttpResponse<String> jsonld = get("/api/queries/" + name + "?format=jsonld", null);
            // compacted with the server's context, which RDF4J fetches when allowed
            assertEquals(triples, JsonLdClients.rdf4j(jsonld.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), server.baseUrl(),
                    org.sovietpolicykg.vocabulary.BaseIri.DEFAULT).size());
        }
    }

    @Test
    void a_parameter_of_the_wrong_type_gets_400_naming_it() throws Exception {
        HttpResponse<String> r = get("/api/queries/year-at-home-and-abroad?year=nineteen-thirty-seven", null);
        assertEquals(400, r.statusCode());
        assertEquals("Parameter 'year' of query 'year-at-home-and-abroad' expects xsd:integer, got 'nineteen-thirty-seven'",
                JSON.readTree(r.body()).get("error").asText());
    }

    @Test
    void an_unknown_parameter_and_an_unknown_format_get_400() throws Exception {
        HttpResponse<String> r = get("/api/queries/year-at-home-and-abroad?yaer=1937", null);
        assertEquals(400, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("has no parameter yaer"), r.body());
        HttpResponse<String> f = get("/api/queries/year-at-home-and-abroad?format=pdf", null);
        assertEquals(400, f.statusCode());
        assertTrue(f.body().contains("Unknown format 'pdf'"), f.body());
    }

    @Test
    void an_iri_parameter_accepts_a_prefixed_name_and_rejects_a_relative_iri() throws Exception {
        HttpResponse<String> ok = get("/api/queries/actor?actor=spd:molotov&format=csv", null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("Maxim Litvinov"), "the man Molotov replaced: " + ok.body());
        HttpResponse<String> bad = get("/api/queries/actor?actor=molotov", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Parameter 'actor'"), bad.body());
    }

    @Test
    void an_unknown_query_gets_404_with_the_catalogue() throws Exception {
        HttpResponse<String> r = get("/api/queries/who-won-the-war", null);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("No canned query named 'who-won-the-war'"), r.body());
        assertFalse(r.body().contains("at org."), "no stack trace");
    }

    @Test
    void openapi_document_is_valid_openapi_3_with_one_path_per_query() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json", null);
        assertEquals(200, r.statusCode());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertEquals(List.of(), parsed.getMessages());
        assertEquals(CATALOG.all().size() + 1, parsed.getOpenAPI().getPaths().size());
        var op = parsed.getOpenAPI().getPaths().get("/api/queries/year-at-home-and-abroad").getGet();
        assertEquals("integer", op.getParameters().get(0).getSchema().getType());
        assertTrue(op.getResponses().containsKey("400"));
    }

    static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list)
            if (n.get("name").asText().equals(name))
                return n;
        throw new AssertionError("no query " + name + " in the catalogue");
    }


    @Test
    void a_canned_query_negotiated_by_accept_says_it_varies_by_accept() throws Exception {
        HttpResponse<String> r = get("/api/queries/domestic-foreign-links", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), r.headers().map().toString());
        assertTrue(r.body().lines().anyMatch(l -> l.contains(",mirrors,Great Purge,Soviet-directed reprisals in Republican Spain,")), r.body());
    }

    @Test
    void a_canned_answer_has_a_strong_etag_and_revalidates_with_304() throws Exception {
        HttpResponse<String> first = get("/api/queries/year-at-home-and-abroad?year=1937&format=csv", null);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), "a strong tag: " + etag);
        assertEquals("public, max-age=300", first.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(first.body().contains("Great Purge"), first.body());
        HttpResponse<String> again = get("/api/queries/year-at-home-and-abroad?format=csv&year=1937", null);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""), "the same request, in another order, the same tag");
        assertEquals(first.body(), again.body());
        HttpResponse<String> revalidated = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                + "/api/queries/year-at-home-and-abroad?year=1937&format=csv")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.body());
        String other = get("/api/queries/year-at-home-and-abroad?year=1939&format=csv", null).headers().firstValue("ETag").orElse("");
        assertTrue(!other.equals(etag), "another year, another tag");
        String json = get("/api/queries/year-at-home-and-abroad?year=1937&format=json", null).headers().firstValue("ETag").orElse("");
        assertTrue(!json.equals(etag), "another format, another tag");
        // an error is never made cacheable: no tag, and no-store
        HttpResponse<String> bad = get("/api/queries/year-at-home-and-abroad?year=MCMXXXVII", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("ETag").isEmpty(), bad.headers().map().toString());
        assertEquals("no-store", bad.headers().firstValue("Cache-Control").orElse(""));
    }
}
