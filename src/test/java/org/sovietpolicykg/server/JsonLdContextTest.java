package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published JSON-LD context: served at /context.jsonld with a strong ETag, it gives the ontology's short names
 * (claimedBy, hasAnchor, Claim) with their types; the JSON-LD dump embeds it, and every JSON-LD
 * answer (resource descriptions, CONSTRUCT, VoID) by this server's URL for it (which a client can always fetch), so a notebook sees "claimedBy": ".../id/preston"; what is compacted expands back to the same
 * graph.
 */
class JsonLdContextTest extends AbstractLiveServerTest {
    static final String BASE = BaseIri.DEFAULT_IRI;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_context_is_served_with_a_strong_etag_and_gives_the_ontologys_short_names_with_their_types() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/context.jsonld")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/ld+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + Sha256.hex(r.body()) + "\"", etag);
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/context.jsonld"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());

        JsonNode c = JSON.readTree(r.body()).get("@context");
        assertEquals(BASE + "ontology#claimedBy", c.get("claimedBy").get("@id").asText());
        assertEquals("@id", c.get("claimedBy").get("@type").asText(), "an object property: its values are IRIs");
        assertEquals("@id", c.get("hasAnchor").get("@type").asText());
        assertEquals(BASE + "ontology#Claim", c.get("Claim").asText());
        assertEquals("http://www.w3.org/2001/XMLSchema#nonNegativeInteger", c.get("start").get("@type").asText(),
                "a datatype property: its declared range");
        assertEquals("@id", c.get("id").asText());
        assertEquals("http://www.w3.org/ns/oa#", c.get("oa").asText());
        assertTrue(c.get("spd") == null, "the data's own namespaces are not prefixes: a notebook sees full IRIs");
        // the same bytes as the build writes beside the dumps
        assertEquals(new String(DatasetWriter.context(TestGraphs.queryable(), BaseIri.DEFAULT).document(), StandardCharsets.UTF_8),
                new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void the_jsonld_dump_embeds_the_published_context_and_expands_back_to_the_same_graph() throws Exception {
        byte[] dump = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dumps/dataset.jsonld")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        JsonNode doc = JSON.readTree(dump);
        // the published context's terms, embedded: a downloaded dump needs nothing fetched (JsonLdDumpOfflineTest)
        assertEquals(JSON.readTree(JsonLdClients.fetchContext(server.baseUrl())).get("@context"), doc.get("@context"));
        List<JsonNode> prestonClaims = new ArrayList<>();
        doc.get("@graph").forEach(g -> g.get("@graph").forEach(n -> {
            if (n.has("claimedBy") && n.get("claimedBy").asText().equals(BASE + "id/preston"))
                prestonClaims.add(n);
        }));
        assertTrue(prestonClaims.stream().anyMatch(n -> n.get("id").asText().equals(BASE + "claim/preston-self-serving")),
                "Preston's claim, with \"claimedBy\": \".../id/preston\"");
        assertTrue(prestonClaims.stream().allMatch(n -> n.get("hasAnchor") != null && n.get("hasAnchor").isTextual()),
                "each claim's anchor as an IRI string");

        // expanded (the loader would fetch the published context from the server; it is not asked), then as RDF
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(dump)))
                .loader(JsonLdClients.titaniumLoader(server.baseUrl(), BaseIri.DEFAULT)).get();
        assertTrue(expanded.toString().contains("\"" + BASE + "ontology#claimedBy\""), "expansion restores the full IRIs");
        DatasetGraph back = JsonLdClients.jena(dump, server.baseUrl(), BaseIri.DEFAULT);
        DatasetGraph served = DatasetWriter.namedGraphs(TestGraphs.queryable());
        served.listGraphNodes().forEachRemaining(g -> assertTrue(served.getGraph(g).isIsomorphicWith(back.getGraph(g)),
                g + " comes back the same"));
    }

    @Test
    void a_resource_description_in_jsonld_uses_the_context() throws Exception {
        HttpResponse<String> r = get("/id/preston", "application/ld+json");
        assertEquals(200, r.statusCode());
        JsonNode doc = JSON.readTree(r.body());
        assertEquals(server.baseUrl() + "/context.jsonld", doc.get("@context").asText(), "an answer names this server's copy");
        assertTrue(r.body().contains("\"claimedBy\": \"" + BASE + "id/preston\""), r.body().substring(0, 400));
        Graph parsed = JsonLdClients.jena(r.body().getBytes(StandardCharsets.UTF_8), server.baseUrl(), BaseIri.DEFAULT).getDefaultGraph();
        Graph turtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get("/id/preston", "text/turtle").body(), Lang.TURTLE).parse(turtle);
        assertTrue(turtle.isIsomorphicWith(parsed), "the JSON-LD and the Turtle description say the same");
    }

    @Test
    void a_construct_answer_in_jsonld_uses_the_context_by_accept_and_by_format() throws Exception {
        String q = "PREFIX spo: <" + BASE + "ontology#> CONSTRUCT { ?c spo:claimedBy ?h } WHERE { ?c spo:claimedBy ?h }";
        String url = "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        for (HttpResponse<String> r : List.of(get(url, "application/ld+json"), get(url + "&format=json-ld", null))) {
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("application/ld+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            JsonNode doc = JSON.readTree(r.body());
            assertEquals(server.baseUrl() + "/context.jsonld", doc.get("@context").asText());
            assertTrue(r.body().contains("\"claimedBy\": \"" + BASE + "id/overy\""), "Overy among the historians");
            Graph parsed = JsonLdClients.jena(r.body().getBytes(StandardCharsets.UTF_8), server.baseUrl(), BaseIri.DEFAULT).getDefaultGraph();
            assertEquals(TestGraphs.queryable().getDefaultGraph().find(null, org.apache.jena.graph.NodeFactory.createURI(BASE + "ontology#claimedBy"), null)
                    .toList().size(), parsed.size(), "one triple per claim");
        }
        // Turtle is still Fuseki's own
        assertEquals("text/turtle", get(url, "text/turtle").headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
    }

    @Test
    void a_canned_construct_in_jsonld_uses_the_context_and_says_what_the_turtle_says() throws Exception {
        HttpResponse<String> r = get("/api/queries/link-graph?format=jsonld", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(server.baseUrl() + "/context.jsonld", JSON.readTree(r.body()).get("@context").asText());
        assertTrue(r.body().contains("\"enables\": \"" + BASE + "id/"), "the link shortcut by its short name, its value an IRI");
        Graph parsed = JsonLdClients.jena(r.body().getBytes(StandardCharsets.UTF_8), server.baseUrl(), BaseIri.DEFAULT).getDefaultGraph();
        Graph turtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get("/api/queries/link-graph?format=turtle", null).body(), Lang.TURTLE).parse(turtle);
        assertTrue(turtle.size() > 0 && turtle.isIsomorphicWith(parsed));
    }

    @Test
    void the_void_description_in_jsonld_uses_the_context_and_says_what_the_turtle_says() throws Exception {
        HttpResponse<String> r = get("/void", "application/ld+json");
        assertEquals(server.baseUrl() + "/context.jsonld", JSON.readTree(r.body()).get("@context").asText());
        Graph parsed = JsonLdClients.jena(r.body().getBytes(StandardCharsets.UTF_8), server.baseUrl(), BaseIri.DEFAULT).getDefaultGraph();
        Graph turtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get("/void", "text/turtle").body(), Lang.TURTLE).parse(turtle);
        assertTrue(turtle.isIsomorphicWith(parsed));
    }
}
