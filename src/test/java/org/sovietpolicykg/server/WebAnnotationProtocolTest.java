package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Web Annotation Protocol's read side on the real server: {@code /annotations/essay/} is an AnnotationCollection of
 * all 385 anchors of the essay, paged (next, prev, startIndex) by AnnotationPages, each annotation dereferenceable at its
 * IRI in the same form; the collection, every page and every annotation pass every "must" assertion of the W3C Web
 * Annotation test suite's JSON schemas (src/test/resources/web-annotation-tests/, never fetched); writes are 405s.
 */
class WebAnnotationProtocolTest extends AbstractLiveServerTest {
    static final String ACCEPT = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUITE = "classpath:web-annotation-tests/";
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    /** The assertions a test file of the suite lists, as schemas. */
    static Map<String, JsonSchema> assertions(String testFile) throws IOException {
        JsonNode test;
        try (InputStream in = WebAnnotationProtocolTest.class.getResourceAsStream("/web-annotation-tests/" + testFile)) {
            test = JSON.readTree(in);
        }
        Map<String, JsonSchema> m = new LinkedHashMap<>();
        for (JsonNode a : test.get("assertions")) {
            String name = a.asText().substring(a.asText().lastIndexOf('/') + 1);
            m.put(name, SCHEMAS.getSchema(SchemaLocation.of(SUITE + name)));
        }
        assertTrue(m.size() >= 10, testFile + " lists its assertions");
        return m;
    }

    static void assertPasses(Map<String, JsonSchema> assertions, JsonNode json, String what) {
        List<String> failed = new ArrayList<>();
        assertions.forEach((name, schema) -> {
            Set<ValidationMessage> errors = schema.validate(json);
            if (!errors.isEmpty())
                failed.add(name + ": " + errors);
        });
        assertEquals(List.of(), failed, what + "\n" + json.toPrettyString());
    }

