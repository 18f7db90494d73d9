package org.sovietpolicykg.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sovietpolicykg.text.SourceText;

/**
 * Finds every mention of every entity in the essay from the names the curators declared: exact, case-sensitive,
 * whole-word occurrences. Where names overlap ("Nazi Germany" and "Germany", "Paul Preston" and "Preston"), the
 * longest wins and the shorter one inside it is not a mention of its own.
 */
public final class MentionFinder {

    /** A form of an entity's name to look for; {@code variant} marks the essay's own misspelling. */
    public record Name(String entityId, String form, boolean variant) {}

    /** A mention found at [start, end), code points of the whole essay. */
    public record Mention(String entityId, String form, boolean variant, int start, int end) {}

    private MentionFinder() {}

    public static List<Mention> find(SourceText source, List<Name> names) {
        String text = source.text();
        List<Mention> candidates = new ArrayList<>();
        for (Name n : names) {
            for (int i = text.indexOf(n.form()); i >= 0; i = text.indexOf(n.form(), i + 1)) {
                int end = i + n.form().length();
                if (isBoundary(text, i - 1) && isBoundary(text, end))
                    candidates.add(new Mention(n.entityId(), n.form(), n.variant(), i, end));
            }
        }
        candidates.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start()))
                .thenComparing(Mention::entityId));
        List<Mention> out = new ArrayList<>();
        int lastEnd = -1;
        for (Mention m : candidates) {
            if (m.start() >= lastEnd) {
                out.add(new Mention(m.entityId(), m.form(), m.variant(), source.toCodePoint(m.start()),
                        source.toCodePoint(m.end())));
                lastEnd = m.end();
            }
        }
        return out;
    }

    private static boolean isBoundary(String text, int i) {
        if (i < 0 || i >= text.length())
            return true;
        return !Character.isLetterOrDigit(text.charAt(i));
    }
}
