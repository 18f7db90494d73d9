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

    @Test
    void what_motivates_the_five_year_plans_is_the_attack_stalin_expected_not_the_invasion_of_1941() {
        List<Map<String, String>> l = Sparql.select(kg, """
                SELECT ?foreign ?agent ?quote WHERE {
                  <https://w3id.org/soviet-policy-kg/link/expected-attack-motivates-five-year-plans> spo:foreignSide ?foreign ;
                      spo:assertedIn/spo:claimedBy ?agent ; spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?quote }""");
        assertEquals(List.of(Map.of("foreign", "https://w3id.org/soviet-policy-kg/id/expected-western-attack",
                "agent", "https://w3id.org/soviet-policy-kg/id/essay-author",
                "quote", "could be overcome in time for their inevitable attack")), l);
        assertEquals(1, Sparql.count(kg, "spd:expected-western-attack a spo:Idea"));
        assertEquals(1, Sparql.count(kg, "spd:stalin spo:believedIn spd:expected-western-attack"));
        assertEquals(0, Sparql.count(kg, "spd:german-invasion spo:linkedTo ?x"));
    }

    @Test
    void the_sentence_on_military_security_names_neither_side_so_its_link_is_the_curators() {
        assertEquals("true", Sparql.select(kg, """
                SELECT ?i WHERE { <https://w3id.org/soviet-policy-kg/link/five-year-plans-consistent-with-collective-security>
                  spo:assertedIn/spo:isInterpretation ?i }""").get(0).get("i"));
    }

    @Test
    void the_thesis_is_marked_and_every_claim_of_the_essay_has_one_argument_role() {
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/claim/author-thesis"),
                Sparql.column(kg, "SELECT ?c WHERE { <https://w3id.org/soviet-policy-kg/text/essay> spo:thesis ?c }", "c"));
        assertEquals(0, Sparql.count(kg, "?c a spo:Claim FILTER NOT EXISTS { ?c spo:argumentRole ?r }"));
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/claim/author-inconsistent"),
                Sparql.column(kg, "SELECT ?c WHERE { ?c spo:disputes claim:author-thesis }", "c"));
        // the essay's question "tension or consistency?", asked of the link relations
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/concept/tension"),
                Sparql.column(kg, "SELECT ?g WHERE { spc:contradicts skos:broader ?g }", "g"));
    }

    @Test
    void the_reprisals_in_spain_were_carried_out_by_the_soviet_advisors_on_the_trotskyite_left() {
        assertEquals(1, Sparql.count(kg, "spd:reprisals-in-spain spo:carriedOutBy spd:soviet-advisors"));
        assertEquals(1, Sparql.count(kg, "spd:reprisals-in-spain spo:affectedParty spd:trotskyite-left"));
        assertEquals(0, Sparql.count(kg, "spd:reprisals-in-spain spo:participant ?x"));
    }

    @Test
    void the_uk_france_ussr_agreement_with_the_uk_and_france_came_to_nothing_ended_by_appeasement() {
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/france", "https://w3id.org/soviet-policy-kg/id/united-kingdom"),
                Sparql.column(kg, "SELECT ?p WHERE { spd:tripartite-agreement spo:partner ?p } ORDER BY ?p", "p"));
        assertEquals(1, Sparql.count(kg, "spd:tripartite-agreement spo:outcome spc:came-to-nothing ; spo:endedBy spd:appeasement"));
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/ussr", "https://w3id.org/soviet-policy-kg/id/weimar-germany"),
                Sparql.column(kg, "SELECT ?p WHERE { spd:treaty-of-rapallo spo:participant ?p } ORDER BY ?p", "p"));
    }

    @Test
    void molotov_replaced_litvinov_in_1939_is_a_statement_with_its_own_time() {
        List<Map<String, String>> t = Sparql.select(kg, """
                SELECT ?phrase ?from ?to WHERE { <https://w3id.org/soviet-policy-kg/statement/molotov-replaced-litvinov>
                  spo:timeSpan ?t . ?t spo:essayPhrase ?phrase ; spo:notBefore ?from ; spo:notAfter ?to }""");
        assertEquals(List.of(Map.of("phrase", "in 1939", "from", "1939-01-01", "to", "1939-12-31")), t);
        // only time phrases: the Civil War is dated by its name, not by "had in his eyes surfaced time and again"
        assertEquals(0, Sparql.count(kg, "?t spo:essayPhrase ?p FILTER CONTAINS(?p, \"surfaced\")"));
    }
}
