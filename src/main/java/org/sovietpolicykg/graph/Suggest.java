package org.sovietpolicykg.graph;

import java.util.Collection;
import java.util.Optional;

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

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
            prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
