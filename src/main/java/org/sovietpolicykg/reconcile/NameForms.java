package org.sovietpolicykg.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import com.ibm.icu.text.Transliterator;

/**
 * How names are compared: as forms that are case-, accent- and punctuation-blind; German umlauts also spelled out
 * ("Göring" and "Goering" are one name); Cyrillic also in Latin letters, as the BGN/PCGN romanisation and ISO 9 (ICU's
 * transliterators) write it ("Литвинов" is "litvinov", "Иосиф" is "iosif"); a dotted acronym also run together
 * ("N.E.P." is "nep"). And, for the names of people, the forms researchers write them in: inverted ("Stalin, Joseph"),
 * initialled ("J. Stalin", "Stalin J."), with a middle name or patronymic more or fewer ("Vladimir Ilyich Lenin"), or
 * with a given name in another romanisation ("Maksim Litvinov").
 */
final class NameForms {
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words that make a query a phrase (an event, a policy, a work), not the name of a person. */
    private static final Set<String> PHRASE_WORDS = Set.of("of", "the", "and", "in", "on", "for", "with", "to", "from", "against",
            "pact", "treaty", "war", "policy", "plan", "plans", "purge", "agreement", "revolution", "party", "front", "union");
    /** The least similarity (Jaro-Winkler) of a given name in another romanisation: Maksim for Maxim, Lev for Leon. */
    static final double GIVEN_NAME_SIMILARITY = 0.8;

    private static final ThreadLocal<Transliterator> BGN = ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN"));
    private static final ThreadLocal<Transliterator> ISO9 = ThreadLocal.withInitial(() -> Transliterator.getInstance("Cyrillic-Latin"));
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private NameForms() {}

    /** The comparable forms of a name, the plain one first; empty for a name with no letter or digit. */
    static Set<String> of(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null)
            return out;
        List<String> spellings = new ArrayList<>();
        spellings.add(name);
        spellings.add(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss"));
        if (CYRILLIC.matcher(name).find()) {
            spellings.add(BGN.get().transliterate(name));
            spellings.add(ISO9.get().transliterate(name));
        }
        for (String s : spellings) {
            String n = plain(s);
            if (n.isEmpty())
                continue;
            out.add(n);
            String[] words = n.split(" ");
            if (words.length >= 2 && Arrays.stream(words).allMatch(w -> w.length() == 1))
                out.add(String.join("", words));
        }
        return out;
    }

    /** Lower case, accents dropped, runs of anything but letters and digits as one space. */
    static String plain(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        // letters that NFD does not decompose
        n = n.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ʹ", "").replace("ʺ", "").replace("’", "'");
        return NOT_WORD.matcher(n).replaceAll(" ").strip();
    }

    /** Whether a query reads as a person's name: one to four words, no digits, none of the words of a phrase. */
    static boolean personShaped(String query) {
        for (String f : of(query)) {
            String[] words = f.split(" ");
            if (words.length > 4 || f.chars().anyMatch(Character::isDigit) || Arrays.stream(words).anyMatch(PHRASE_WORDS::contains))
                return false;
        }
        return !of(query).isEmpty();
    }

    /**
     * How well a query names a person whose name (a label, a name the essay uses, a label from Wikidata) has the form
     * {@code name} (given names then surname): a score from 85 to 90, or empty when it does not. The query must have
     * the surname, at its end or (inverted) at its start, and at least one more word, each of which is a given name
     * or middle name of {@code name} in order, the initial of one, or one in another romanisation; one word more than
     * the name has (a middle name, a patronymic, a middle initial) is allowed. All words whole: 90; with initials: 88;
     * with another romanisation or a word more: 85.
     */
    static Optional<Double> personal(String queryForm, String nameForm) {
        String[] q = queryForm.split(" "), n = nameForm.split(" ");
        if (q.length < 2 || n.length < 2)
            return Optional.empty();
        String surname = n[n.length - 1];
        List<String> given = List.of(n).subList(0, n.length - 1);
        Optional<Double> best = Optional.empty();
        if (q[q.length - 1].equals(surname))
            best = max(best, givenNames(List.of(q).subList(0, q.length - 1), given));
        if (q[0].equals(surname))
            best = max(best, givenNames(List.of(q).subList(1, q.length), given));
        return best;
    }

    private static Optional<Double> givenNames(List<String> words, List<String> given) {
        int at = 0, whole = 0, initials = 0, other = 0, extra = 0;
        for (String w : words) {
            int found = -1;
            String how = null;
            for (int i = at; i < given.size() && found < 0; i++) {
                String g = given.get(i);
                if (w.equals(g)) {
                    found = i;
                    how = "whole";
                } else if ((w.length() == 1 && g.startsWith(w)) || (g.length() == 1 && w.startsWith(g))) {
                    found = i;
                    how = "initial";
                } else if (w.length() >= 3 && g.length() >= 3 && w.charAt(0) == g.charAt(0) && SIMILARITY.apply(w, g) >= GIVEN_NAME_SIMILARITY) {
                    found = i;
                    how = "other";
                }
            }
            if (found < 0) {
                extra++;
                continue;
            }
            at = found + 1;
            switch (how) {
                case "whole" -> whole++;
                case "initial" -> initials++;
                default -> other++;
            }
        }
        if (extra > 1 || whole + initials + other == 0)
            return Optional.empty();
        if (extra == 0 && other == 0)
            return Optional.of(initials == 0 ? 90.0 : 88.0);
        return Optional.of(85.0);
    }

    private static Optional<Double> max(Optional<Double> a, Optional<Double> b) {
        if (a.isEmpty())
            return b;
        if (b.isEmpty())
            return a;
        return Optional.of(Math.max(a.get(), b.get()));
    }

    /** Jaro-Winkler similarity of two forms, 0 to 1. */
    static double similarity(String a, String b) {
        return SIMILARITY.apply(a, b);
    }
}
