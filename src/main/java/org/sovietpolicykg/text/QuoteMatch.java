package org.sovietpolicykg.text;

import java.util.List;

/** What became of resolving a {@link Quote}: found once, found several times, or not found. */
public sealed interface QuoteMatch {

    /** Found exactly once at [start, end), code points of the whole text. */
    record Found(int start, int end) implements QuoteMatch {}

    /** Found at several places (their start offsets): a prefix or suffix is needed. */
    record Ambiguous(List<Integer> starts) implements QuoteMatch {}

    /** Not found; the nearest passage of the text by edit distance, and that distance. */
    record Missing(String nearest, int nearestStart, int distance) implements QuoteMatch {}
}
