package org.sovietpolicykg.graph;

import java.util.Collection;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...?": the nearest name by edit distance, when it is near enough to be a likely typo. */
final class Suggest {
    private Suggest() {}

    static Optional<String> nearest(String word, Collection<String> names) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(word, n);
            if (d < bestD || (d == bestD && best != null && n.compareTo(best) < 0)) {
                bestD = d;
                best = n;
            }
        }
        return best != null && bestD <= Math.max(2, word.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** The Levenshtein distance (commons-text's). */
    static int distance(String a, String b) {
        return LEVENSHTEIN.apply(a, b);
    }

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
}
