package org.sovietpolicykg.draft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.Ref;
import org.sovietpolicykg.graph.MentionFinder;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;

/**
 * A first curation of a new text, for a curator to review: the mentions of the entities the project knows, found by
 * their names; the names the text uses for a known entity that it does not have yet (misspellings and short forms,
 * matched by the reconciliation scorer: "Molotoff" for {@code molotov}); the candidate entities (capitalised names the
 * project does not know, with their sentences, a proposed class and Wikidata candidates); the years the text names;
 * and the sentences nothing was found in. The candidates become the entities of {@code curation/draft.yaml}, each marked
 * as unreviewed.
 * <pre>
 *   Draft d = Draft.of(text, Segmentation.of(text), curation.entities(), reconciler, name -&gt; List.of());
 * </pre>
 */
public record Draft(Map<String, Integer> known, Map<String, Set<String>> variants, List<Candidate> candidates, Map<String, List<String>> years,
        List<String> unannotated) {

    /** A name the project does not know: its form, the sentences it is in, a proposed class, and Wikidata candidates. */
    public record Candidate(String form, String id, String proposedClass, List<String> sentences, List<String> wikidata) {}

    /** The score from which a name is taken for a known entity's (the reconciliation scorer's 0 to 100). */
    public static final double VARIANT_SCORE = 70;

    private static final Pattern NAME = Pattern.compile("(?U)(?<![\\w’'])\\p{Lu}[\\w\\-]*(?:\\s+\\p{Lu}[\\w\\-]*)*");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[0-9]{3}|20[0-9]{2})s?(?![0-9])");
    /** Words that start sentences and phrases without naming anything. */
    private static final Set<String> ORDINARY = Set.of("A", "An", "The", "In", "On", "At", "By", "For", "From", "Of", "To", "With", "And",
            "But", "Or", "As", "When", "While", "After", "Before", "Later", "Then", "This", "That", "These", "Those", "It", "He", "She",
            "They", "We", "I", "His", "Her", "Their", "Its", "There", "Here", "Yet", "So", "Not", "Which", "What", "Who", "However",
            "Abroad", "Although", "Though", "If", "Once", "Only", "Even", "Such", "Both", "Each", "All", "Some", "Many", "Most");

    /**
     * The draft of a text: {@code known} the entities the rest of the project declares, {@code reconciler} their index,
     * {@code wikidata} Wikidata candidates for a name from elsewhere (a search API, or none).
     */
    public static Draft of(SourceText text, Segmentation segments, List<Declarations.Entity> known, Reconciler reconciler,
            Function<String, List<String>> wikidata) {
        List<MentionFinder.Name> names = new ArrayList<>();
        for (Declarations.Entity d : known) {
            List<Ref> forms = d.implicit() ? d.names() : d.names().isEmpty() && d.variants().isEmpty() ? List.of(d.label()) : d.names();
            forms.forEach(n -> names.add(new MentionFinder.Name(d.id().value(), n.value(), false)));
            d.variants().forEach(n -> names.add(new MentionFinder.Name(d.id().value(), n.value(), true)));
        }
        List<MentionFinder.Mention> mentions = MentionFinder.find(text, names);
        Map<String, Integer> knownCounts = new TreeMap<>();
        mentions.forEach(m -> knownCounts.merge(m.entityId(), 1, Integer::sum));

        Map<String, Set<String>> variants = new TreeMap<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<String, List<String>> years = new TreeMap<>();
        List<String> unannotated = new ArrayList<>();
        for (Segment s : segments.sentences()) {
            String id = "p" + s.paragraph() + "-s" + s.sentence();
            boolean found = mentions.stream().anyMatch(m -> s.start() <= m.start() && m.end() <= s.end());
            Matcher y = YEAR.matcher(s.text());
            while (y.find())
                years.computeIfAbsent(y.group(), k -> new ArrayList<>()).add(id);
            Matcher n = NAME.matcher(s.text());
            while (n.find()) {
                String form = withoutOrdinaryWords(n.group());
                if (form.isEmpty())
                    continue;
                int start = s.start() + s.text().codePointCount(0, n.start() + n.group().indexOf(form));
                int end = start + form.codePointCount(0, form.length());
                if (mentions.stream().anyMatch(m -> m.start() < end && start < m.end()))
                    continue; // a name the project knows
                List<Reconciler.Candidate> best = reconciler.reconcile(form, List.of(), 3);
                if (!best.isEmpty() && best.get(0).score() >= VARIANT_SCORE) {
                    variants.computeIfAbsent(best.get(0).entity().id(), k -> new LinkedHashSet<>()).add(form);
                    found = true;
                    continue;
                }
                // one capitalised word that opens the sentence is a name only when it is a known entity's
                if (n.start() == 0 && !form.contains(" "))
                    continue;
                Candidate c = candidates.get(form);
                if (c == null) {
                    List<String> wd = new ArrayList<>();
                    best.stream().filter(b -> b.score() >= 40 && b.entity().qid().isPresent())
                            .forEach(b -> wd.add(b.entity().qid().get() + " (" + b.entity().label() + ", the graph's, score "
                                    + Math.round(b.score()) + ")"));
                    wd.addAll(wikidata.apply(form));
                    c = new Candidate(form, slug(form), proposedClass(form, best), new ArrayList<>(), wd);
                    candidates.put(form, c);
                }
                if (!c.sentences().contains(id))
                    c.sentences().add(id);
                found = true;
            }
            if (!found)
                unannotated.add(id);
        }
        return new Draft(knownCounts, variants, new ArrayList<>(candidates.values()), years, unannotated);
    }

    /** A name without the ordinary words a sentence or phrase starts with ("In London" is London). */
    static String withoutOrdinaryWords(String name) {
        String[] words = name.split("\\s+");
        int i = 0;
        while (i < words.length && ORDINARY.contains(words[i]))
            i++;
        return String.join(" ", Arrays.copyOfRange(words, i, words.length));
    }

    /** A person for a name of two or more words, else the class of the nearest entity the index has, else a person. */
    static String proposedClass(String form, List<Reconciler.Candidate> best) {
        if (form.contains(" "))
            return "Person";
        return best.stream().filter(b -> b.score() >= 40).findFirst().flatMap(b -> b.entity().types().stream().findFirst()).orElse("Person");
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("[^a-z0-9-]", "").replaceAll("^-+|-+$", "")
                .replaceAll("-+", "-");
        return s.isEmpty() ? "candidate" : s;
    }

    /** The curation file of the draft: the candidates as entities, each marked {@code reviewed: false}. */
    public Map<String, Object> document() {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", c.id());
            e.put("reviewed", false);
            e.put("type", c.proposedClass());
            e.put("label", c.form());
            e.put("names", List.of(c.form()));
            e.put("description", "Proposed by draft; unreviewed: a candidate named in " + String.join(", ", c.sentences())
                    + (c.wikidata().isEmpty() ? "" : "; Wikidata candidates: " + String.join("; ", c.wikidata())) + ".");
            entities.add(e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("entities", entities);
        return doc;
    }

    /** The summary that {@code draft} prints. */
    public List<String> summary() {
        List<String> l = new ArrayList<>();
        l.add(known.values().stream().mapToInt(Integer::intValue).sum() + " mentions of " + known.size() + " known entities, found by their names: "
                + known);
        l.add(variants.size() + " known entities named by a form they do not have yet (add it to their names: or variants:):");
        variants.forEach((id, forms) -> l.add("  " + forms + " proposed as a name of " + id));
        l.add(candidates.size() + " candidate entities (in draft.yaml, unreviewed):");
        candidates.forEach(c -> l.add("  " + c.form() + " (" + c.proposedClass() + ", " + String.join(", ", c.sentences()) + ")"
                + (c.wikidata().isEmpty() ? "" : ": Wikidata " + c.wikidata())));
        l.add("Years: " + (years.isEmpty() ? "none" : years.toString()));
        l.add(unannotated.size() + " sentences with nothing found" + (unannotated.isEmpty() ? "" : ": " + String.join(", ", unannotated)));
        return l;
    }

    /** The draft's first line, by which {@code draft} knows a file it wrote (and may write again). */
    public static final String MARK = "# Written by `draft`: a first curation for a curator to review; every entity in it is unreviewed.";
}
