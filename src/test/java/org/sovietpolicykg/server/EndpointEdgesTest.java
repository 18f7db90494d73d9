package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig.Federation;
import org.sovietpolicykg.config.KgConfig;

/**
 * The edges of the SPARQL endpoint that once answered wrongly: a SERVICE refused for a later solution, an endpoint
 * name that does not exist, the format names of the one table, and the order of the filters that matters.
 */
class EndpointEdgesTest extends AbstractLiveServerTest {
    /** Allowed, on loopback, and closed: a SILENT call to it fails at once, with no row of its own. */
    static final String CLOSED = "http://127.0.0.1:9/sparql";
    /** The first target is allowed (and fails silently), the second is refused once it is bound. */
    static final String SPLICED = "SELECT * WHERE { VALUES ?e { <" + CLOSED + "> <http://127.0.0.1:7777/x> }"
            + " SERVICE SILENT ?e { ?s ?p ?o } }";

    @BeforeAll
    static void startServer() {
        KgConfig config = KgConfig.defaults().withPort(0).withFederation(new Federation(List.of(CLOSED), Map.of()));
        server = Servers.standard(TestGraphs.queryable(), config).start();
    }

    static HttpResponse<String> post(String query, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_service_refused_for_a_later_solution_is_never_spliced_into_a_200() throws Exception {
        int refused = 0;
        for (String accept : List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                "application/sparql-results+xml")) {
            HttpResponse<String> r;
            try {
                r = post(SPLICED, accept);
            } catch (IOException aborted) {
                continue; // the transfer was aborted: the client knows the answer is incomplete
            }
            assertEquals(400, r.statusCode(), accept + ": " + r.body());
            assertTrue(r.body().contains("SERVICE <http://127.0.0.1:7777/x> is refused"), r.body());
            refused++;
        }
        // the JSON writer buffers its answer: there the refusal is a 400 with its message, not only a broken transfer
        assertTrue(refused >= 1, "at least the JSON answer is a 400 that says why");
    }

    @Test
    void an_update_endpoint_is_our_404_that_says_the_server_is_read_only() throws Exception {
        for (String path : List.of("/kg/update", "/kg/data", "/kg/upload")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertTrue(r.body().contains("No endpoint at " + path + ": this server is read-only"), r.body());
            assertTrue(r.body().contains("SPARQL Query is at /kg/sparql"), r.body());
        }
        assertEquals(200, get("/kg/query?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    void the_api_and_the_endpoint_take_the_same_format_names() throws Exception {
        String q = URLEncoder.encode("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        for (String name : List.of("rdf+xml", "rdfxml", "turtle", "ttl", "ntriples", "nt", "jsonld", "json-ld")) {
            HttpResponse<String> api = get("/api/queries/link-graph?format=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
            HttpResponse<String> sparql = get("/kg/sparql?query=" + q + "&format=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
            assertEquals(200, api.statusCode(), name + ": " + api.body());
            assertEquals(200, sparql.statusCode(), name + ": " + sparql.body());
            assertEquals(api.headers().firstValue("Content-Type").orElseThrow().split(";")[0],
                    sparql.headers().firstValue("Content-Type").orElseThrow().split(";")[0], name);
        }
        assertEquals("application/rdf+xml", get("/api/queries/link-graph?format=rdf%2Bxml", null).headers()
                .firstValue("Content-Type").orElseThrow().split(";")[0]);
    }

    @Test
    void the_endpoint_keeps_answers_before_the_query_pool_and_outside_the_answer_limit() {
        List<String> filters = server.filtersOn("/kg/sparql");
        int cache = filters.indexOf("EndpointAnswers");
        int gate = filters.indexOf("QueryGate");
        int limit = filters.indexOf("ResponseLimitFilter");
        assertTrue(cache >= 0 && cache < gate && gate < limit, filters.toString());
        assertEquals(0, filters.indexOf("FingerprintHeader"), filters.toString());
        assertEquals(1, filters.indexOf("PublicUrl"), "the public URL is decided before anything writes one: " + filters);
    }

    @Test
    void an_update_by_get_and_a_query_given_twice_are_400s_that_say_why() throws Exception {
        HttpResponse<String> update = get("/kg/sparql?update=" + URLEncoder.encode("CLEAR ALL", StandardCharsets.UTF_8), null);
        assertEquals(400, update.statusCode(), update.body());
        assertTrue(update.body().contains("SPARQL Update is not accepted"), update.body());
        String ask = URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
        HttpResponse<String> twice = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + ask))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("query=" + ask))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("gives the query 2 times"), twice.body());
        HttpResponse<String> urlAndBody = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + ask))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString("ASK {}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, urlAndBody.statusCode(), urlAndBody.body());
        assertTrue(urlAndBody.body().contains("both in the URL (query=) and in the body"), urlAndBody.body());
    }

    @Test
    void an_accept_that_fits_no_format_on_offer_is_a_406_that_lists_them() throws Exception {
        String select = "/kg/sparql?query=" + URLEncoder.encode("SELECT ?who WHERE { ?who <https://w3id.org/soviet-policy-kg/ontology#replaced>"
                + " <https://w3id.org/soviet-policy-kg/id/litvinov> }", StandardCharsets.UTF_8);
        HttpResponse<String> sparql = get(select, "image/png");
        assertEquals(406, sparql.statusCode(), sparql.body());
        assertTrue(sparql.body().contains("application/sparql-results+json"), sparql.body());
        HttpResponse<String> api = get("/api/queries/historians-and-works", "image/png");
        assertEquals(406, api.statusCode(), api.body());
        assertTrue(api.body().contains("text/csv") && api.body().contains("?format="), api.body());
        // a browser's Accept ends in */*: it keeps its page; a program's application/json gets JSON
        assertEquals(200, get("/id/litvinov", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").statusCode());
        HttpResponse<String> json = get("/api/queries/historians-and-works", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        // and a format parameter chooses whatever Accept says
        assertEquals(200, get(select + "&format=json", "image/png").statusCode());
    }

    @Test
    void an_entity_page_lists_its_passages_in_the_order_of_the_text() throws Exception {
        String html = get("/id/nep", "text/html").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#p(\\d+)-s(\\d+)").matcher(html);
        int last = -1, n = 0;
        while (m.find()) {
            int at = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
            assertTrue(at >= last, "p" + m.group(1) + "-s" + m.group(2) + " after " + last + " on /id/nep");
            last = at;
            n++;
        }
        assertTrue(n >= 3, "the NEP's passages link to their sentences (at offsets 85, 1208, ...): " + n);
    }
}
