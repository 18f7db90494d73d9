package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Full-text search, on the real server: {@code /search} as JSON and as a page, and {@code text:query} on the endpoint.
 * What a reader of the essay can check: "Rapallo" finds the Treaty of Rapallo and the sentence of paragraph 4 that
 * spells it "Rapello" (through the treaty's mention); "archives" finds the claims resting on Conquest's and Overy's
 * reading of the archives; words are stemmed, phrases exact; every snippet is the essay's own text; bad searches are
 * 400s that say what to write; the page escapes what it is given.
 */
class SearchTest extends AbstractLiveServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode search(String q) throws Exception {
        HttpResponse<String> r = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> iris(JsonNode result, String kind) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> {
            if (h.path("kind").asText().equals(kind))
                out.add(h.path("iri").asText().replace("https://w3id.org/soviet-policy-kg/", ""));
        });
        return out;
    }

    @Test
    void rapallo_finds_the_treaty_and_the_sentence_that_spells_it_rapello_through_its_mention() throws Exception {
        JsonNode r = search("Rapallo");
        assertTrue(iris(r, "entity").contains("id/treaty-of-rapallo"), r.toString());
        JsonNode sentence = null;
        for (JsonNode h : r.path("hits"))
            if (h.path("iri").asText().endsWith("/text/essay/p4/s8"))
                sentence = h;
        assertTrue(sentence != null, "the sentence of paragraph 4 that names the treaty: " + r);
        assertEquals("Rapello", sentence.path("via").asText(), "found through the mention, as the essay spells it");
        assertEquals("Treaty of Rapallo", sentence.path("viaEntity").asText());
        assertTrue(sentence.path("snippet").asText().contains("the days of <mark>Rapello</mark>"), sentence.toString());
        // the page says so, and links the sentence to its place in the reading view
        String page = get("/search?q=Rapallo", "text/html").body();
        assertTrue(page.contains("which the text spells “Rapello”"), page);
        assertTrue(page.contains("href=\"/essay#p4-s8\""), page);
        assertTrue(page.contains("<input type=\"search\" name=\"q\" value=\"Rapallo\""), "the query kept in the box");
    }

    @Test
    void archives_finds_the_claims_of_conquest_and_overy() throws Exception {
        List<String> claims = iris(search("archives"), "claim");
        assertTrue(claims.stream().anyMatch(c -> c.contains("conquest")), claims.toString());
        assertTrue(claims.stream().anyMatch(c -> c.contains("overy")), claims.toString());
    }

    @Test
    void words_are_stemmed_and_phrases_exact() throws Exception {
        // "purged" finds the Great Purge of sentence 3.3, and "purges" the same
        assertTrue(iris(search("purged"), "sentence").contains("text/essay/p3/s3"));
        assertTrue(iris(search("purges"), "sentence").contains("text/essay/p3/s3"));
        assertTrue(iris(search("\"Great Purge\""), "sentence").contains("text/essay/p3/s3"));
        assertFalse(iris(search("\"Purge Great\""), "sentence").contains("text/essay/p3/s3"), "a phrase is in its order");
        assertTrue(iris(search("Litvin*"), "entity").contains("id/litvinov"), "a prefix");
    }

    @Test
    void every_sentence_snippet_is_the_essays_own_text_with_marks_around_words() throws Exception {
        String essay = Files.readString(Path.of("data/sources/essay/essay.txt"), StandardCharsets.UTF_8);
        int sentences = 0;
        for (String q : List.of("Stalin", "purge", "\"collective security\"", "Rapallo", "Spain AND Soviet")) {
            for (JsonNode h : search(q).path("hits")) {
                if (!h.path("kind").asText().equals("sentence"))
                    continue;
                sentences++;
                String text = h.path("text").asText();
                assertTrue(essay.contains(text), q + ": the snippet is not the essay's text: " + text);
                String unmarked = h.path("snippet").asText().replace("<mark>", "").replace("</mark>", "").replace("&#39;", "'")
                        .replace("&quot;", "\"").replace("&amp;", "&");
                assertEquals(text, unmarked, q);
                assertTrue(h.path("snippet").asText().contains("<mark>"), q + ": the words are marked: " + h);
            }
        }
        assertTrue(sentences > 10, "sentence hits checked: " + sentences);
    }

    @Test
    void pages_of_twenty_with_the_total_and_the_next_page() throws Exception {
        JsonNode first = search("Stalin");
        int total = first.path("total").asInt();
        assertTrue(total > 20, first.toString());
        assertEquals(20, first.path("hits").size());
        assertTrue(first.path("next").asText().endsWith("/search?q=Stalin&page=2"), first.toString());
        JsonNode second = JSON.readTree(get("/search?q=Stalin&page=2", "application/json").body());
        assertEquals(Math.min(20, total - 20), second.path("hits").size());
        assertFalse(second.path("hits").get(0).equals(first.path("hits").get(0)));
    }

    @Test
    void bad_searches_are_400s_that_say_what_to_write() throws Exception {
        for (String q : List.of("\"unclosed", "AND", "x".repeat(201), "the of")) {
            HttpResponse<String> r = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "application/json");
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.body().contains("expected") || r.body().contains("at most"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        // on the endpoint too: a 400, not a 500
        String sparql = "PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query '\"unclosed' }";
        HttpResponse<String> r = get("/kg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        String markers = "PREFIX text: <http://jena.apache.org/text#> SELECT * { (?s ?sc ?l) text:query ('Stalin' 'highlight:s:[[ | e:]]') }";
        r = get("/kg/sparql?query=" + URLEncoder.encode(markers, StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("highlight markers"), r.body());
    }

    @Test
    void the_page_escapes_a_search_with_markup_and_works_without_script() throws Exception {
        String page = get("/search?q=" + URLEncoder.encode("<script>alert(1)</script> Stalin", StandardCharsets.UTF_8), "text/html").body();
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Stalin"), "the query kept, escaped");
        assertFalse(page.contains("<script"), "no script on the page");
        // every page has the search box
        for (String p : List.of("/", "/essay", "/id/litvinov"))
            assertTrue(get(p, "text/html").body().contains("<form class=\"search\" action=\"/search\" method=\"get\""), p);
        assertEquals(200, get("/search", "text/html").statusCode(), "the form alone");
    }

    @Test
    void text_query_on_the_endpoint_gives_the_score_the_text_and_the_property_that_matched() throws Exception {
        String sparql = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>"
                + " SELECT ?s ?score ?literal ?property WHERE { (?s ?score ?literal ?graph ?property) text:query (rdf:value rdfs:label spo:variantSpelling 'Rapallo') }"
                + " ORDER BY DESC(?score)";
        HttpResponse<String> r = get("/kg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode first = JSON.readTree(r.body()).path("results").path("bindings").get(0);
        assertEquals("https://w3id.org/soviet-policy-kg/id/treaty-of-rapallo", first.path("s").path("value").asText(), r.body());
        assertEquals("Treaty of Rapallo", first.path("literal").path("value").asText());
        assertEquals("http://www.w3.org/2000/01/rdf-schema#label", first.path("property").path("value").asText());
        assertTrue(first.path("score").path("value").asDouble() > 0);
    }
}
