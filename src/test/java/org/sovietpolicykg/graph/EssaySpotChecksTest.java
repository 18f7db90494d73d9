package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;

/** Questions a reader of the essay can check against it, asked of the graph. */
class EssaySpotChecksTest {
    final DatasetGraph kg = TestGraphs.queryable();

    @Test
    void the_historians_are_figes_preston_conquest_kudryashov_and_overy_each_with_their_claims() {
        List<Map<String, String>> rows = Sparql.select(kg, """
                SELECT ?name (COUNT(?c) AS ?claims) WHERE { ?h a spo:Historian ; rdfs:label ?name . OPTIONAL { ?c spo:claimedBy ?h } }
                GROUP BY ?name ORDER BY ?name""");
        assertEquals(List.of(Map.of("name", "Kudryashov", "claims", "1"), Map.of("name", "Orlando Figes", "claims", "1"),
                Map.of("name", "Paul Preston", "claims", "1"), Map.of("name", "Richard Overy", "claims", "1"),
                Map.of("name", "Robert Conquest", "claims", "2")), rows);
    }

    @Test
    void conquest_suspected_it_in_the_great_terror_of_1968_and_archival_documents_later_confirmed_it() {
        List<Map<String, String>> suspected = Sparql.select(kg, """
                SELECT ?title ?year ?stance WHERE {
                  claim:conquest-suspected spo:claimedBy spd:conquest ; spo:stance ?stance ; spo:inWork ?w .
                  ?w spo:title ?title ; spo:year ?year .
                }""");
        assertEquals(List.of(Map.of("title", "The Great Terror", "year", "1968",
                "stance", "https://w3id.org/soviet-policy-kg/concept/suggests")), suspected);
        List<String> evidence = Sparql.column(kg, "SELECT ?e WHERE { claim:conquest-validated spo:claimedBy spd:conquest ; spo:evidence ?e }", "e");
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/concept/archival-documents"), evidence);
    }

    @Test
    void molotov_replaced_litvinov_in_1939_as_the_essay_spells_him_litvoniv() {
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/molotov"),
                Sparql.column(kg, "SELECT ?who WHERE { ?who spo:replaced spd:litvinov }", "who"));
        assertEquals(List.of("Litvoniv"), Sparql.column(kg, "SELECT ?v WHERE { spd:litvinov spo:variantSpelling ?v }", "v"));
        assertEquals(List.of("Litvoniv"), Sparql.column(kg, """
                SELECT ?form WHERE { ?m a spo:Mention ; oa:hasBody spd:litvinov ; spo:isVariant true ; spo:surfaceForm ?form }""", "form"));
    }

    @Test
    void in_1937_the_great_purge_at_home_mirrors_the_reprisals_in_spain_abroad() {
        List<String> in1937 = Sparql.column(kg, """
                SELECT ?e WHERE { ?e spo:timeSpan/spo:notBefore ?from . FILTER(YEAR(?from) = 1937) } ORDER BY ?e""", "e");
        assertTrue(in1937.contains("https://w3id.org/soviet-policy-kg/id/great-purge"), in1937.toString());
        assertTrue(in1937.contains("https://w3id.org/soviet-policy-kg/id/red-army-purge"), in1937.toString());
        assertTrue(in1937.contains("https://w3id.org/soviet-policy-kg/id/barcelona-may-days"), in1937.toString());
        assertTrue(in1937.contains("https://w3id.org/soviet-policy-kg/id/soviet-german-trade-talks"), in1937.toString());
        assertEquals(1, Sparql.count(kg, "spd:great-purge spo:mirrors spd:reprisals-in-spain"));
    }

    @Test
    void the_five_year_plans_enabled_the_great_patriotic_war_says_the_essays_author() {
        List<Map<String, String>> rows = Sparql.select(kg, """
                SELECT ?who ?exact WHERE {
                  ?l spo:domesticSide spd:five-year-plans ; spo:foreignSide spd:great-patriotic-war ; spo:relation spc:enables ;
                     spo:assertedIn/spo:claimedBy ?who ; spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?exact .
                }""");
        assertEquals(1, rows.size());
        assertEquals("https://w3id.org/soviet-policy-kg/id/essay-author", rows.get(0).get("who"));
        assertTrue(rows.get(0).get("exact").contains("Great Patriotic War"), rows.get(0).get("exact"));
        assertEquals(1, Sparql.count(kg, "spd:five-year-plans spo:enables spd:great-patriotic-war"));
    }

    @Test
    void litvinov_was_a_diplomat_until_1939_and_then_ambassador_in_washington() {
        List<Map<String, String>> rows = Sparql.select(kg, """
                SELECT ?office ?from ?to WHERE {
                  ?t a spo:Tenure ; spo:holder spd:litvinov ; spo:office/rdfs:label ?office ; spo:timeSpan ?ts .
                  OPTIONAL { ?ts spo:notBefore ?from } OPTIONAL { ?ts spo:notAfter ?to }
                } ORDER BY ?office""");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> "1939-12-31".equals(r.get("to"))), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> "1939-01-01".equals(r.get("from")) && r.get("office").toLowerCase().contains("ambassador")), rows.toString());
    }

    @Test
    void reference_dates_live_in_the_enrichment_graph_with_their_source_not_in_the_essays_graph() {
        assertEquals(0, Sparql.count(kg, "GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> { ?e spo:referenceTimeSpan ?t }"));
        List<Map<String, String>> pact = Sparql.select(kg, """
                SELECT ?from ?cite WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                  spd:non-aggression-pact spo:referenceTimeSpan ?t . ?t spo:notBefore ?from ; dcterms:bibliographicCitation ?cite } }""");
        assertEquals(1, pact.size(), pact.toString());
        assertEquals("1939-08-23", pact.get(0).get("from"));
    }
}
