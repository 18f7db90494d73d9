package org.sovietpolicykg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentence and paragraph splitting of the real essay: counts and exact boundaries a reader can check. */
class SegmentationTest {
    static Segmentation essay;

    @BeforeAll
    static void read() {
        essay = Segmentation.of(SourceText.read(Path.of("data/sources/essay/essay.txt")));
    }

    @Test
    void essay_has_five_paragraphs_and_41_sentences() {
        assertEquals(5, essay.paragraphs().size());
        assertEquals(41, essay.sentences().size());
        assertEquals(List.of(5, 11, 12, 9, 4),
                essay.paragraphs().stream().map(p -> essay.sentencesOf(p.paragraph()).size()).toList());
    }

    @Test
    void first_sentence_skips_the_leading_space_and_ends_at_stalinist_system() {
        Segment s = essay.sentences().get(0);
        assertEquals(1, s.start(), "the essay opens with a space, which belongs to no sentence");
        assertTrue(s.text().startsWith("Stalin’s Revolution from Above"));
        assertTrue(s.text().endsWith("which later became known as the Stalinist system."));
        assertEquals(229, s.end());
    }

    @Test
    void paragraph_4_starts_after_its_tab() {
        Segment p4 = essay.paragraphs().get(3);
        assertEquals('\t', essay.source().text().charAt(essay.source().toCharIndex(p4.start() - 1)));
        assertTrue(p4.text().startsWith("The Non-Aggression Pact that saw Molotov replace the Jewish Litvoniv in 1939"));
        assertEquals(5547, p4.start());
    }

    @Test
    void comintern_of_the_stalinist_era_stays_in_one_sentence() {
        Segment s = essay.sentencesOf(2).get(6);
        assertTrue(s.text().startsWith("This role however in itself incapsulated the paradox"));
        assertTrue(s.text().contains("the Comintern of the Stalinist era, given that"));
        assertTrue(s.text().endsWith("the very thing that Stalin opposed domestically."));
    }

    @Test
    void fdrs_washington_ends_paragraph_3() {
        List<Segment> p3 = essay.sentencesOf(3);
        Segment last = p3.get(p3.size() - 1);
        assertTrue(last.text().startsWith("It wouldn’t be enough to save him from dismissal in 1939"));
        assertTrue(last.text().endsWith("and then was made ambassador to FDR’s Washington."));
    }

    @Test
    void rhetorical_questions_are_sentences_of_their_own() {
        assertEquals("How can any inconsistency along these lines be justified?", essay.sentencesOf(1).get(4).text());
        assertEquals("How could it be any different given the mission at home, a mission which inevitably framed the policy pursued overseas?",
                essay.sentencesOf(2).get(9).text());
    }

    @Test
    void dash_and_parentheses_do_not_split_sentences() {
        assertEquals("Not that this meant that Stalin and National Socialism weren’t on speaking terms – far from it.",
                essay.sentencesOf(4).get(4).text());
        assertTrue(essay.sentencesOf(4).get(5).text().contains("(and undoing a lot of the hard work the industrialisation of the USSR had completed), he was"));
    }

    @Test
    void every_sentence_is_the_exact_text_at_its_offsets() {
        for (Segment s : essay.sentences())
            assertEquals(s.text(), essay.source().slice(s.start(), s.end()), s.label());
    }
}
