package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.KgServer;
import org.sovietpolicykg.server.Servers;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Adding a source is adding a folder: the real project plus {@code src/test/resources/SecondSourceTest/second/} (a
 * two-paragraph note written for the tests, which names Litvinov and the Narkomindel) builds one graph of both texts,
 * with entities shared and claims and anchors in their own text, and leaves what is about the essay as it was.
 */
class SecondSourceTest {
    @TempDir
    static Path tmp;
    static KnowledgeGraph kg;
    static DatasetGraph q;

    @BeforeAll
    static void build() {
        Path project = TestProjects.withSecondSource(tmp);
        kg = GraphBuilder.create().projectDir(project).build();
        q = Datasets.unionView(kg.dataset());
    }

    @Test
    void the_graph_holds_both_texts_with_their_paragraphs_and_sentences() {
        assertEquals(List.of("essay", "second"), kg.texts().stream().map(KnowledgeGraph.Text::name).toList());
        assertEquals(2, Sparql.count(q, "?t a spo:Essay"));
        assertEquals(2, Sparql.count(q, "?p dcterms:isPartOf <https://w3id.org/soviet-policy-kg/text/second> ; a spo:Paragraph"));
        assertEquals(4, Sparql.count(q, "?s dcterms:isPartOf/dcterms:isPartOf <https://w3id.org/soviet-policy-kg/text/second> ; a spo:Sentence"));
        assertEquals(1, Sparql.count(q, "<https://w3id.org/soviet-policy-kg/text/second> dcterms:creator spd:note-author"));
        assertEquals(1, Sparql.count(q, "<https://w3id.org/soviet-policy-kg/text/essay> dcterms:creator spd:essay-author"));
    }

    @Test
    void litvinov_is_one_entity_mentioned_in_both_texts_and_the_new_entity_in_its_own() {
        List<String> texts = Sparql.column(q, Sparql.PREFIXES + """
                SELECT DISTINCT ?text WHERE {
                  ?m a spo:Mention ; oa:hasBody spd:litvinov ; oa:hasTarget/oa:hasSource/dcterms:isPartOf* ?text .
                  ?text a spo:Essay }
                ORDER BY ?text""", "text");
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/text/essay", "https://w3id.org/soviet-policy-kg/text/second"), texts);
        // the note names Litvinov twice, as "Litvinov"; the mentions of the note name their source in their IRI
        assertEquals(2, Sparql.count(q, "?m a spo:Mention ; oa:hasBody spd:litvinov ; spo:surfaceForm \"Litvinov\""
                + " FILTER(STRSTARTS(STR(?m), \"https://w3id.org/soviet-policy-kg/anno/mention/second/\"))"));
        assertEquals(2, Sparql.count(q, "?m a spo:Mention ; oa:hasBody spd:narkomindel"));
        assertEquals(1, Sparql.count(q, "spd:litvinov a spo:Person"), "one Litvinov, not one per text");
    }

    @Test
    void claims_and_anchors_belong_to_their_own_text() {
        assertEquals(1, Sparql.count(q, "claim:note-dismissal-cost spo:hasAnchor/oa:hasTarget ?t . ?t oa:hasSource "
                + "<https://w3id.org/soviet-policy-kg/text/second/p2/s1> ; oa:hasSelector/oa:exact "
                + "\"When he was dismissed, the Narkomindel lost its most patient voice\""));
        assertEquals(1, Sparql.count(q, "claim:note-dismissal-cost spo:claimedBy spd:note-author ; spo:about spd:litvinov-dismissal"));
    }

    @Test
    void the_essays_coverage_and_counts_are_unchanged() {
        Map<String, Coverage> coverage = Coverage.of(kg);
        assertEquals(Set.of("essay", "second"), coverage.keySet());
        assertEquals(Coverage.of(TestGraphs.real()).get("essay"), coverage.get("essay"));
        assertEquals(4, coverage.get("second").sentences());
        assertEquals(2, coverage.get("second").sentencesWithoutStatement().size(), "the note's claims cover 2 of its 4 sentences");
        assertEquals(TestGraphs.real().text("essay").anchored(), kg.text("essay").anchored());
        assertEquals(TestGraphs.real().text("essay").mentions(), kg.text("essay").mentions());
    }

    @Test
    void canned_queries_about_the_essay_stay_about_the_essay() {
        QueryCatalog catalog = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);
        QueryRunner one = new QueryRunner(TestGraphs.queryable(), 10_000);
        QueryRunner two = new QueryRunner(q, 10_000);
        for (String name : List.of("sentences-and-anchors", "essay-author-claims", "claims-by-historian", "timeline",
                "domestic-foreign-links", "variant-spellings", "passage-of-claim", "claims-in-dispute", "historians-and-works")) {
            CannedQuery cq = catalog.get(name);
            var bound = QueryBinder.bind(cq, cq.example(), BaseIri.DEFAULT);
            assertEquals(one.table(bound), two.table(bound), name + " answers as it does without the second source");
        }
        var second = QueryBinder.bind(catalog.get("sentences-and-anchors"), Map.of("text", "https://w3id.org/soviet-policy-kg/text/second"), BaseIri.DEFAULT);
        assertEquals(4, two.table(second).rows().size(), "the note's own sentences, when asked for");
    }

    @Test
    void litvinovs_page_shows_passages_from_both_texts() throws IOException, InterruptedException {
        KgServer server = Servers.standard(q, KgConfig.defaults().withPort(0).withProjectDir(Path.of("."))).start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/id/litvinov")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("“Litvoniv”"), "the essay's own spelling, in the essay");
            assertTrue(r.body().contains("/text/second/p1/s1"), "a passage of the note, linked to its sentence");
            assertTrue(r.body().contains("/text/essay/p4/s1"), "a passage of the essay, linked to its sentence");
            assertTrue(r.body().contains("href=\"/read/second#p1-s1\""), "read where the note says it");
            // each text has its reading view; the essay's is unchanged by the note
            HttpResponse<String> note = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/read/second")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, note.statusCode());
            assertTrue(note.body().contains("data-anno=\"/anno/mention/second/litvinov-at-"), "the note's mention of Litvinov, highlighted");
            HttpResponse<String> essay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/essay")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(385, essay.body().split("data-anno=", -1).length - 1, "the essay's 385 anchors, none of the note's");
        } finally {
            server.stop();
        }
    }
}
