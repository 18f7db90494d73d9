package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.reconcile.Reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import picocli.CommandLine;

/**
 * The Reconciliation Service API 0.2 at /reconcile, over real HTTP, with every answer validated against the
 * specification's own JSON schemas (vendored in src/test/resources/ReconciliationTest/schemas/, never fetched):
 * the manifest, batches by GET and by POST, suggest; and the {@code reconcile} command on a CSV file.
 */
class ReconciliationTest extends AbstractLiveServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SPEC = "https://reconciliation-api.github.io/specs/0.2/schemas/";
    static final String SWAGGER_2 = "http://swagger.io/v2/schema.json";
    /** The schemas declare "$schema": "http://json-schema.org/schema#" (the latest draft they were written for: 7). */
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b
            .metaSchema(JsonMetaSchema.builder("http://json-schema.org/schema#", JsonMetaSchema.getV7()).build())
            .schemaMappers(m -> m.mapPrefix(SPEC, "classpath:ReconciliationTest/schemas/")
                    // manifest.json's $ref for securityDefinitions: the Swagger 2.0 schema, vendored, never fetched
                    .mapPrefix(SWAGGER_2, "classpath:ReconciliationTest/schemas/swagger-2.0.json")));

    static void assertValid(String schema, JsonNode json) {
        JsonSchema s = SCHEMAS.getSchema(SchemaLocation.of(SPEC + schema));
        Set<ValidationMessage> errors = s.validate(json);
        assertTrue(errors.isEmpty(), schema + ": " + errors + "\n" + json.toPrettyString());
    }

    static JsonNode reconcile(String queries) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/reconcile?queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = JSON.readTree(r.body());
        assertValid("reconciliation-result-batch.json", json);
        return json;
    }

    static JsonNode best(JsonNode batch, String key) {
        JsonNode result = batch.get(key).get("result");
        assertTrue(result.size() > 0, key + ": no candidate\n" + batch.toPrettyString());
        return result.get(0);
    }

    @Test
    void the_manifest_validates_and_offers_our_classes_our_pages_and_suggest() throws Exception {
        HttpResponse<String> r = get("/reconcile", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode m = JSON.readTree(r.body());
        assertValid("manifest.json", m);
        assertEquals("0.2", m.get("versions").get(0).asText());
        assertEquals("https://w3id.org/soviet-policy-kg/id/", m.get("identifierSpace").asText());
        assertEquals("https://w3id.org/soviet-policy-kg/ontology#", m.get("schemaSpace").asText());
        assertEquals(server.baseUrl() + "/id/{{id}}", m.get("view").get("url").asText());
        List<String> types = new ArrayList<>();
        m.get("defaultTypes").forEach(t -> types.add(t.get("id").asText()));
        assertTrue(types.containsAll(List.of("Person", "Historian", "State", "Event", "Policy")), types.toString());
        assertEquals("/suggest/entity", m.get("suggest").get("entity").get("service_path").asText());
        // the view URL resolves to the entity's page
        assertEquals(200, get("/id/litvinov", "text/html").statusCode());
    }

    @Test
    void the_preview_may_be_framed_by_openrefine_and_has_no_script_while_the_pages_stay_unframable() throws Exception {
        JsonNode m = JSON.readTree(get("/reconcile", null).body());
        assertEquals(server.baseUrl() + "/reconcile/preview/{{id}}", m.get("preview").get("url").asText());
        HttpResponse<String> r = get("/reconcile/preview/litvinov", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/html", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(r.headers().firstValue("X-Frame-Options").isEmpty(), r.headers().map().toString());
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors *") && csp.contains("default-src 'none'") && !csp.contains("script-src"), csp);
        assertFalse(r.body().contains("<script"), "no script");
        assertTrue(r.body().contains("<h1>Maxim Litvinov</h1>"), r.body());
        assertTrue(r.body().contains("Litvoniv"), "the essay's spelling: " + r.body());
        assertTrue(r.body().contains("href=\"" + server.baseUrl() + "/id/litvinov\""), r.body());
        // every other page keeps its frame ban
        for (String page : List.of("/id/litvinov", "/", "/essay", "/reconcile")) {
            HttpResponse<String> p = get(page, "text/html");
            assertEquals("DENY", p.headers().firstValue("X-Frame-Options").orElse(""), page);
            assertTrue(p.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), page);
        }
        HttpResponse<String> missing = get("/reconcile/preview/napoleon", "application/json");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("No entity 'napoleon' to preview"), missing.body());
    }

    @Test
    void litvoniv_litvinov_and_maxim_litvinov_all_reconcile_to_our_litvinov() throws Exception {
        String queries = "{\"q0\": {\"query\": \"Litvoniv\"}, \"q1\": {\"query\": \"Litvinov\", \"type\": \"Person\"},"
                + " \"q2\": {\"query\": \"Maxim Litvinov\", \"type\": [\"Person\"], \"limit\": 1}}";
        assertValid("reconciliation-query-batch.json", JSON.readTree(queries));
        JsonNode batch = reconcile(queries);
        for (String q : List.of("q0", "q1", "q2")) {
            JsonNode c = best(batch, q);
            assertEquals("litvinov", c.get("id").asText(), q);
            assertEquals("Maxim Litvinov", c.get("name").asText(), q);
            assertTrue(c.get("match").asBoolean(), q + " is a certain match");
            assertTrue(c.get("score").asDouble() >= Reconciler.MATCH_THRESHOLD, q);
        }
        assertEquals(1, batch.get("q2").get("result").size(), "limit 1");
        assertEquals("match_variant", trueFeature(best(batch, "q0")), "Litvoniv is the essay's own misspelling");
        assertEquals("match_alias", trueFeature(best(batch, "q1")), "the essay calls him Litvinov");
        assertEquals("match_exact", trueFeature(best(batch, "q2")));
        assertEquals(100.0, best(batch, "q2").get("score").asDouble());
    }

    static String trueFeature(JsonNode candidate) {
        for (JsonNode f : candidate.get("features"))
            if (f.get("value").asBoolean())
                return f.get("id").asText();
        return "none";
    }

    @Test
    void goering_and_göring_reconcile_to_the_same_entity_and_an_unknown_name_to_nothing_certain() throws Exception {
        JsonNode batch = reconcile("{\"a\": {\"query\": \"Goering\"}, \"b\": {\"query\": \"Göring\"}, \"c\": {\"query\": \"Hermann Goering\"},"
                + " \"d\": {\"query\": \"Napoleon Bonaparte\"}, \"e\": {\"query\": \"Litvinova\"}}");
        for (String q : List.of("a", "b", "c")) {
            assertEquals("goering", best(batch, q).get("id").asText(), q);
            assertEquals("Hermann Göring", best(batch, q).get("name").asText(), q);
            assertTrue(best(batch, q).get("match").asBoolean(), q);
        }
        for (String q : List.of("d", "e"))
            for (JsonNode c : batch.get(q).get("result")) {
                assertFalse(c.get("match").asBoolean(), q + ": " + c);
                assertTrue(c.get("score").asDouble() < Reconciler.MATCH_THRESHOLD, q + ": " + c);
            }
        assertEquals(0, batch.get("d").get("result").size(), "nothing like Napoleon in the essay");
        // a near miss is offered for review, below the threshold
        assertEquals("litvinov", batch.get("e").get("result").get(0).get("id").asText());
        assertEquals("match_fuzzy", trueFeature(batch.get("e").get("result").get(0)));
    }

    @Test
    void a_batch_by_post_answers_as_by_get_and_a_type_narrows_the_candidates() throws Exception {
        String queries = "{\"q0\": {\"query\": \"Spain\"}, \"q1\": {\"query\": \"Spain\", \"type\": \"State\"}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/reconcile"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode batch = JSON.readTree(r.body());
        assertValid("reconciliation-result-batch.json", batch);
        assertEquals("spain", best(batch, "q0").get("id").asText(), "Spain the place");
        for (JsonNode c : batch.get("q1").get("result"))
            assertFalse(c.get("id").asText().equals("spain"), "Spain is a Place, not a State: " + c);
    }

    @Test
    void suggest_completes_a_prefix_and_validates() throws Exception {
        HttpResponse<String> r = get("/reconcile/suggest/entity?prefix=litv", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = JSON.readTree(r.body());
        assertValid("suggest-entities-response.json", json);
        List<String> ids = new ArrayList<>();
        json.get("result").forEach(x -> ids.add(x.get("id").asText()));
        assertTrue(ids.contains("litvinov"), ids.toString());
        assertEquals("Person", json.get("result").get(ids.indexOf("litvinov")).get("notable").get(0).get("id").asText());
        // the person before the events and tenures named after him
        assertEquals("litvinov", ids.get(0), ids.toString());
        assertTrue(ids.contains("litvinov-dismissal"), ids.toString());
        // a Wikidata label in Russian completes too
        List<String> cyrillic = new ArrayList<>();
        JSON.readTree(get("/reconcile/suggest/entity?prefix=" + URLEncoder.encode("СС", StandardCharsets.UTF_8), null).body()).get("result")
                .forEach(x -> cyrillic.add(x.get("id").asText()));
        assertEquals(List.of("ussr"), cyrillic);
    }

    @Test
    void names_as_researchers_type_them_reconcile_with_certainty_when_one_candidate_is_clearly_ahead() throws Exception {
        JsonNode batch = reconcile("{\"a\": {\"query\": \"Molotoff\"}, \"b\": {\"query\": \"Stalin J.\"}, \"c\": {\"query\": \"Литвинов\"},"
                + " \"d\": {\"query\": \"Sowjetunion\"}, \"e\": {\"query\": \"Lenin, V. I.\"}}");
        Map<String, String> expected = Map.of("a", "molotov", "b", "stalin", "c", "litvinov", "d", "ussr", "e", "lenin");
        Map<String, String> how = Map.of("a", "match_fuzzy", "b", "match_name_form", "c", "match_alias", "d", "match_wikidata", "e", "match_name_form");
        for (String q : expected.keySet()) {
            assertEquals(expected.get(q), best(batch, q).get("id").asText(), q);
            assertTrue(best(batch, q).get("match").asBoolean(), q + ": " + best(batch, q));
            assertEquals(how.get(q), trueFeature(best(batch, q)), q);
        }
    }

    @Test
    void bad_requests_get_400_with_a_message() throws Exception {
        HttpResponse<String> notJson = get("/reconcile?queries=" + URLEncoder.encode("{q0:", StandardCharsets.UTF_8), null);
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("Parameter 'queries' is not JSON"), notJson.body());
        HttpResponse<String> badType = get("/reconcile?queries=" + URLEncoder.encode("{\"q0\": {\"query\": \"x\", \"type\": \"Unicorn\"}}",
                StandardCharsets.UTF_8), null);
        assertEquals(400, badType.statusCode());
        assertTrue(badType.body().contains("query 'q0': 'type' Unicorn is not a type of this service; expected one of"), badType.body());
        assertEquals(400, get("/reconcile/suggest/entity", null).statusCode());
        assertEquals(404, get("/reconcile/nothing-here", null).statusCode());
    }

    @Test
    void the_reconcile_command_writes_a_reconciled_copy_beside_the_csv_and_replaces_it_only_when_asked(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("people.csv");
        String input = "name,note\r\nLitvoniv,the essay's spelling\r\n\"Göring\",\"with, a comma\"\r\nNapoleon Bonaparte,not in the essay\r\n";
        Files.writeString(csv, input, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("reconcile", csv.toString(), "--column", "name"), err.toString());
        Path copy = tmp.resolve("people.reconciled.csv");
        assertTrue(out.toString().contains("Reconciled 3 rows of " + csv + " (column 'name'): 2 certain matches; wrote " + copy), out.toString());
        assertEquals(input, Files.readString(csv, StandardCharsets.UTF_8), "the input is never replaced unless asked");
        List<String> expected = List.of("name,note,kg_iri,kg_qid,kg_score,kg_match_type,kg_match",
                "Litvoniv,the essay's spelling,https://w3id.org/soviet-policy-kg/id/litvinov,,90,essay variant,true",
                "Göring,\"with, a comma\",https://w3id.org/soviet-policy-kg/id/goering,Q47906,85,partial,true",
                "Napoleon Bonaparte,not in the essay,,,,,false");
        assertEquals(expected, Files.readAllLines(copy, StandardCharsets.UTF_8));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("people.csv", "people.reconciled.csv"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }

        // --output names the copy; the input itself only with --in-place
        assertEquals(1, cl.execute("reconcile", csv.toString(), "--column", "name", "--output", csv.toString()));
        assertTrue(err.toString().contains("is the input file itself; to replace it, say --in-place"), err.toString());
        assertEquals(1, cl.execute("reconcile", csv.toString(), "--column", "name", "--output", copy.toString(), "--in-place"));
        assertEquals(input, Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(0, cl.execute("reconcile", csv.toString(), "--column", "name", "--in-place"), err.toString());
        assertEquals(expected, Files.readAllLines(csv, StandardCharsets.UTF_8));

        assertEquals(2, cl.execute("reconcile", csv.toString()), "--column is required");
        assertEquals(1, cl.execute("reconcile", copy.toString(), "--column", "nom"));
        assertTrue(err.toString().contains(copy + ":1: no column 'nom'; expected one of name, note"), err.toString());
    }
}
