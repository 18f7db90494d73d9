package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/** The ontology at its IRI's path with content negotiation, the pages, and the assets, over real HTTP. */
class PagesTest extends AbstractLiveServerTest {

    @Test
    void ontology_answers_turtle_rdfxml_and_jsonld_by_accept_with_the_same_triples() throws Exception {
        var ontology = SimpleValueFactory.getInstance().createIRI("https://w3id.org/soviet-policy-kg/ontology");
        Model ttl = parse(get("/ontology", "text/turtle"), RDFFormat.TURTLE);
        Model xml = parse(get("/ontology", "application/rdf+xml"), RDFFormat.RDFXML);
        Model jsonld = parse(get("/ontology", "application/ld+json"), RDFFormat.JSONLD);
        assertTrue(ttl.contains(ontology, RDF.TYPE, OWL.ONTOLOGY));
        assertEquals(ttl.size(), xml.size());
        assertEquals(ttl.size(), jsonld.size());
    }

    @Test
    void ontology_answers_browsers_with_html_documentation() throws Exception {
        HttpResponse<String> r = get("/ontology", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals("text/html", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.body().contains("<h3>domestic-foreign link <code>spo:DomesticForeignLink</code></h3>"), "documents the link class");
        assertTrue(r.body().contains("id=\"Claim\""));
        assertTrue(r.body().contains("Worked example"));
        // caches keep one copy per format and per origin (CORS)
        assertEquals(List.of("Accept", "Origin"), r.headers().allValues("Vary").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).sorted().toList());
    }