    static JsonNode getJson(String pathOrUrl) throws IOException, InterruptedException {
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath()
                + (URI.create(pathOrUrl).getRawQuery() == null ? "" : "?" + URI.create(pathOrUrl).getRawQuery()) : pathOrUrl;
        HttpResponse<String> r = get(path, ACCEPT);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""),
                r.headers().toString());
        return JSON.readTree(r.body());
    }

    @Test
    void the_collection_of_the_essay_pages_through_all_385_anchors_and_passes_the_w3c_schemas() throws Exception {
        HttpResponse<String> r = get("/annotations/essay/", ACCEPT);
        assertEquals(200, r.statusCode(), r.body());
        List<String> links = r.headers().allValues("Link");
        assertTrue(links.contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""), links.toString());
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"));
        JsonNode c = JSON.readTree(r.body());
        assertPasses(assertions("collectionMusts.test"), c, "the collection");
        assertEquals(385, c.get("total").asInt());
        assertEquals(server.baseUrl() + "/annotations/essay/", c.get("id").asText());
        assertEquals(server.baseUrl() + "/annotations/essay/?page=7", c.get("last").asText(), "385 anchors, 50 to a page");
        assertEquals(0, c.get("first").get("startIndex").asInt());

        Map<String, JsonSchema> page = assertions("pageMusts.test");
        Map<String, JsonSchema> anno = assertions("annotationMusts.test");
        Set<String> ids = new HashSet<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        String next = server.baseUrl() + "/annotations/essay/?page=0";
        String prev = null;
        int pages = 0;
        while (next != null) {
            JsonNode p = getJson(next);
            assertPasses(page, p, next);
            assertEquals(pages * 50, p.get("startIndex").asInt());
            assertEquals(prev, p.has("prev") ? p.get("prev").asText() : null);
            for (JsonNode a : p.get("items")) {
                ids.add(a.get("id").asText());
                String kind = a.get("id").asText().replaceFirst(".*/anno/([a-z]+)/.*", "$1");
                kinds.merge(kind, 1, Integer::sum);
                // each annotation as the model's tests take it: with the context of its own
                JsonNode withContext = JSON.createObjectNode().put("@context", "http://www.w3.org/ns/anno.jsonld").setAll((com.fasterxml.jackson.databind.node.ObjectNode) a);
                assertPasses(anno, withContext, a.get("id").asText());
            }
            prev = next;
            next = p.has("next") ? p.get("next").asText() : null;
            pages++;
        }
        assertEquals(8, pages);
        assertEquals(385, ids.size(), "every anchor once");
        assertEquals(Map.of("mention", 147, "description", 96, "claim", 58, "statement", 70, "link", 14), kinds);
    }

    @Test
    void litvoniv_is_an_identifying_annotation_of_litvinov_dereferenceable_at_its_iri() throws Exception {
        JsonNode page = getJson("/annotations/essay/?page=0");
        JsonNode found = null;
        for (int i = 0; i < 8 && found == null; i++) {
            for (JsonNode a : getJson("/annotations/essay/?page=" + i).get("items"))
                if (a.get("target").get("selector").get(0).get("exact").asText().equals("Litvoniv"))
                    found = a;
        }
        assertTrue(page.get("items").size() == 50);
        assertTrue(found != null, "the mention of Litvoniv");
        assertEquals("identifying", found.get("motivation").asText());
        assertEquals("https://w3id.org/soviet-policy-kg/id/litvinov", found.get("body").get(0).get("source").asText());
        assertEquals("Person", found.get("body").get(1).get("value").asText());
        assertEquals("https://w3id.org/soviet-policy-kg/text/essay/p4/s1", found.get("target").get("source").asText());
        assertEquals("the Jewish ", found.get("target").get("selector").get(0).get("prefix").asText().replaceFirst(".*(the Jewish )$", "$1"));
        JsonNode position = found.get("target").get("selector").get(1);
        assertEquals("TextPositionSelector", position.get("type").asText());
        assertEquals(8, position.get("end").asInt() - position.get("start").asInt());
        // at its own IRI, in the same form
        String path = URI.create(found.get("id").asText()).getPath().replaceFirst("^/soviet-policy-kg", "");
        JsonNode own = getJson(path);
        assertEquals("http://www.w3.org/ns/anno.jsonld", own.get("@context").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) own).remove("@context");
        assertEquals(found, own);
    }

    @Test
    void the_protocols_preferences_give_the_items_as_iris_or_the_collection_without_its_first_page() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/annotations/essay/?page=7")).header("Accept", ACCEPT)
                .header("Prefer", "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("return=representation", r.headers().firstValue("Preference-Applied").orElse(""));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Prefer")), r.headers().toString());
        JsonNode items = JSON.readTree(r.body()).get("items");
        assertEquals(35, items.size(), "the last page: 385 - 7 * 50");
        items.forEach(i -> assertTrue(i.isTextual() && i.asText().startsWith("https://w3id.org/soviet-policy-kg/anno/"), i.toString()));

        r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/annotations/essay/")).header("Accept", ACCEPT)
                .header("Prefer", "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode c = JSON.readTree(r.body());
        assertEquals(server.baseUrl() + "/annotations/essay/?page=0", c.get("first").asText(), "named, not embedded");
        assertEquals(385, c.get("total").asInt());
        assertTrue(getJson("/annotations/essay/?page=7").get("items").get(0).isObject(), "without a preference, whole descriptions");
    }

    @Test
    void writes_are_405_with_allow_and_unknown_texts_and_pages_404() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/annotations/essay/"))
                    .header("Content-Type", ACCEPT).method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), method);
            assertTrue(r.headers().firstValue("Allow").orElse("").startsWith("GET"), method);
        }
        assertEquals(404, get("/annotations/novel/", ACCEPT).statusCode());
        assertEquals(404, get("/annotations/essay/?page=8", ACCEPT).statusCode());
        assertEquals(400, get("/annotations/essay/?page=x", ACCEPT).statusCode());
        assertEquals(406, get("/annotations/essay/", "text/turtle").statusCode());
    }
}
