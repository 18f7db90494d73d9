package org.sovietpolicykg.text;

/**
 * A paragraph or a sentence of the essay: its place (paragraph number, and sentence number within the paragraph,
 * both from 1; sentence 0 for a paragraph) and its span [start, end) in code points of the whole essay.
 */
public record Segment(int paragraph, int sentence, int start, int end, String text) {

    public boolean isParagraph() {
        return sentence == 0;
    }

    public boolean contains(int from, int to) {
        return start <= from && to <= end;
    }

    /** A short, human label: "paragraph 4" or "paragraph 4, sentence 2". */
    public String label() {
        return isParagraph() ? "paragraph " + paragraph : "paragraph " + paragraph + ", sentence " + sentence;
    }
}
