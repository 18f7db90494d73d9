package org.sovietpolicykg.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits the essay into paragraphs (each non-blank line: the essay puts one paragraph on a line) and sentences (the JDK's English sentence
 * {@link BreakIterator}, spans trimmed of white space, so the tab that opens paragraph 4 and the double spaces
 * between sentences belong to no sentence). Identifiers are positional and stable while the text is unchanged,
 * which the sha256 check guarantees.
 */
public final class Segmentation {
    private final SourceText source;
    private final List<Segment> paragraphs;
    private final List<Segment> sentences;

    private Segmentation(SourceText source, List<Segment> paragraphs, List<Segment> sentences) {
        this.source = source;
        this.paragraphs = List.copyOf(paragraphs);
        this.sentences = List.copyOf(sentences);
    }

    public static Segmentation of(SourceText source) {
        String text = source.text();
        List<Segment> paragraphs = new ArrayList<>();
        List<Segment> sentences = new ArrayList<>();
        int lineStart = 0;
        int n = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.length();
            int[] span = trim(text, lineStart, lineEnd);
            if (span[0] < span[1]) {
                n++;
                paragraphs.add(segment(source, n, 0, span[0], span[1]));
                splitSentences(source, n, span[0], span[1], sentences);
            }
            lineStart = lineEnd + 1;
        }
        return new Segmentation(source, paragraphs, sentences);
    }

    private static void splitSentences(SourceText source, int paragraph, int from, int to, List<Segment> out) {
        String text = source.text();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text.substring(from, to));
        int s = 0;
        for (int b = it.first(), e = it.next(); e != BreakIterator.DONE; b = e, e = it.next()) {
            int[] span = trim(text, from + b, from + e);
            if (span[0] < span[1])
                out.add(segment(source, paragraph, ++s, span[0], span[1]));
        }
    }

    private static Segment segment(SourceText source, int p, int s, int fromChar, int toChar) {
        return new Segment(p, s, source.toCodePoint(fromChar), source.toCodePoint(toChar),
                source.text().substring(fromChar, toChar));
    }

    private static int[] trim(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from)))
            from++;
        while (to > from && Character.isWhitespace(text.charAt(to - 1)))
            to--;
        return new int[] {from, to};
    }

    public SourceText source() {
        return source;
    }

    public List<Segment> paragraphs() {
        return paragraphs;
    }

    public List<Segment> sentences() {
        return sentences;
    }

    /** The sentences of one paragraph (1-based). */
    public List<Segment> sentencesOf(int paragraph) {
        return sentences.stream().filter(s -> s.paragraph() == paragraph).toList();
    }

    /**
     * The smallest segment holding the span [start, end): a sentence, else the paragraph (a quote that runs over a
     * sentence boundary), else empty (a quote across paragraphs, or in the white space between them).
     */
    public Optional<Segment> smallestContaining(int start, int end) {
        for (Segment s : sentences)
            if (s.contains(start, end))
                return Optional.of(s);
        for (Segment p : paragraphs)
            if (p.contains(start, end))
                return Optional.of(p);
        return Optional.empty();
    }

    /** The paragraph holding a code point offset. */
    public Optional<Segment> paragraphAt(int offset) {
        return paragraphs.stream().filter(p -> p.start() <= offset && offset < p.end()).findFirst();
    }
}
