package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    void the_five_year_plans_enabled_the_overtaking_of_german_production_not_the_war_says_the_essays_author() {
        List<Map<String, String>> rows = Sparql.select(kg, """
                SELECT ?who ?exact ?reading WHERE {
                  ?l spo:domesticSide spd:five-year-plans ; spo:foreignSide ?f ; spo:relation spc:enables ;
                     spo:assertedIn/spo:claimedBy ?who ; spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?exact .
                  spd:five-year-plans rdfs:label ?d . ?f rdfs:label ?fl . spc:enables skos:prefLabel ?r .
                  BIND(CONCAT(STR(?d), " ", STR(?r), " ", STR(?fl)) AS ?reading)
                }""");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("Five Year Plans enables Overtaking German production", rows.get(0).get("reading"));
        assertEquals("https://w3id.org/soviet-policy-kg/id/essay-author", rows.get(0).get("who"));
        assertTrue(rows.get(0).get("exact").contains("overtake German military production"), rows.get(0).get("exact"));
        assertEquals(1, Sparql.count(kg, "spd:five-year-plans spo:enables spd:overtaking-german-production"));
        // no link of the essay says that a domestic policy enabled the war itself
        assertEquals(0, Sparql.count(kg, "?l spo:foreignSide spd:great-patriotic-war"));
        assertEquals(0, Sparql.count(kg, "?x spo:enables spd:great-patriotic-war"));
    }

    @Test
    void the_sacrifices_enabled_survival_of_the_four_years_and_their_home_side_is_the_curators_identification() {
        List<Map<String, String>> l = Sparql.select(kg, """
                SELECT ?foreign ?who ?side ?sideByCurators WHERE {
                  <https://w3id.org/soviet-policy-kg/link/domestic-sacrifices-enable-survival> spo:foreignSide ?foreign ;
                      spo:assertedIn/spo:claimedBy ?who ; spo:interpretedIn ?side .
                  ?side spo:isInterpretation ?sideByCurators }""");
        assertEquals(List.of(Map.of("foreign", "https://w3id.org/soviet-policy-kg/id/wartime-survival",
                "who", "https://w3id.org/soviet-policy-kg/id/essay-author",
                "side", "https://w3id.org/soviet-policy-kg/claim/curators-home-policies-are-sioc", "sideByCurators", "true")), l);
        assertEquals(1, Sparql.count(kg, "spd:socialism-in-one-country spo:enables spd:wartime-survival"));
        assertEquals(1, Sparql.count(kg, "<https://w3id.org/soviet-policy-kg/statement/sioc-enabled-wartime-survival> spo:interpretedIn claim:curators-home-policies-are-sioc"));
        assertEquals(List.of("the policies implemented both home and abroad"), Sparql.column(kg,
                "SELECT ?q WHERE { claim:curators-home-policies-are-sioc spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?q }", "q"));
    }

    @Test
    void the_search_for_alliance_came_to_nothing_ended_by_the_pact_with_its_adversary_on_the_curators_reading() {
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/concept/came-to-nothing"),
                Sparql.column(kg, "SELECT ?o WHERE { spd:search-for-alliance spo:outcome ?o }", "o"));
        assertEquals(1, Sparql.count(kg, "spd:search-for-alliance spo:adversary spd:nazi-germany ; spo:endedBy spd:non-aggression-pact"));
        // the outcome and the end both rest on the curators' identification of the "long and tortuous process"
        assertEquals(1, Sparql.count(kg, "spd:search-for-alliance spo:interpretedIn claim:curators-search-ended-in-pact . "
                + "claim:curators-search-ended-in-pact spo:isInterpretation true"));
        assertEquals(0, Sparql.count(kg, "?x spo:outcome spc:concluded"));
    }

    @Test
    void social_fascism_has_the_third_period_as_its_reference_span_from_the_sixth_congress_to_the_seventh() {
        List<Map<String, String>> ref = Sparql.select(kg, """
                SELECT ?from ?to ?cite WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                  spd:social-fascism spo:referenceTimeSpan ?t . ?t spo:notBefore ?from ; spo:notAfter ?to ; dcterms:bibliographicCitation ?cite } }""");
        assertEquals(1, ref.size(), ref.toString());
        assertEquals("1928-07-01", ref.get(0).get("from"));
        assertEquals("1935-08-31", ref.get(0).get("to"));
        assertTrue(ref.get(0).get("cite").startsWith("Kevin McDermott and Jeremy Agnew, The Comintern"), ref.get(0).get("cite"));
        // the essay's own "the 1920s" stays as the essay gives it
        assertEquals(List.of("the 1920s"), Sparql.column(kg, "SELECT ?p WHERE { spd:social-fascism spo:timeSpan/spo:essayPhrase ?p }", "p"));
    }

    @Test
    void every_claim_of_the_curators_and_only_theirs_rests_on_the_curators_inference() {
        List<String> curators = Sparql.column(kg, "SELECT ?c WHERE { ?c spo:claimedBy spd:curators } ORDER BY ?c", "c");
        assertEquals(15, curators.size(), curators.toString());
        assertEquals(curators, Sparql.column(kg, "SELECT ?c WHERE { ?c spo:evidence spc:curators-inference } ORDER BY ?c", "c"));
        assertEquals(0, Sparql.count(kg, "?c spo:claimedBy spd:curators ; spo:evidence spc:authors-inference"));
        assertEquals(List.of("curators' inference"), Sparql.column(kg, "SELECT ?l WHERE { spc:curators-inference skos:prefLabel ?l }", "l"));
    }

    @Test
    void the_litvinov_reading_gives_no_causal_role_to_his_being_jewish_and_is_marked_contested_with_its_works() {
        String summary = Sparql.column(kg, "SELECT ?s WHERE { claim:curators-litvinov-removal-enabled-pact spo:summary ?s }", "s").get(0);
        assertFalse(summary.contains("Jewish"), summary);
        assertTrue(summary.contains("ally the Soviet Union with the West"), summary);
        List<String> works = Sparql.column(kg, """
                SELECT ?w WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                  ?n a spo:CuratorsNote ; spo:noteOn claim:curators-litvinov-removal-enabled-pact ; dcterms:creator spd:curators ;
                     dcterms:bibliographicCitation ?w } } ORDER BY ?w""", "w");
        assertEquals(2, works.size(), works.toString());
        assertTrue(works.get(0).startsWith("Albert Resis, 'The Fall of Litvinov: Harbinger of the German-Soviet Non-Aggression Pact'")
                && works.get(0).contains("(2000)"), works.get(0));
        assertTrue(works.get(1).startsWith("Geoffrey Roberts, 'The Fall of Litvinov: A Revisionist View'") && works.get(1).contains("(1992)"), works.get(1));
        // a fact from elsewhere: never in the essay's graph
        assertEquals(0, Sparql.count(kg, "GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> { ?note a spo:CuratorsNote }"));
    }

    @Test
    void the_wooing_of_the_west_is_inconsistent_with_domestic_policy_once_in_the_authors_words_not_twice() {
        assertEquals(0, Sparql.count(kg, "<https://w3id.org/soviet-policy-kg/link/consolidation-inconsistent-with-diplomacy> ?p ?o"));
        assertEquals(0, Sparql.count(kg, "claim:curators-control-at-home-not-in-diplomacy ?p ?o"));
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/essay-author"), Sparql.column(kg, """
                SELECT ?who WHERE { ?l spo:foreignSide spd:wooing-the-west ; spo:relation spc:inconsistent-with ;
                  spo:assertedIn/spo:claimedBy ?who }""", "who"));
        // the tensions the essay (or the curators) see between home and abroad: one per link
        assertEquals(2, Sparql.count(kg, "?l a spo:DomesticForeignLink ; spo:relation/skos:broader spc:tension"));
    }

    @Test
    void a_partner_is_never_a_target_the_pact_seeks_agreement_with_nazi_germany_not_its_defeat() {
        assertEquals(0, Sparql.count(kg, "spd:non-aggression-pact spo:target ?x"));
        assertEquals(0, Sparql.count(kg, "?e spo:partner ?p ; spo:target ?p"));
        for (String e : List.of("non-aggression-pact", "tripartite-agreement", "treaty-of-rapallo", "soviet-german-trade-talks"))
            assertEquals(0, Sparql.count(kg, "spd:" + e + " spo:target ?x"), e);
        // the adversary is still a target: what the search for alliance was directed against
        assertEquals(1, Sparql.count(kg, "spd:search-for-alliance spo:target spd:nazi-germany"));
    }

    @Test
    void weimar_germany_is_linked_the_red_army_purge_closely_and_the_great_patriotic_war_no_longer_exactly() {
        assertEquals(1, Sparql.count(kg, "spd:weimar-germany spo:wikidata <http://www.wikidata.org/entity/Q41304>"));
        assertEquals(1, Sparql.count(kg, "spd:red-army-purge spo:wikidataCloseMatch <http://www.wikidata.org/entity/Q2631954>"));
        assertEquals(0, Sparql.count(kg, "spd:red-army-purge spo:wikidata ?q"));
        assertEquals(0, Sparql.count(kg, "spd:great-patriotic-war spo:wikidata ?q"));
        assertEquals(List.of("http://www.wikidata.org/entity/Q189266", "http://www.wikidata.org/entity/Q19896779"),
                Sparql.column(kg, "SELECT ?q WHERE { spd:great-patriotic-war spo:wikidataCloseMatch ?q } ORDER BY ?q", "q"));
    }

    @Test
    void roles_are_no_wider_than_the_essays_words() {
        // Stalin authorised the escalation of the Great Purge (a statement); he is no participant of it
        assertEquals(0, Sparql.count(kg, "spd:great-purge spo:participant ?x"));
        assertEquals(1, Sparql.count(kg, "spd:stalin spo:authorised spd:great-purge"));
        // he signed the warrants of the officers: he decided them, he did not carry them out
        assertEquals(1, Sparql.count(kg, "spd:red-army-purge spo:adoptedBy spd:stalin"));
        assertEquals(0, Sparql.count(kg, "spd:red-army-purge spo:carriedOutBy ?x"));
        // Stalin and Göring never met over the trade talks: the parties are the two states
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/nazi-germany", "https://w3id.org/soviet-policy-kg/id/ussr"),
                Sparql.column(kg, "SELECT ?p WHERE { spd:soviet-german-trade-talks spo:participant ?p } ORDER BY ?p", "p"));
        // the essay does not say whose propaganda it was
        assertEquals(0, Sparql.count(kg, "spd:propaganda-in-spain spo:adoptedBy ?x"));
        // Litvinov pursued the UK-France-USSR agreement (the essay's word); the talks of 1939 were Molotov's
        assertEquals(0, Sparql.count(kg, "spd:tripartite-agreement spo:carriedOutBy ?x"));
        assertEquals(1, Sparql.count(kg, "spd:litvinov spo:pursued spd:tripartite-agreement"));
    }

    @Test
    void each_claims_span_runs_as_far_as_the_claim() {
        Map<String, String> exact = new HashMap<>();
        for (Map<String, String> r : Sparql.select(kg, """
                SELECT ?c ?q WHERE { VALUES ?c { claim:preston-self-serving claim:kudryashov-machiavellian claim:author-litvinov-sympathies
                  claim:author-revolution-from-above } ?c spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?q }"""))
            exact.put(r.get("c").substring(r.get("c").lastIndexOf('/') + 1), r.get("q"));
        assertTrue(exact.get("preston-self-serving").endsWith("than a quick decisive victory over the far right"), exact.toString());
        assertTrue(exact.get("kudryashov-machiavellian").endsWith("far more Machiavellian in terms of strategy and aims"), exact.toString());
        assertTrue(exact.get("author-litvinov-sympathies").startsWith("Litvinov’s sympathies can best be seen"), exact.toString());
        assertTrue(exact.get("author-revolution-from-above").startsWith("Stalin’s Revolution from Above")
                && exact.get("author-revolution-from-above").endsWith("later became known as the Stalinist system"), exact.toString());
        assertEquals(1, Sparql.count(kg, "claim:kudryashov-machiavellian spo:about spd:machiavellianism"));
    }

    @Test
    void reference_dates_a_historian_expects_each_with_its_source() {
        List<Map<String, String>> rows = Sparql.select(kg, """
                SELECT ?e ?from ?to WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                  ?x spo:referenceTimeSpan ?t . ?t dcterms:bibliographicCitation ?cite .
                  OPTIONAL { ?t spo:notBefore ?from } OPTIONAL { ?t spo:notAfter ?to } }
                  BIND(STRAFTER(STR(?x), "/id/") AS ?e) } ORDER BY ?e""");
        assertEquals(30, rows.size(), "21 before issue 21, then social fascism and eight more");
        Map<String, String> span = new TreeMap<>();
        rows.forEach(r -> span.put(r.get("e"), r.get("from") + ".." + r.get("to")));
        assertEquals("1937-01-01..1938-12-31", span.get("red-army-purge"));
        assertEquals("1936-01-01..1938-12-31", span.get("soviet-intervention-spain"));
        assertEquals("1936-01-01..1938-12-31", span.get("international-brigades"));
        assertEquals("1939-04-01..1939-08-31", span.get("tripartite-agreement"));
        assertEquals("1933-12-01..1939-08-31", span.get("collective-security"));
        assertEquals("null..1939-03-31", span.get("appeasement"));
        assertEquals("1935-01-01..1937-12-31", span.get("soviet-german-trade-talks"));
        assertEquals("1933-12-01..null", span.get("wooing-the-west"));
        // the Great Break is a policy of 1928-1929, not the day of Stalin's article, which keeps its date in the label
        assertEquals("1928-01-01..1929-12-31", span.get("great-break"));
        assertTrue(Sparql.column(kg, "SELECT ?l WHERE { spd:great-break spo:referenceTimeSpan/rdfs:label ?l }", "l").get(0).contains("7 November 1929"));
        // one precision for one phrase: "the 1930s" is a decade wherever the essay says it
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/concept/decade"), Sparql.column(kg,
                "SELECT DISTINCT ?p WHERE { ?e spo:timeSpan ?t . ?t spo:essayPhrase \"the 1930s\" ; spo:precision ?p }", "p"));
    }

    @Test
    void caveats_from_elsewhere_are_curators_notes_with_their_sources() {
        Map<String, String> on = new TreeMap<>();
        for (Map<String, String> r : Sparql.select(kg, """
                SELECT ?on ?cite WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                  ?n a spo:CuratorsNote ; spo:noteOn ?on ; dcterms:bibliographicCitation ?cite } }"""))
            on.merge(r.get("on").substring(r.get("on").lastIndexOf('/') + 1), r.get("cite"), (a, b) -> a + " | " + b);
        assertTrue(on.get("hundred-years-gap").contains("4 February 1931"), on.toString());
        assertTrue(on.get("comintern-promoted-permanent-revolution").contains("The October Revolution and the Tactics of the Russian Communists"), on.toString());
        // the Reassessment of 1990 is not a work of Conquest's claim: a note, not spo:inWork
        assertEquals(1, Sparql.count(kg, "?note spo:noteOn claim:conquest-validated ; dcterms:bibliographicCitation ?c FILTER CONTAINS(?c, \"A Reassessment\")"));
        assertEquals(0, Sparql.count(kg, "claim:conquest-validated spo:inWork ?w"));
    }

    @Test
    void the_soviet_party_at_rapallo_is_soviet_russia_closely_linked() {
        assertEquals(1, Sparql.count(kg, "spd:soviet-russia spo:wikidataCloseMatch <http://www.wikidata.org/entity/Q2305208> ; spo:implicit true"));
        assertEquals(0, Sparql.count(kg, "spd:treaty-of-rapallo spo:participant spd:ussr"));
    }

    @Test
    void readings_of_the_curators_or_of_elsewhere_are_not_recorded_as_the_essays_fact() {
        // "a perpetual crusade for worldwide revolt" read as permanent revolution: the curators' identification
        assertEquals(1, Sparql.count(kg, "<https://w3id.org/soviet-policy-kg/statement/sioc-opposed-permanent-revolution> "
                + "spo:interpretedIn claim:curators-crusade-is-permanent-revolution . claim:curators-crusade-is-permanent-revolution spo:isInterpretation true"));
        // "a mission which inevitably framed the policy pursued overseas": shaped, not constrained; and argued, not asked
        assertEquals(1, Sparql.count(kg, "spd:socialism-in-one-country spo:shapes spd:soviet-intervention-spain"));
        assertEquals(0, Sparql.count(kg, "spd:socialism-in-one-country spo:constrains spd:soviet-intervention-spain"));
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/concept/argues"),
                Sparql.column(kg, "SELECT ?s WHERE { claim:author-mission-framed spo:stance ?s }", "s"));
        assertEquals(1, Sparql.count(kg, "spc:shapes skos:broader spc:consistency ; spo:shortcut spo:shapes"));
        // the Soviet advisors are no combatants of the May Days; the protagonists the essay leaves out are a note
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/trotskyite-left"),
                Sparql.column(kg, "SELECT ?p WHERE { spd:barcelona-may-days spo:participant ?p }", "p"));
        assertEquals(1, Sparql.count(kg, "?note spo:noteOn spd:barcelona-may-days ; spo:noteOn ?x ; skos:note ?t FILTER (CONTAINS(?t, \"CNT-FAI\") && CONTAINS(?t, \"POUM\"))"));
    }

    @Test
    void the_thesis_answers_the_two_questions_of_paragraph_one_and_rests_on_the_victory_not_the_war() {
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/claim/author-question-inconsistency",
                "https://w3id.org/soviet-policy-kg/claim/author-question-survival"),
                Sparql.column(kg, "SELECT ?q WHERE { claim:author-thesis spo:answers ?q } ORDER BY ?q", "q"));
        assertEquals(1, Sparql.count(kg, "claim:author-thesis spo:about spd:soviet-victory . spd:soviet-victory a spo:Outcome"));
        assertEquals(0, Sparql.count(kg, "claim:author-thesis spo:about spd:great-patriotic-war"));
        assertEquals(List.of("the eventual victory of the Great Patriotic War"), Sparql.column(kg,
                "SELECT ?q WHERE { spd:soviet-victory spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?q }", "q"));
    }

    @Test
    void what_the_dismissal_of_1939_ended_was_litvinovs_tenure_as_commissar_not_his_diplomatic_career() {
        assertEquals(List.of("People's Commissar for Foreign Affairs"), Sparql.column(kg,
                "SELECT ?o WHERE { spd:litvinov-diplomatic-career spo:office/rdfs:label ?o }", "o"));
        assertEquals(1, Sparql.count(kg, "spd:litvinov-diplomatic-career spo:endedBy spd:litvinov-dismissal"));
        assertEquals(1, Sparql.count(kg, "spd:foreign-affairs-commissar a spo:Office ; spo:implicit true"));
        // a career diplomat is what Litvinov was, not an office
        assertEquals(0, Sparql.count(kg, "spd:soviet-diplomat a spo:Office"));
        assertEquals(1, Sparql.count(kg, "spd:litvinov spo:memberOf spd:soviet-diplomat"));
        // the reference dates of the tenure: 1930-1939
        assertEquals(1, Sparql.count(kg, "spd:litvinov-diplomatic-career spo:referenceTimeSpan [ spo:notBefore \"1930-01-01\"^^xsd:date ; spo:notAfter \"1939-12-31\"^^xsd:date ]"));
    }

    @Test
    void the_republicans_are_the_republic_exactly_and_the_republican_faction_closely() {
        assertEquals(1, Sparql.count(kg, "spd:spanish-republic spo:wikidata <http://www.wikidata.org/entity/Q178038>"));
        assertEquals(1, Sparql.count(kg, "spd:spanish-republic spo:wikidataCloseMatch <http://www.wikidata.org/entity/Q3456351>"));
    }

    @Test
    void the_essays_hedges_are_kept_as_the_modality_of_its_statements_and_links() {
        // every record has one; the shortcut triples drop it, the records keep it
        assertEquals(0, Sparql.count(kg, "{ ?x a spo:Statement } UNION { ?x a spo:DomesticForeignLink } FILTER NOT EXISTS { ?x spo:modality ?m }"));
        Map<String, String> m = new TreeMap<>();
        for (Map<String, String> r : Sparql.select(kg, "SELECT ?x ?l WHERE { ?x spo:modality/skos:prefLabel ?l }"))
            m.put(r.get("x").substring(r.get("x").lastIndexOf('/') + 1), r.get("l"));
        assertEquals("hedged", m.get("anti-west-inconsistent-with-wooing"), "'seems to  be inconsistent'");
        assertEquals("hedged", m.get("domestic-sacrifices-enable-survival"), "'could be argued to have been worthwhile'");
        assertEquals("hedged", m.get("sioc-enabled-wartime-survival"), "'could be argued to have been worthwhile'");
        assertEquals("asserted", m.get("molotov-replaced-litvinov"));
        assertEquals("asserted", m.get("stalin-employed-litvinov"), "the employment is stated, what it suggests is the hedge");
        assertEquals("asserted", m.get("five-year-plans-enable-war-production"));
        // the curators' readings are put tentatively (their stance: suggests)
        assertEquals("hedged", m.get("litvinov-removal-enables-pact"));
        // a filter: the hedged links
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/link/anti-west-inconsistent-with-wooing",
                "https://w3id.org/soviet-policy-kg/link/domestic-sacrifices-enable-survival",
                "https://w3id.org/soviet-policy-kg/link/five-year-plans-consistent-with-collective-security",
                "https://w3id.org/soviet-policy-kg/link/litvinov-removal-enables-pact"),
                Sparql.column(kg, "SELECT ?l WHERE { ?l a spo:DomesticForeignLink ; spo:modality spc:hedged } ORDER BY ?l", "l"));
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
        // the Soviet party of 1922 was Soviet Russia (the RSFSR), not the USSR founded that December (issue 21)
        assertEquals(List.of("https://w3id.org/soviet-policy-kg/id/soviet-russia", "https://w3id.org/soviet-policy-kg/id/weimar-germany"),
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
