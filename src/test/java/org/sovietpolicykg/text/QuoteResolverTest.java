package org.sovietpolicykg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Resolving quotes: found once, ambiguous, missing with the nearest passage, and code point offsets. */
class QuoteResolverTest {
    static final SourceText ESSAY = SourceText.read(Path.of("data/sources/essay/essay.txt"));
    final QuoteResolver resolver = new QuoteResolver(ESSAY);

    @Test
    void a_quote_found_once_gives_its_code_point_span() {
        QuoteMatch m = resolver.resolve(Quote.of("saw Molotov replace the Jewish Litvoniv in 1939"));
        QuoteMatch.Found f = assertInstanceOf(QuoteMatch.Found.class, m);
        assertEquals("saw Molotov replace the Jewish Litvoniv in 1939", ESSAY.slice(f.start(), f.end()));
        assertEquals(5576, f.start());
    }

    @Test
    void a_quote_found_several_times_is_ambiguous_with_every_place() {
        QuoteMatch m = resolver.resolve(Quote.of("Litvinov"));
        QuoteMatch.Ambiguous a = assertInstanceOf(QuoteMatch.Ambiguous.class, m);
        assertEquals(5, a.starts().size(), "the essay spells Litvinov so five times (and Litvoniv once)");
    }

    @Test
    void a_prefix_or_suffix_makes_an_ambiguous_quote_unique() {
        QuoteMatch m = resolver.resolve(new Quote("Litvinov", "A multilingual career diplomat, ", ""));
        QuoteMatch.Found f = assertInstanceOf(QuoteMatch.Found.class, m);
        assertEquals("A multilingual career diplomat, Litvinov", ESSAY.slice(f.start() - 32, f.end()));
        QuoteMatch s = resolver.resolve(new Quote("Litvinov", "", " had pursued"));
        assertInstanceOf(QuoteMatch.Found.class, s);
    }

    @Test
    void a_missing_quote_names_the_nearest_passage() {
        // the curator corrected the essay's spelling: the essay says "Litvoniv"
        QuoteMatch m = resolver.resolve(Quote.of("replace the Jewish Litvinov in 1939"));
        QuoteMatch.Missing miss = assertInstanceOf(QuoteMatch.Missing.class, m);
        assertEquals("replace the Jewish Litvoniv in 1939", miss.nearest());
        assertEquals(2, miss.distance());
    }

    @Test
    void offsets_count_code_points_not_utf16_units() {
        // U+1D504 MATHEMATICAL FRAKTUR CAPITAL A takes two UTF-16 units but is one code point
        SourceText t = SourceText.of("fixture", "\uD835\uDD04 Stalin’s Five Year Plans");
        QuoteMatch.Found f = assertInstanceOf(QuoteMatch.Found.class, new QuoteResolver(t).resolve(Quote.of("Five Year Plans")));
        assertEquals(11, f.start());
        assertEquals(26, f.end());
        assertEquals("Five Year Plans", t.slice(f.start(), f.end()));
        assertEquals(List.of(2), ((QuoteMatch.Ambiguous) new QuoteResolver(SourceText.of("x", "\uD835\uDD04 a a")).resolve(Quote.of("a")))
                .starts().subList(0, 1));
    }
}
