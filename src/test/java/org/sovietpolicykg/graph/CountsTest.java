package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;

/**
 * Counts per class in the curated graph, each explained by what the essay holds. A change to the curation that
 * changes a count must change this table and its explanation with it.
 */
class CountsTest {
    /** Class local name -> expected count; the comment says where the number comes from. */
    static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();
    static {
        // Stalin, Lenin, Litvinov, Molotov, Roosevelt ("FDR"), Goering, and Trotsky (implicit: "the Trotskyite left")
        EXPECTED.put("Person", 7);
        // Figes, Preston, Conquest, Kudryashov, Overy: the five historians the essay cites
        EXPECTED.put("Historian", 5);
        // the essay's anonymous author
        EXPECTED.put("Author", 1);
        // the curators, agent of the interpretations that are not the essay's
        EXPECTED.put("CuratorTeam", 1);
        // the Comintern, the International Brigades, the Red Army
        EXPECTED.put("Organisation", 3);
        // the USSR, Nazi Germany, the UK, France, the Spanish Republic, and, implicit, the two parties of "the days
        // of Rapello": Weimar Germany and Soviet Russia (the RSFSR, the USSR being founded later in 1922)
        EXPECTED.put("State", 7);
        // peasantry, the West, Western European big business, the Western European left, the far right in Spain,
        // Soviet advisors and commanders, the Trotskyite left, Western historians, fifth columnists,
        // the Marx Brothers, Jews ("the Jewish Litvoniv"), Soviet career diplomats ("A multilingual career diplomat")
        EXPECTED.put("Group", 12);
        // Spain, Barcelona, Washington, Eurasia
        EXPECTED.put("Place", 4);
        // 21 policies, from Revolution from Above and Socialism in One Country to appeasement and the
        // UK-France-USSR agreement (one, Soviet intervention in Spain, is implicit)
        EXPECTED.put("Policy", 21);
        // the Non-Aggression Pact, the purge of the Red Army officers, Munich, Rapallo ("Rapello")
        EXPECTED.put("Decision", 4);
        // the Soviet Revolution, the Civil War, the Scissors Crisis, the Spanish Civil War, the reprisals in Spain,
        // the civil war within the civil war of Barcelona, the Great Purge, Litvinov's dismissal, the Great
        // Patriotic War, the Soviet-German trade talks with Goering, the onslaught into Soviet territory
        // issue 25: +1, the opening of the Soviet archives, which "post-archives" counts from
        EXPECTED.put("Event", 12);
        // 'The Great Terror' (Conquest, 1968) and 'Russia's War' (Overy)
        EXPECTED.put("Work", 2);
        // People's Commissar for Foreign Affairs (implicit: the post the dismissal ended); ambassador to FDR's Washington
        EXPECTED.put("Office", 2);
        // Litvinov's two roles in time: People's Commissar for Foreign Affairs until his dismissal in 1939, then ambassador
        EXPECTED.put("Tenure", 2);
        // the 100 years gap, Machiavellianism, Great Power, and the attack from the West that Stalin expected
        // ("their inevitable attack", "the inevitable onslaught from the West")
        // issue 25: +1, Stalin's distrust of the peasant, the first reason for collectivisation
        EXPECTED.put("Idea", 5);
        // Marxist-Leninist-Stalinism, the Stalinist system, permanent revolution, Fascism, National Socialism
        EXPECTED.put("Doctrine", 5);
        // the results of policy the essay names: the industrial base, overtaking German military production,
        // superpower status, the ability to survive the following four years, and the victory, the thesis's evidence
        EXPECTED.put("Outcome", 5);
        // 37 by the essay's author, 6 by historians (Conquest 2; Figes, Preston, Kudryashov, Overy 1 each), 7 by curators
        // (the links the essay implies: Litvinov's removal enabled the pact; the pact reversed collective security;
        // the search for military security joins the Five Year Plans to collective security; the pact ended the search
        // for alliance; the invasion ended the pact; and, issue 21, the identifications of sides the essay does not
        // name: the policies at home are Socialism in One Country, the crusade for worldwide revolt is permanent
        // revolution; the link of control at home against diplomacy, a duplicate, was dropped)
        // Issue 25: 8 more by the curators, each a relation no sentence states: the Comintern organised the Brigades,
        // the Popular Front was against fascism, the return to Rapallo is the pact, Molotov, Stalin and the Comintern
        // acted for the USSR, and the policies that are Socialism in One Country's and Stalinist foreign policy's
        EXPECTED.put("Claim", 58);
        // plain facts the essay states, e.g. Molotov replaced Litvinov (35), and the ends and results added in
        // review: Stalin's expectation of the attack, the dismissal ending Litvinov's career, appeasement ending the
        // UK-France-USSR agreement, the pact ending the search for alliance, the invasion ending the pact, and five
        // 'enabled' (the plans the industrial base, which enabled overtaking German production and superpower status;
        // Socialism in One Country and foreign policy the survival of the war)
        // Issue 25: +25, the relations that were only in summaries: 8 reasons (4 of collectivisation, 2 of the Popular
        // Front, the pact's, the search for alliance's), 7 instances of a doctrine or of foreign policy, 6 on whose
        // behalf (acted for, organised), the pact revived Rapallo, 2 exemplifications; and the Popular Front opposed fascism
        EXPECTED.put("Statement", 70);
        // the links between domestic and foreign decisions that the essay makes (12) or implies (3, curators')
        EXPECTED.put("DomesticForeignLink", 14);
        // every occurrence of every name and variant spelling of every entity (144, and in review +4: "inevitable
        // attack", "inevitable onslaught from the West", "industrial base", "superpower status"; -2: the German invasion's
        // and the West's inside "the inevitable onslaught from the West", now one mention of the expected attack)
        // issue 25: +1, "deep distrust" (Stalin's distrust of the peasant)
        EXPECTED.put("Mention", 147);
    }

    @Test
    void instances_per_class_are_as_the_essay_gives_them() {
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String c : EXPECTED.keySet())
            actual.put(c, (int) Sparql.count(TestGraphs.queryable(),
                    "GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> { ?x a spo:" + c + " }"));
        assertEquals(EXPECTED, actual);
    }

    @Test
    void claims_by_agent_are_37_by_the_author_6_by_historians_15_by_curators() {
        assertEquals(37, Sparql.count(TestGraphs.queryable(), "?c a spo:Claim ; spo:claimedBy spd:essay-author"));
        assertEquals(6, Sparql.count(TestGraphs.queryable(), "?c a spo:Claim ; spo:claimedBy ?h . ?h a spo:Historian"));
        assertEquals(15, Sparql.count(TestGraphs.queryable(), "?c a spo:Claim ; spo:claimedBy spd:curators ; spo:isInterpretation true"));
    }

    @Test
    void the_essay_has_five_paragraphs_and_41_sentences_in_the_source_graph() {
        assertEquals(5, Sparql.count(TestGraphs.queryable(), "?p a spo:Paragraph"));
        assertEquals(41, Sparql.count(TestGraphs.queryable(), "?s a spo:Sentence"));
    }
}
