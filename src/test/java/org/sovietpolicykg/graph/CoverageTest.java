package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovietpolicykg.TestGraphs;

/** The build proves coverage of the essay; these are its targets. */
class CoverageTest {
    static Coverage coverage;

    @BeforeAll
    static void compute() {
        coverage = Coverage.of(TestGraphs.real()).get("essay");
    }

    @Test
    void every_one_of_the_41_sentences_has_a_claim_statement_or_link() {
        assertEquals(41, coverage.sentences());
        assertEquals(List.of(), coverage.sentencesWithoutStatement());
    }

    @Test
    void every_capitalised_word_is_a_mention_except_ordinary_words_opening_sentences() {
        assertEquals(List.of(), coverage.uncoveredCapitalised());
        Set<String> ordinary = new TreeSet<>(coverage.sentenceInitialWords().stream().map(Coverage.Word::word).toList());
        assertEquals(new TreeSet<>(List.of("A", "Abroad", "Any", "As", "At", "Decisions", "How", "However", "In", "Instead",
                "It", "Looking", "Not", "Should", "Such", "That", "The", "This", "Which")), ordinary);
    }

    @Test
    void every_entity_the_essay_names_has_a_mention() {
        assertEquals(List.of(), coverage.entitiesWithoutMention());
    }

    @Test
    void every_claim_has_an_evidential_basis_and_only_four_historians_claims_lack_a_work() {
        assertEquals(List.of(), coverage.claimsWithoutEvidence());
        // the essay names Conquest's 'The Great Terror' (for his 1968 conclusions, not for his recent reading of the
        // archives) and Overy's 'Russia's War', but no work of Figes, Kudryashov or Preston
        assertEquals(List.of("conquest-validated (conquest)", "figes-economic-revolution (figes)", "kudryashov-machiavellian (kudryashov)",
                "preston-self-serving (preston)"), coverage.historianClaimsWithoutWork());
    }
}
