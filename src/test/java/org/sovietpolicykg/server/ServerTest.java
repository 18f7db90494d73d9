package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovietpolicykg.TestGraphs;

/** The live server on a free port, spoken to over real HTTP by RDF4J's SPARQL client and by a plain HTTP client. */
class ServerTest {
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    static final String WHO_REPLACED_LITVINOV = """
            PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX spd: <https://w3id.org/soviet-policy-kg/id/>
            PREFIX oa:  <http://www.w3.org/ns/oa#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?who ?name ?sentence ?exact WHERE {
              ?who spo:replaced spd:litvinov ; rdfs:label ?name .
              ?st rdf:subject ?who ; rdf:predicate spo:replaced ; rdf:object spd:litvinov ;
                  spo:hasAnchor/oa:hasTarget ?target .
              ?target oa:hasSource ?seg ; oa:hasSelector/oa:exact ?exact .
              ?seg rdf:value ?sentence .
            }""";

    @BeforeAll
    static void start() {
        server = KgServer.create().port(0).dataset(TestGraphs.queryable()).start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    @Test
    void rdf4j_client_finds_that_molotov_replaced_litvinov_and_the_sentence_that_says_so() {
        SPARQLRepository repo = new SPARQLRepository(server.sparqlUrl());
        try (RepositoryConnection conn = repo.getConnection();
                TupleQueryResult r = conn.prepareTupleQuery(WHO_REPLACED_LITVINOV).evaluate()) {
            List<BindingSet> rows = r.stream().toList();
            assertEquals(1, rows.size());
            BindingSet row = rows.get(0);
            assertEquals("https://w3id.org/soviet-policy-kg/id/molotov", row.getValue("who").stringValue());
            assertEquals("Vyacheslav Molotov", row.getValue("name").stringValue());
            assertTrue(row.getValue("sentence").stringValue().startsWith(
                    "The Non-Aggression Pact that saw Molotov replace the Jewish Litvoniv in 1939 was the end of a long and tortuous process"));
            assertTrue(row.getValue("exact").stringValue().contains("Molotov replace the Jewish Litvoniv"));
        } finally {
            repo.shutDown();
        }
    }

    @Test
    void results_come_in_every_standard_format_by_accept_header() throws Exception {
        String q = "PREFIX spd: <https://w3id.org/soviet-policy-kg/id/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?label WHERE { spd:molotov rdfs:label ?label }";
        assertTrue(get(q, "application/sparql-results+json").body().contains("\"Vyacheslav Molotov\""));
        assertTrue(get(q, "application/sparql-results+xml").body().contains(">Vyacheslav Molotov<"));
        assertEquals("label\r\nVyacheslav Molotov\r\n", get(q, "text/csv").body());
        assertEquals("?label\n\"Vyacheslav Molotov\"@en\n", get(q, "text/tab-separated-values").body());
    }

    @Test
    void construct_answers_in_turtle_and_json_ld() throws Exception {
        String q = "PREFIX spd: <https://w3id.org/soviet-policy-kg/id/> PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> "
                + "CONSTRUCT { ?who spo:replaced spd:litvinov } WHERE { ?who spo:replaced spd:litvinov }";
        HttpResponse<String> ttl = get(q, "text/turtle");
        assertEquals(200, ttl.statusCode());
        Model m = Rio.parse(new StringReader(ttl.body()), "", RDFFormat.TURTLE);
        assertEquals(1, m.size());
        HttpResponse<String> jsonld = get(q, "application/ld+json");
        assertEquals(1, JsonLdClients.rdf4j(jsonld.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), server.baseUrl(),
                org.sovietpolicykg.vocabulary.BaseIri.DEFAULT).size());
    }

    @Test
    void sparql_update_is_refused() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        for (String path : List.of("/kg/update", "/kg/sparql", "/kg")) {
            // a fresh client for each refused write: the server may close a connection after refusing a body
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " answered " + r.statusCode());
        }
        assertEquals(0, countTriples("<urn:x> <urn:y> <urn:z>"), "nothing was inserted in a named graph");
        assertEquals("_askResult\r\nfalse\r\n", get("ASK { <urn:x> <urn:y> <urn:z> }", "text/csv").body(), "nor in the default graph");
    }

    @Test
    void graph_store_reads_but_refuses_writes() throws Exception {
        String g = URLEncoder.encode("https://w3id.org/soviet-policy-kg/graph/source", StandardCharsets.UTF_8);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/get?graph=" + g))
                .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("Stalin’s Revolution from Above"));
        for (String method : List.of("PUT", "POST", "DELETE")) {
            HttpResponse<String> w = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/get?graph=" + g))
                    .header("Content-Type", "text/turtle").method(method, HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(w.statusCode() >= 400 && w.statusCode() < 500, method + " answered " + w.statusCode());
        }
    }

    @Test
    void a_bad_query_gets_400_with_the_parser_message_and_no_stack_trace() throws Exception {
        HttpResponse<String> r = get("SELECT ?x WHERE { ?x ", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error: Encountered \"<EOF>\" at line 1, column 21."), r.body());
        assertFalse(r.body().contains("at org.apache"), r.body());
    }

    @Test
    void service_to_an_endpoint_not_allowed_is_refused_with_400_so_the_endpoint_sends_no_request_there() throws Exception {
        HttpResponse<String> r = get("SELECT * WHERE { SERVICE <" + server.sparqlUrl() + "> { ?s ?p ?o } } LIMIT 1",
                "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE <" + server.sparqlUrl() + "> is refused: not an allowed endpoint; the allowed endpoints are"
                + " <https://query.wikidata.org/sparql>"), r.body());
        assertFalse(r.body().contains("\"s\""), "no results came back through SERVICE");
    }

    @Test
    void graph_store_answers_404_for_a_graph_that_does_not_exist() throws Exception {
        String g = URLEncoder.encode("https://w3id.org/soviet-policy-kg/graph/no-such-graph", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/get?graph=" + g))
                .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), r.body());
    }

    @Test
    void cors_is_on_for_reads() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))).header("Origin", "http://example.org").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private long countTriples(String pattern) throws Exception {
        String body = get("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { " + pattern + " } }", "text/csv").body();
        return Long.parseLong(body.split("\r\n")[1]);
    }

    static HttpResponse<String> get(String query, String accept) throws IOException, InterruptedException {
        URI uri = URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
