package org.sovietpolicykg.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.SourceText;

/**
 * How completely its curation covers one source text, computed by the build and written as {@code coverage.json}:
 * sentences with no claim, statement or link anchored in them; capitalised words that no mention covers (those
 * opening a sentence are listed apart, as ordinary words, for a reader to check); entities the essay names that have
 * no mention; claims with no evidential basis, and historians' claims that name no work; and the declarations marked
 * {@code reviewed: false}, proposed by {@code import} or {@code draft} and not yet checked by a curator.
 */
public record Coverage(int sentences, List<String> sentencesWithoutStatement, List<Word> uncoveredCapitalised,
        List<Word> sentenceInitialWords, List<String> entitiesWithoutMention, List<String> claimsWithoutEvidence,
        List<String> historianClaimsWithoutWork, List<String> unreviewed) {

    /** A capitalised word of the essay: the word, its code point offset, and the sentence it is in. */
    public record Word(String word, int offset, String sentence) {}

    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}\\-]*");
    private static final Set<String> STATEMENT_KINDS = Set.of("claim", "statement", "link");

    /** The coverage of every source text of a graph, by the text's name, in name order. */
    public static Map<String, Coverage> of(KnowledgeGraph kg) {
        Map<String, Coverage> out = new LinkedHashMap<>();
        kg.texts().forEach(t -> out.put(t.name(), of(t, kg.curation())));
        return out;
    }

    /** The coverage of one source text by its own curation ({@code all}: every source's, for the historians). */
    public static Coverage of(KnowledgeGraph.Text kg, Curation all) {
        SourceText essay = kg.text().source();
        List<String> unanchored = new ArrayList<>();
        for (Segment s : kg.text().sentences()) {
            boolean anchored = kg.anchored().stream().filter(a -> STATEMENT_KINDS.contains(a.kind()))
                    .anyMatch(a -> a.span().start() < s.end() && a.span().end() > s.start());
            if (!anchored)
                unanchored.add(s.label() + ": " + s.text());
        }
        List<Word> uncovered = new ArrayList<>();
        List<Word> initial = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(essay.text());
        while (m.find()) {
            int start = essay.toCodePoint(m.start());
            int end = essay.toCodePoint(m.end());
            boolean covered = kg.mentions().stream().anyMatch(x -> x.start() <= start && end <= x.end());
            if (covered)
                continue;
            Segment sentence = kg.text().sentences().stream().filter(s -> s.start() <= start && start < s.end()).findFirst().orElse(null);
            String where = sentence == null ? "outside any sentence" : sentence.label();
            Word w = new Word(m.group(), start, where);
            if (sentence != null && isSentenceInitial(essay, sentence, start))
                initial.add(w);
            else
                uncovered.add(w);
        }
        Set<String> mentioned = kg.mentions().stream().map(MentionFinder.Mention::entityId).collect(Collectors.toSet());
        List<String> noMention = kg.curation().entities().stream().filter(e -> !e.implicit())
                .map(e -> e.id().value()).filter(id -> !mentioned.contains(id)).sorted().toList();
        Set<String> historians = all.entities().stream().filter(e -> e.type().value().equals("Historian"))
                .map(e -> e.id().value()).collect(Collectors.toCollection(TreeSet::new));
        List<String> noEvidence = kg.curation().claims().stream().filter(c -> c.evidence().isEmpty())
                .map(c -> c.id().value()).sorted().toList();
        List<String> noWork = kg.curation().claims().stream()
                .filter(c -> historians.contains(c.by().value()) && c.work().isEmpty())
                .map(c -> c.id().value() + " (" + c.by().value() + ")").sorted().toList();
        List<String> unreviewed = kg.curation().unreviewed().stream().map(u -> u.kind() + " " + u.id() + " (" + u.loc() + ")").toList();
        return new Coverage(kg.text().sentences().size(), unanchored, uncovered, initial, noMention, noEvidence, noWork, unreviewed);
    }

    /** The word is the first word of its sentence (after any opening quotation mark or bracket). */
    private static boolean isSentenceInitial(SourceText essay, Segment sentence, int offset) {
        String before = essay.slice(sentence.start(), offset);
        return before.chars().allMatch(c -> c == '‘' || c == '“' || c == '(' || c == '"' || c == '\'' || Character.isWhitespace(c));
    }

    /** The report as an ordered map, for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", sentences);
        m.put("sentencesWithoutStatement", sentencesWithoutStatement);
        m.put("uncoveredCapitalisedWords", uncoveredCapitalised);
        m.put("sentenceInitialWords", sentenceInitialWords);
        m.put("entitiesWithoutMention", entitiesWithoutMention);
        m.put("claimsWithoutEvidence", claimsWithoutEvidence);
        m.put("historianClaimsWithoutWork", historianClaimsWithoutWork);
        m.put("unreviewed", unreviewed);
        return m;
    }

    /** A few lines for the build's summary. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format("  %d of %d sentences have a claim, statement or link anchored in them%s", sentences - sentencesWithoutStatement.size(),
                sentences, sentencesWithoutStatement.isEmpty() ? "" : "; without: " + sentencesWithoutStatement));
        out.add(String.format("  %d capitalised words not covered by a mention%s", uncoveredCapitalised.size(),
                uncoveredCapitalised.isEmpty() ? "" : ": " + uncoveredCapitalised.stream().map(w -> w.word() + " (" + w.sentence() + ")").toList()));
        out.add(String.format("  %d ordinary words at sentence starts: %s", sentenceInitialWords.size(),
                sentenceInitialWords.stream().map(Word::word).distinct().sorted().collect(Collectors.joining(", "))));
        out.add(String.format("  %d entities named in the essay without a mention%s", entitiesWithoutMention.size(),
                entitiesWithoutMention.isEmpty() ? "" : ": " + entitiesWithoutMention));
        out.add(String.format("  %d claims without an evidential basis%s; %d historians' claims without a work%s",
                claimsWithoutEvidence.size(), claimsWithoutEvidence.isEmpty() ? "" : " " + claimsWithoutEvidence,
                historianClaimsWithoutWork.size(), historianClaimsWithoutWork.isEmpty() ? "" : " " + historianClaimsWithoutWork));
        out.add(String.format("  %d proposals unreviewed (reviewed: false, from import or draft)%s", unreviewed.size(),
                unreviewed.isEmpty() ? "" : ": " + unreviewed));
        return out;
    }
}
