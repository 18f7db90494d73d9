package org.sovietpolicykg.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a {@link Quote} in the source text. A quote must occur exactly once once its prefix and suffix are taken
 * into account; when it does not occur at all, the resolver names the nearest passage by edit distance
 * (approximate substring matching, Sellers 1980), so that a curator sees at once what to mend.
 */
public final class QuoteResolver {
    private final SourceText source;

    public QuoteResolver(SourceText source) {
        this.source = source;
    }

    public QuoteMatch resolve(Quote quote) {
        String text = source.text();
        List<Integer> starts = new ArrayList<>();
        for (int i = text.indexOf(quote.exact()); i >= 0; i = text.indexOf(quote.exact(), i + 1)) {
            int end = i + quote.exact().length();
            if (text.startsWith(quote.prefix(), i - quote.prefix().length()) && text.startsWith(quote.suffix(), end))
                starts.add(i);
        }
        if (starts.size() == 1) {
            int s = starts.get(0);
            return new QuoteMatch.Found(source.toCodePoint(s), source.toCodePoint(s + quote.exact().length()));
        }
        if (starts.size() > 1)
            return new QuoteMatch.Ambiguous(starts.stream().map(source::toCodePoint).toList());
        return nearest(quote.exact());
    }

    /**
     * Sellers' algorithm: the substring of the text with the least edit distance to the pattern, in O(n*m) time.
     * Each cell keeps where its alignment began, so the passage itself can be returned.
     */
    private QuoteMatch.Missing nearest(String pattern) {
        String text = source.text();
        int m = pattern.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        int[] prevStart = new int[m + 1];
        int[] curStart = new int[m + 1];
        for (int i = 0; i <= m; i++)
            prev[i] = i;
        int best = m, bestEnd = 0, bestStart = 0;
        for (int j = 1; j <= text.length(); j++) {
            cur[0] = 0;
            curStart[0] = j;
            char c = text.charAt(j - 1);
            for (int i = 1; i <= m; i++) {
                int sub = prev[i - 1] + (pattern.charAt(i - 1) == c ? 0 : 1);
                int del = prev[i] + 1;
                int ins = cur[i - 1] + 1;
                if (sub <= del && sub <= ins) {
                    cur[i] = sub;
                    curStart[i] = i == 1 ? j - 1 : prevStart[i - 1];
                } else if (del <= ins) {
                    cur[i] = del;
                    curStart[i] = prevStart[i];
                } else {
                    cur[i] = ins;
                    curStart[i] = curStart[i - 1];
                }
            }
            if (cur[m] < best) {
                best = cur[m];
                bestEnd = j;
                bestStart = curStart[m];
            }
            int[] t = prev; prev = cur; cur = t;
            t = prevStart; prevStart = curStart; curStart = t;
        }
        return new QuoteMatch.Missing(text.substring(bestStart, bestEnd), source.toCodePoint(bestStart), best);
    }
}
