package org.sovietpolicykg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Issue 25: the relations that were only in prose (reasons, the doctrine a policy serves, on whose behalf, precedents
 * and adversaries, exemplification, episodes cited as evidence, relative times, variants, why a link or a date is
 * missing), each asked through the canned query that answers it, with the essay's reading as the expected value.
 */
class RelationsQueriesTest {
    static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);

    static List<Map<String, String>> run(String name, Map<String, String> params) {
        return Sparql.select(TestGraphs.queryable(), QueryBinder.bind(CATALOG.get(name), params, BaseIri.DEFAULT));
    }

    static List<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).toList();
    }

    static Map<String, String> row(List<Map<String, String>> rows, String var, String value) {
        return rows.stream().filter(r -> value.equals(r.get(var))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + var + " = " + value + " in " + rows));
    }

    @Test
    void the_reasons_for_collectivisation_are_stalins_distrust_control_the_gap_and_the_expected_attack_in_paragraph_2() {
        List<Map<String, String>> rows = run("reasons", Map.of("policy", "spd:collectivisation"));
        assertEquals(List.of("Collectivisation rooted in Stalin's distrust of the peasant",
                "Collectivisation in order to achieve political control",
                "Collectivisation in order to achieve industrial catch-up",
                "Collectivisation in anticipation of Attack from the West that Stalin expected"), column(rows, "reading"));
        for (Map<String, String> r : rows) {
            assertEquals("Joseph Stalin", r.get("heldByLabel"), "Stalin's reasons, as the essay says: " + r);
            assertEquals("Author of the essay", r.get("agentLabel"));
            assertEquals("false", r.get("isInterpretation"));
            assertEquals("asserted", r.get("modalityLabel"));
            assertEquals("2", r.get("paragraph"));
        }
        Map<String, String> distrust = row(rows, "kindKey", "rootedIn");
        assertEquals("lay in Stalin’s deep distrust", distrust.get("quote"));
        assertEquals("2", distrust.get("sentence"), "p2-s2: 'This targetting of the rural areas lay in Stalin’s deep distrust'");
        assertEquals("4", row(rows, "kindKey", "inAnticipationOf").get("sentence"), "p2-s4: 'in time for their inevitable attack'");
    }

    @Test
    void the_popular_fronts_goals_are_stalins_control_and_the_regimes_collective_security() {
        List<Map<String, String>> rows = run("reasons", Map.of("policy", "spd:popular-front"));
        assertEquals(List.of("political control", "Collective security"), column(rows, "reasonLabel"));
        assertEquals(List.of("Joseph Stalin", "Soviet Union"), column(rows, "heldByLabel"));
        assertEquals("to seek a future within the auspices of collective security", rows.get(1).get("quote"));
    }

    @Test
    void the_pact_was_for_the_defence_of_the_realm_the_ussrs_reason() {
        Map<String, String> r = run("reasons", Map.of("policy", "spd:non-aggression-pact")).get(0);
        assertEquals("defence of the realm", r.get("reasonLabel"));
        assertEquals("Soviet Union", r.get("heldByLabel"));
        assertEquals("Joseph Stalin", r.get("adoptedBy"), "'the agreement made between Nazi Germany and Stalin'");
        assertEquals("fundamentally guaranteed the defence of the realm", r.get("quote"));
    }

    @Test
    void twelve_of_the_fourteen_links_reach_socialism_in_one_country_by_its_instances_the_curators_reading() {
        List<Map<String, String>> rows = run("linked-to-doctrine", Map.of());
        assertEquals(12, rows.size(), rows.toString());
        // the four links whose side is the doctrine itself
        assertEquals(4, rows.stream().filter(r -> r.get("instanceLabel") == null).count());
        // every other reaches it through a policy the curators read as its instance (the essay names none as such)
        Map<String, String> plans = row(rows, "reading", "Five Year Plans enables Overtaking German production");
        assertEquals("Five Year Plans", plans.get("instanceLabel"));
        assertEquals("true", plans.get("instanceIsInterpretation"));
        assertEquals("Soviet Policy KG curators", plans.get("instanceAgentLabel"));
        assertTrue(rows.stream().noneMatch(r -> r.get("reading").startsWith("Great Purge")), "the essay ties the purge to no policy of it");
    }

    @Test
    void the_popular_front_and_spain_are_the_essays_own_instances_of_foreign_policy() {
        List<Map<String, String>> rows = run("linked-to-doctrine", Map.of("doctrine", "spd:stalinist-foreign-policy"));
        Map<String, String> front = row(rows, "instanceLabel", "Popular Front");
        assertEquals("false", front.get("instanceIsInterpretation"), "'the foreign policy pursued at the same time'");
        assertEquals("false", row(rows, "instanceLabel", "Soviet intervention in the Spanish Civil War").get("instanceIsInterpretation"),
                "'the policy pursued overseas'");
        assertEquals("true", row(rows, "instanceLabel", "Collective security").get("instanceIsInterpretation"));
    }

    @Test
    void domestic_foreign_links_give_the_doctrine_each_side_serves_and_read_in_their_own_direction() {
        List<Map<String, String>> rows = run("domestic-foreign-links", Map.of());
        Map<String, String> motive = row(rows, "link", "https://w3id.org/soviet-policy-kg/link/expected-attack-motivates-five-year-plans");
        assertEquals("Attack from the West that Stalin expected motivates Five Year Plans", motive.get("reading"),
                "foreign-to-domestic: the foreign side first");
        assertEquals("Socialism in One Country", motive.get("domesticServes"));
        assertEquals("https://w3id.org/soviet-policy-kg/claim/curators-sioc-elements", motive.get("domesticServesInterpretedIn"));
        Map<String, String> thesis = row(rows, "link", "https://w3id.org/soviet-policy-kg/link/thesis-sioc-consistent-with-foreign-policy");
        assertEquals("Stalinist foreign policy", thesis.get("foreignServes"));
        // every link row carries its reading sentence
        assertTrue(rows.stream().allMatch(r -> r.get("reading") != null && !r.get("reading").isBlank()));
        assertTrue(run("link-tension-or-consistency", Map.of()).stream().allMatch(r -> r.get("reading") != null));
    }

    @Test
    void the_soviet_sides_agents_are_told_apart_from_the_partner_in_the_pact() {
        List<Map<String, String>> rows = run("who-did-what-abroad", Map.of()).stream()
                .filter(r -> "Molotov–Ribbentrop Pact".equals(r.get("label"))).toList();
        Map<String, String> molotov = row(rows, "actorLabel", "Vyacheslav Molotov");
        assertEquals("Soviet side", molotov.get("side"));
        assertEquals("Vyacheslav Molotov acted for Soviet Union", molotov.get("sideBasis"));
        assertEquals("true", molotov.get("sideIsInterpretation"), "the essay says only that the pact 'saw Molotov replace' Litvinov");
        assertTrue(rows.stream().filter(r -> "Nazi Germany".equals(r.get("actorLabel"))).allMatch(r -> "partner".equals(r.get("side"))));
        Map<String, String> advisors = run("who-did-what-abroad", Map.of()).stream()
                .filter(r -> "Soviet advisors and commanders in Spain".equals(r.get("actorLabel"))).findFirst().orElseThrow();
        assertEquals("Soviet side", advisors.get("side"));
        assertEquals("false", advisors.get("sideIsInterpretation"), "'the hand on the tiller' is the author's");
    }

    @Test
    void the_pact_revives_rapallo_and_the_popular_fronts_adversaries_are_big_business_and_fascism() {
        Map<String, String> rapallo = run("statements-by-relation", Map.of("relation", "revived")).get(0);
        assertEquals("Molotov–Ribbentrop Pact revived Treaty of Rapallo", rapallo.get("reading"));
        assertEquals("a return to the days of Rapello", rapallo.get("quote"));
        assertEquals("https://w3id.org/soviet-policy-kg/claim/curators-return-is-the-pact", rapallo.get("sideInterpretedIn"),
                "the sentence does not name the pact");
        List<Map<String, String>> opposed = run("statements-by-relation", Map.of("relation", "opposed")).stream()
                .filter(r -> "Popular Front".equals(r.get("subjectLabel"))).toList();
        assertEquals(List.of("Western European big business", "Fascism"), column(opposed, "objectLabel"));
        assertEquals(List.of("false", "true"), column(opposed, "isInterpretation"), "big business the essay's, fascism the curators'");
    }

    @Test
    void the_spanish_civil_war_exemplifies_the_popular_front() {
        List<Map<String, String>> rows = run("statements-by-relation", Map.of("relation", "exemplifies"));
        Map<String, String> war = row(rows, "subjectLabel", "Spanish Civil War");
        assertEquals("Popular Front", war.get("objectLabel"));
        assertEquals("most notably evident in the Spanish Civil War", war.get("quote"));
        assertEquals("5", war.get("sentence"));
    }

    @Test
    void the_distrust_claim_cites_the_civil_war_the_scissors_crisis_and_nep_as_evidence_apart_from_its_topics() {
        List<Map<String, String>> rows = run("evidence-episodes", Map.of()).stream()
                .filter(r -> r.get("claim").endsWith("/claim/author-distrust-peasant")).toList();
        assertEquals(List.of("New Economic Policy", "Russian Civil War", "Scissors Crisis"),
                rows.stream().filter(r -> r.get("use").equals("cites as evidence")).map(r -> r.get("itemLabel")).toList());
        assertEquals(List.of("Collectivisation", "Joseph Stalin", "Peasantry"),
                rows.stream().filter(r -> r.get("use").equals("about")).map(r -> r.get("itemLabel")).toList());
    }

    @Test
    void post_archives_and_a_year_later_are_time_constraints_with_their_phrases() {
        List<Map<String, String>> c = Sparql.select(TestGraphs.queryable(), """
                SELECT ?relation ?to ?phrase WHERE { spd:russias-war spo:timeSpan/spo:timeConstraint ?c .
                  ?c spo:temporalRelation/skos:notation ?relation ; spo:relativeTo ?to ; spo:essayPhrase ?phrase }""");
        assertEquals(List.of(Map.of("relation", "after", "to", "https://w3id.org/soviet-policy-kg/id/soviet-archives-opening",
                "phrase", "post-archives")), c);
        List<String> end = Sparql.column(TestGraphs.queryable(), """
                SELECT ?phrase WHERE { <https://w3id.org/soviet-policy-kg/statement/tripartite-ended-by-appeasement>
                  spo:timeSpan/spo:timeConstraint ?c . ?c spo:relativeTo spd:munich-agreement ; spo:essayPhrase ?phrase }""", "phrase");
        assertEquals(List.of("after Munich"), end);
        Map<String, String> appeasement = row(run("timeline", Map.of()), "label", "Appeasement");
        assertEquals("after Purge of the Red Army officers: 'A year later'; after Munich Agreement: 'after Munich'", appeasement.get("relativeTime"));
    }

    @Test
    void the_timeline_leaves_undated_only_what_the_essay_does_not_date_each_with_why() {
        List<Map<String, String>> undated = run("timeline", Map.of()).stream().filter(r -> r.get("dateSource").equals("undated")).toList();
        assertEquals(List.of("Comintern's mission of world revolution", "Revolution from Above", "Stalin's anti-West, pro-Soviet domestic policies",
                "Stalinist foreign policy"), column(undated, "label"));
        assertTrue(undated.stream().allMatch(r -> r.get("whyUndated") != null), undated.toString());
        // dated now from the essay's own words: "had completed" (by 1937), "propaganda of the time", "soon"
        assertEquals("1937-12-31", row(run("timeline", Map.of()), "label", "Industrialisation").get("to"));
    }

    @Test
    void goering_is_an_alternative_spelling_and_litvoniv_a_misspelling() {
        List<Map<String, String>> rows = run("variant-spellings", Map.of());
        assertEquals("alternative-spelling", row(rows, "variant", "Hermann Goering").get("kindKey"));
        assertEquals("Hermann Göring", row(rows, "variant", "Hermann Goering").get("label"));
        assertEquals("misspelling", row(rows, "variant", "Litvoniv").get("kindKey"));
        assertEquals("capitalisation", row(rows, "variant", "Popular front").get("kindKey"));
    }

    @Test
    void wikidata_links_show_the_unlinked_with_why_and_its_source() {
        List<Map<String, String>> rows = run("wikidata-links", Map.of());
        Map<String, String> kudryashov = row(rows, "label", "Kudryashov");
        assertEquals("none", kudryashov.get("match"));
        assertEquals("the essay gives a surname only; which historian it is cannot be established from the essay", kudryashov.get("whyUnlinked"));
        assertTrue(kudryashov.get("sourceLabel").startsWith("The essay's own text"), kudryashov.toString());
        assertTrue(row(rows, "label", "Maxim Litvinov").get("whyUnlinked").startsWith("no citable pairing found"));
        assertEquals(64, rows.stream().filter(r -> r.get("match").equals("none")).count());
        assertEquals(36, rows.stream().filter(r -> !r.get("match").equals("none")).count());
    }

    @Test
    void relations_stances_and_modalities_have_plain_string_keys() {
        assertEquals(List.of("enables"), Sparql.column(TestGraphs.queryable(),
                "SELECT ?k WHERE { spc:enables skos:notation ?k FILTER(?k = \"enables\") }", "k"));
        assertEquals(3, Sparql.count(TestGraphs.queryable(),
                "?l a spo:DomesticForeignLink ; spo:relation/skos:notation ?k FILTER(?k = \"enables\")"));
        assertEquals(0, Sparql.count(TestGraphs.queryable(),
                "?l a spo:DomesticForeignLink ; spo:relation/skos:prefLabel ?k FILTER(?k = \"enables\")"), "the trap: labels are language-tagged");
        assertEquals(0, Sparql.count(TestGraphs.queryable(), "?c a skos:Concept FILTER NOT EXISTS { ?c skos:notation ?k }"));
    }

    @Test
    void every_anchor_has_its_absolute_position_on_a_second_target_on_the_text() {
        // conquest-validated at p3-s3: 3713-3801 in the whole essay, the sentence's start plus its own offsets
        List<Map<String, String>> rows = Sparql.select(TestGraphs.queryable(), """
                SELECT ?start ?end WHERE { claim:conquest-validated spo:hasAnchor/oa:hasTarget ?t .
                  ?t oa:hasSource <https://w3id.org/soviet-policy-kg/text/essay> ; oa:hasSelector ?s .
                  ?s a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }""");
        assertEquals(List.of(Map.of("start", "3713", "end", "3801")), rows);
        assertEquals(0, Sparql.count(TestGraphs.queryable(), """
                ?a a oa:Annotation FILTER NOT EXISTS { ?a oa:hasTarget ?t . ?t oa:hasSource ?x . ?x a spo:Essay }"""));
    }
}