    @Test
    void an_unknown_ontology_format_is_a_400() throws Exception {
        HttpResponse<String> r = get("/ontology?format=docx", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Unknown format 'docx'"));
    }

    @Test
    void home_page_lists_the_canned_queries_and_serves_its_assets_itself() throws Exception {
        HttpResponse<String> home = get("/", null);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"q-year-at-home-and-abroad\""));
        assertFalse(home.body().contains("cdn"), "no asset from a CDN");
        assertEquals(200, get("/static/yasgui/yasgui.min.js", null).statusCode());
        assertEquals(200, get("/static/site.css", null).statusCode());
    }

    @Test
    void results_page_of_a_year_shows_the_great_purge_for_1937_and_the_pact_for_1939() throws Exception {
        assertTrue(get("/run/year-at-home-and-abroad", null).body().contains("Great Purge"));
        String p1939 = get("/run/year-at-home-and-abroad?year=1939", null).body();
        assertTrue(p1939.contains("Molotov–Ribbentrop Pact"), "the pact, by its label: " + p1939);
        assertTrue(p1939.contains("Non-Aggression Pact"), "the pact, in the essay's own words: " + p1939);
        HttpResponse<String> bad = get("/run/year-at-home-and-abroad?year=MCMXXXVII", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("expects xsd:integer"));
    }

    @Test
    void results_page_of_the_construct_query_lists_its_triples() throws Exception {
        HttpResponse<String> r = get("/run/link-graph", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<th>subject</th><th>predicate</th><th>object</th>"), r.body());
        assertTrue(r.body().contains("spo:mirrors"), "the shortcut triple spd:great-purge spo:mirrors spd:reprisals-in-spain");
    }

    @Test
    void entity_iris_dereference_to_html_with_the_passages_and_to_rdf_by_accept() throws Exception {
        HttpResponse<String> html = get("/id/litvinov", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<h1>Maxim Litvinov</h1>"), html.body());
        assertTrue(html.body().contains("“Litvoniv”"), "the essay's misspelling is one of his passages");
        Model ttl = parse(get("/id/litvinov", "text/turtle"), RDFFormat.TURTLE);
        var vf = SimpleValueFactory.getInstance();
        assertTrue(ttl.contains(vf.createIRI("https://w3id.org/soviet-policy-kg/id/molotov"),
                vf.createIRI("https://w3id.org/soviet-policy-kg/ontology#replaced"), vf.createIRI("https://w3id.org/soviet-policy-kg/id/litvinov")),
                "the description includes what points to it");
        assertEquals(ttl.size(), parse(get("/id/litvinov?format=jsonld", null), RDFFormat.JSONLD).size());
        assertEquals(200, get("/claim/conquest-validated", "text/html").statusCode());
        assertEquals(200, get("/text/essay/p4/s1", "text/turtle").statusCode());
    }

    @Test
    void an_iri_the_graph_says_nothing_of_is_a_404_with_a_message() throws Exception {
        HttpResponse<String> r = get("/id/trotsky-the-younger", "text/html");
        assertEquals(404, r.statusCode());
        // a page for a browser, the IRI escaped in it
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("Nothing is said of &lt;https://w3id.org/soviet-policy-kg/id/trotsky-the-younger&gt;"), r.body());
        assertTrue(get("/id/trotsky-the-younger", "application/json").body()
                .contains("Nothing is said of <https://w3id.org/soviet-policy-kg/id/trotsky-the-younger>"));
    }

    @Test
    void cors_covers_the_api_and_the_resources_too() throws Exception {
        for (String path : new String[] {"/api/queries", "/id/litvinov", "/ontology"}) {
            HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .header("Origin", "http://notebook.example.org").build(), HttpResponse.BodyHandlers.ofString());
            // any page may read, never with credentials, and the origin is not echoed back
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), path);
        }
    }

    static Model parse(HttpResponse<String> r, RDFFormat f) throws Exception {
        assertEquals(200, r.statusCode());
        if (f == RDFFormat.JSONLD) // it names the server's context, which RDF4J fetches only when allowed to
            return JsonLdClients.rdf4j(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), server.baseUrl(),
                    org.sovietpolicykg.vocabulary.BaseIri.DEFAULT);
        return Rio.parse(new StringReader(r.body()), "", f);
    }


    @Test
    void static_assets_come_with_etag_and_cache_control_and_revalidate_with_304() throws Exception {
        HttpResponse<String> css = get("/static/site.css", null);
        assertEquals(200, css.statusCode());
        assertEquals("text/css", css.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("public, max-age=3600", css.headers().firstValue("Cache-Control").orElse(""));
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/static/site.css"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertTrue(get("/static/yasgui/yasgui.min.js", null).body().length() > 100_000, "the editor, from npm, served by us");
    }

    @Test
    void the_icon_browsers_ask_for_at_the_root_is_served_and_every_page_names_it() throws Exception {
        HttpResponse<byte[]> ico = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ico.statusCode());
        byte[] b = ico.body();
        // an ICO file (reserved 0, type 1) of three images
        assertTrue(b.length > 22 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0 && b[4] == 3, "an ICO of three sizes");
        assertEquals("public, max-age=3600", ico.headers().firstValue("Cache-Control").orElse(""));
        for (String page : List.of("/", "/essay", "/id/litvinov", "/editor"))
            assertTrue(get(page, "text/html").body().contains("<link rel=\"icon\" href=\"/favicon.ico\""), page);
    }

    @Test
    void folders_and_missing_assets_are_404s_with_a_message() throws Exception {
        for (String path : List.of("/static/", "/static/yasgui/", "/static/nothing.css")) {
            HttpResponse<String> r = get(path, null);
            assertEquals(404, r.statusCode(), path);
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], path);
            assertTrue(r.body().contains("No asset at " + path), r.body());
        }
    }

    @Test
    void the_ontology_answers_n_triples_when_asked_and_says_it_varies_by_accept() throws Exception {
        HttpResponse<String> nt = get("/ontology", "application/n-triples");
        assertEquals("application/n-triples", nt.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(nt.body().contains("<https://w3id.org/soviet-policy-kg/ontology#DomesticForeignLink> "
                + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> ."), "a triple per line");
        assertTrue(nt.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        assertEquals(400, get("/ontology?format=pdf", null).statusCode());
    }
}
