package org.sovietpolicykg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.search.SimilarNames;
import org.sovietpolicykg.search.TextSearch;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Matches names (a researcher's list, OpenRefine's queries) to the entities of the graph, for the Reconciliation
 * Service API and the {@code reconcile} command. A name matches an entity by its label ({@link MatchType#EXACT}), a
 * name the essay uses for it ({@link MatchType#ALIAS}, e.g. "Hermann Goering"), a label of its Wikidata item in
 * English, Russian or German, or one of its aliases, from the Wikidata extract ({@link MatchType#WIKIDATA}, "Sowjetunion", "СССР", "Иосиф Сталин"), the
 * essay's own misspelling ({@link MatchType#VARIANT}, "Litvoniv"), a form of a person's name
 * ({@link MatchType#NAME_FORM}: "Stalin, J.", "V. I. Lenin"), a single word of a name that no other entity shares
 * ({@link MatchType#PARTIAL}, "Litvinov", "Göring"), or by similarity ({@link MatchType#FUZZY}, "Molotoff": the
 * candidates those the text index finds with a name like a word of the query, {@link SimilarNames}, or, when it finds
 * none similar enough, every entity). Names are
 * compared as {@link NameForms} has them: case-, accent- and punctuation-blind, umlauts also spelled out, Cyrillic also
 * in Latin letters.
 * <p>
 * The candidates come best first; at equal scores, people first for a query that reads as a person's name. The best
 * is a certain {@code match} (what OpenRefine matches without asking) when it scores at least
 * {@link #MATCH_THRESHOLD} and no other candidate scores as much, or, for a fuzzy one, when it is very similar
 * ({@link #FUZZY_AUTO}) and clearly ahead of the next ({@link #FUZZY_LEAD}).
 * <pre>
 *   Reconciler r = Reconciler.of(queryable, base);
 *   r.reconcile("Litvoniv", List.of("Person"), 3);   // [Maxim Litvinov, score 90, essay variant, match]
 * </pre>
 */
public final class Reconciler {
    /** Scores at or above this can be certain matches; fuzzy candidates always score below it. */
    public static final double MATCH_THRESHOLD = 80;
    /** The least similarity (Jaro-Winkler, 0 to 1) for a fuzzy candidate to be offered at all. */
    static final double FUZZY_MIN = 0.85;
    /** The least similarity for a fuzzy candidate to be matched without asking, if it is clearly ahead. */
    static final double FUZZY_AUTO = 0.9;
    /** How far ahead of the next entity a fuzzy candidate must be (in similarity) to be matched without asking. */
    static final double FUZZY_LEAD = 0.05;
    /** The score of a person whose surname the query has, with given names that do not fit: offered, never certain. */
    static final double SURNAME_ONLY = 70;
    /** The most resources the text index offers as fuzzy candidates of one name. */
    static final int FUZZY_CANDIDATES = 1_000;

    public enum MatchType {
        EXACT("exact", 100), ALIAS("alias", 95), WIKIDATA("Wikidata label", 95), VARIANT("essay variant", 90),
        NAME_FORM("name form", 90), PARTIAL("partial", 85), FUZZY("fuzzy", 0);

        private final String label;
        private final double score;

        MatchType(String label, double score) {
            this.label = label;
            this.score = score;
        }

        /** How the match type is written in answers and files: exact, alias, Wikidata label, essay variant, name form, partial, fuzzy. */
        public String label() {
            return label;
        }
    }

    /** A class of the ontology that entities belong to: its local name (the type id), label, and how many entities. */
    public record Type(String id, String iri, String name, int count) {}

    /**
     * An entity as the matching sees it: its names (label, the essay's names, the essay's variant spellings, the labels
     * of its Wikidata item as the extract has them), its classes, description and QID.
     */
    public record Entity(String id, String iri, String label, List<String> aliases, List<String> variants, List<String> wikidataLabels,
            List<String> types, Optional<String> description, Optional<String> qid) {

        /** Whether the entity is a person (a Person, or of a subclass: Historian, Author). */
        public boolean isPerson() {
            return types.contains("Person");
        }
    }

    /** A candidate for a name: the entity, a score from 0 to 100, how it matched, and whether that is certain. */
    public record Candidate(Entity entity, double score, MatchType type, boolean match) {}

    private static final String ENTITIES = """
            PREFIX spo:  <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?e ?label ?alias ?variant ?type ?description ?qid ?wikidataLabel WHERE {
              GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> {
                ?e rdfs:label ?label ; a ?asserted .
                OPTIONAL { ?e spo:nameInEssay ?alias }
                OPTIONAL { ?e spo:variantSpelling ?variant }
                OPTIONAL { ?e dcterms:description ?description }
              }
              GRAPH <https://w3id.org/soviet-policy-kg/graph/ontology> { ?asserted rdfs:subClassOf* ?type }
              FILTER(STRSTARTS(STR(?e), "https://w3id.org/soviet-policy-kg/id/"))
              FILTER(STRSTARTS(STR(?type), "https://w3id.org/soviet-policy-kg/ontology#"))
              OPTIONAL {
                GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> { ?e spo:wikidata ?item }
                OPTIONAL { GRAPH <https://w3id.org/soviet-policy-kg/graph/wikidata> { ?item rdfs:label|skos:altLabel ?wikidataLabel } }
              }
              BIND(STRAFTER(STR(?item), "http://www.wikidata.org/entity/") AS ?qid)
            }
            ORDER BY ?e
            """;

    private static final String TYPE_LABELS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?type ?name WHERE {
              GRAPH <https://w3id.org/soviet-policy-kg/graph/ontology> { ?type rdfs:label ?name FILTER(LANGMATCHES(LANG(?name), "en")) }
            }
            """;

    private final List<Entity> entities;
    private final List<Type> types;
    private final String idSpace;
    private final String typeSpace;
    private final SimilarNames names;

    private Reconciler(List<Entity> entities, List<Type> types, String idSpace, String typeSpace, TextIndex index) {
        this.names = SimilarNames.in(index);
        this.entities = List.copyOf(entities);
        this.types = List.copyOf(types);
        this.idSpace = idSpace;
        this.typeSpace = typeSpace;
    }

    /** The entities of a dataset (named graphs, or their queryable union view) under a base IRI. */
    public static Reconciler of(DatasetGraph dsg, BaseIri base) {
        String idSpace = base.iri("https://w3id.org/soviet-policy-kg/id/");
        String typeSpace = base.iri("https://w3id.org/soviet-policy-kg/ontology#");
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, String> typeNames = new TreeMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(base.sparql(TYPE_LABELS)).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    typeNames.putIfAbsent(s.getResource("type").getURI(), s.getLiteral("name").getLexicalForm());
                }
            }
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(base.sparql(ENTITIES)).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String iri = s.getResource("e").getURI();
                    Map<String, Object> r = rows.computeIfAbsent(iri, k -> new LinkedHashMap<>());
                    r.putIfAbsent("label", s.getLiteral("label").getLexicalForm());
                    add(r, "alias", s, "alias");
                    add(r, "variant", s, "variant");
                    add(r, "type", s, "type");
                    add(r, "wikidata", s, "wikidataLabel");
                    if (s.contains("description"))
                        r.putIfAbsent("description", s.getLiteral("description").getLexicalForm());
                    if (s.contains("qid") && !s.getLiteral("qid").getLexicalForm().isEmpty())
                        r.putIfAbsent("qid", s.getLiteral("qid").getLexicalForm());
                }
            }
        });
        List<Entity> entities = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach((iri, r) -> {
            List<String> typeIds = values(r, "type").stream().map(t -> t.substring(typeSpace.length())).sorted().toList();
            typeIds.forEach(t -> counts.merge(t, 1, Integer::sum));
            entities.add(new Entity(iri.substring(idSpace.length()), iri, (String) r.get("label"), values(r, "alias"), values(r, "variant"),
                    values(r, "wikidata"), typeIds, Optional.ofNullable((String) r.get("description")), Optional.ofNullable((String) r.get("qid"))));
        });
        List<Type> types = new ArrayList<>();
        counts.forEach((id, n) -> types.add(new Type(id, typeSpace + id, typeNames.getOrDefault(typeSpace + id, id), n)));
        // the text index of the dataset (the one the server serves, made now if it has none) gives the fuzzy candidates
        return new Reconciler(entities, types, idSpace, typeSpace, TextSearch.attach(dsg, base));
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> r, String key, QuerySolution s, String var) {
        if (s.contains(var)) {
            String v = s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.getResource(var).getURI();
            ((Set<String>) r.computeIfAbsent(key, k -> new LinkedHashSet<String>())).add(v);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> values(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? List.of() : List.copyOf((Set<String>) v);
    }

    /** Every entity, in IRI order. */
    public List<Entity> entities() {
        return entities;
    }

    /** The classes entities belong to (directly or through a superclass), in id order, with their counts. */
    public List<Type> types() {
        return types;
    }

    /** The namespace of the entity ids: {@code id} + this = the entity's IRI. */
    public String identifierSpace() {
        return idSpace;
    }

    /** The namespace of the type ids (the ontology's). */
    public String schemaSpace() {
        return typeSpace;
    }

    /** The entity of an id (the IRI's last segment, e.g. {@code litvinov}) or of a full IRI. */
    public Optional<Entity> entity(String idOrIri) {
        String id = idOrIri.startsWith(idSpace) ? idOrIri.substring(idSpace.length()) : idOrIri;
        return entities.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The candidates for a name, best first, at most {@code limit}; restricted to entities of one of {@code typeIds}
     * (local names such as {@code Person}, or full class IRIs) unless that is empty.
     */
    public List<Candidate> reconcile(String name, List<String> typeIds, int limit) {
        Set<String> query = NameForms.of(name);
        if (query.isEmpty() || limit <= 0)
            return List.of();
        List<String> wanted = typeIds.stream().map(t -> t.startsWith(typeSpace) ? t.substring(typeSpace.length()) : t).toList();
        List<Entity> pool = entities.stream().filter(e -> wanted.isEmpty() || e.types().stream().anyMatch(wanted::contains)).toList();
        List<Candidate> found = new ArrayList<>();
        List<Candidate> partial = new ArrayList<>();
        for (Entity e : pool) {
            MatchType t = null;
            double score = 0;
            if (intersects(query, NameForms.of(e.label())))
                t = MatchType.EXACT;
            else if (anyIntersects(query, e.aliases()))
                t = MatchType.ALIAS;
            else if (anyIntersects(query, e.wikidataLabels()))
                t = MatchType.WIKIDATA;
            else if (anyIntersects(query, e.variants()))
                t = MatchType.VARIANT;
            else if (e.isPerson()) {
                score = personal(query, e);
                if (score >= MATCH_THRESHOLD)
                    t = MatchType.NAME_FORM;
                else if (score > 0)
                    partial.add(new Candidate(e, score, MatchType.PARTIAL, false));
            }
            if (t == null && score == 0 && isOneWord(query)) {
                // one word of a name: how much of the name it is (Göring is half of "Hermann Göring", a sixth of
                // "Soviet-German trade talks with Göring")
                double share = 0;
                for (String n : names(e))
                    if (intersects(query, words(n)))
                        share = Math.max(share, 1.0 / wordCount(n));
                if (share > 0)
                    partial.add(new Candidate(e, share >= 0.5 ? MatchType.PARTIAL.score : Math.floor((50 + 50 * share) * 10) / 10,
                            MatchType.PARTIAL, false));
            }
            if (t != null)
                found.add(new Candidate(e, t == MatchType.NAME_FORM ? score : t.score, t, false));
        }
        found.addAll(partial);
        if (found.isEmpty()) {
            found.addAll(fuzzyCandidates(query, similar(query, pool)));
            // the index has a word's stem ("franc" of France): a misspelling at a word's end ("Fracne") can miss it;
            // then every entity of the pool is compared, as for a name the graph does not have
            if (found.isEmpty())
                found.addAll(fuzzyCandidates(query, pool));
        }
        boolean people = NameForms.personShaped(name);
        found.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> people && c.entity().isPerson() ? 0 : 1)
                .thenComparing(c -> c.entity().label()).thenComparing(c -> c.entity().id()));
        if (!found.isEmpty() && certain(query, found))
            found.set(0, new Candidate(found.get(0).entity(), found.get(0).score(), found.get(0).type(), true));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** The entities similar enough to the query to be offered, scored into [0, MATCH_THRESHOLD): never a certain score. */
    private List<Candidate> fuzzyCandidates(Set<String> query, List<Entity> entities) {
        List<Candidate> found = new ArrayList<>();
        for (Entity e : entities) {
            double best = fuzzy(query, e);
            if (best >= FUZZY_MIN)
                found.add(new Candidate(e, Math.floor(best * (MATCH_THRESHOLD - 1) * 10) / 10, MatchType.FUZZY, false));
        }
        return found;
    }

    /**
     * The entities of a pool that the text index finds with a name like a word of the query ({@link SimilarNames}):
     * the candidates of a fuzzy match, which are then scored by their similarity.
     */
    private List<Entity> similar(Set<String> query, List<Entity> pool) {
        Set<String> words = new LinkedHashSet<>();
        for (String f : query)
            words.addAll(List.of(f.split(" ")));
        Set<String> iris = names.of(words, FUZZY_CANDIDATES);
        return pool.stream().filter(e -> iris.contains(e.iri())).toList();
    }

    /** Whether the best of some candidates (sorted) is certain: see the class's description. */
    private static boolean certain(Set<String> query, List<Candidate> sorted) {
        Candidate best = sorted.get(0);
        Candidate next = sorted.size() > 1 ? sorted.get(1) : null;
        if (best.type() == MatchType.FUZZY) {
            double similarity = best.score() / (MATCH_THRESHOLD - 1);
            double nextSimilarity = next == null ? 0 : next.score() / (MATCH_THRESHOLD - 1);
            return similarity >= FUZZY_AUTO - 0.001 && similarity - nextSimilarity >= FUZZY_LEAD && !extendsAName(query, best.entity());
        }
        return best.score() >= MATCH_THRESHOLD && (next == null || next.score() < best.score());
    }

    /**
     * Whether the query is one of the entity's names with letters added or dropped at its end ("Litvinova" of
     * "Litvinov", a woman's form of the surname, perhaps another person; "Five Year Plan" of "Five Year Plans"): similar,
     * but never matched without asking. A spelling that differs inside ("Molotoff", "Komintern") can be.
     */
    private static boolean extendsAName(Set<String> query, Entity e) {
        for (String n : names(e))
            for (String f : NameForms.of(n))
                for (String q : query) {
                    String last = f.substring(f.lastIndexOf(' ') + 1);
                    if ((q.startsWith(f) || f.startsWith(q)) || (e.isPerson() && !q.contains(" ") && (q.startsWith(last) || last.startsWith(q))))
                        return true;
                }
        return false;
    }

    /**
     * The best score of a query as a form of a person's name ({@link NameForms#personal}), over the names of the
     * entity with two words or more; {@link #SURNAME_ONLY} when the query has a surname of the entity and other words
     * that fit none of its given names; 0 when it names the person in no such way.
     */
    private static double personal(Set<String> query, Entity e) {
        double best = 0;
        boolean surname = false;
        for (String n : personalNames(e))
            for (String nf : NameForms.of(n)) {
                String last = nf.substring(nf.lastIndexOf(' ') + 1);
                for (String qf : query) {
                    best = Math.max(best, NameForms.personal(qf, nf).orElse(0.0));
                    String[] w = qf.split(" ");
                    if (w.length >= 2 && (w[w.length - 1].equals(last) || w[0].equals(last)) && nf.contains(" "))
                        surname = true;
                }
            }
        return best > 0 ? best : surname ? SURNAME_ONLY : 0;
    }

    /** The names of a person in which given names can be told from the surname: label, the essay's names, Wikidata's labels. */
    private static List<String> personalNames(Entity e) {
        List<String> all = new ArrayList<>();
        all.add(e.label());
        all.addAll(e.aliases());
        all.addAll(e.wikidataLabels());
        return all;
    }

    /**
     * The best similarity of a query to an entity's names, 0 to 1; for a one-word query, also to each surname of a
     * person ("Trotzki" to Trotsky, whom the essay names "Leon Trotsky" only).
     */
    private double fuzzy(Set<String> query, Entity e) {
        double best = 0;
        for (String n : names(e))
            for (String f : NameForms.of(n))
                for (String q : query) {
                    best = Math.max(best, NameForms.similarity(q, f));
                    if (e.isPerson() && !q.contains(" ") && f.contains(" "))
                        best = Math.max(best, NameForms.similarity(q, f.substring(f.lastIndexOf(' ') + 1)));
                }
        return best;
    }

    private static boolean anyIntersects(Set<String> query, List<String> names) {
        for (String n : names)
            if (intersects(query, NameForms.of(n)))
                return true;
        return false;
    }

    /**
     * Entities whose label, a name in the essay, a Wikidata label or a word of one begins with {@code prefix}, at most
     * {@code limit}: for a prefix that reads as a person's name, people first ("Lit" gives Maxim Litvinov before the
     * Dismissal of Litvinov and his tenures); then those whose label begins with it, those with another name that does,
     * those with a word that does; then the shorter name, then the label.
     */
    public List<Entity> suggest(String prefix, int limit) {
        Set<String> p = NameForms.of(prefix);
        if (p.isEmpty())
            return List.of();
        boolean people = NameForms.personShaped(prefix);
        record Hit(Entity entity, int rank, int words) {}
        List<Hit> hits = new ArrayList<>();
        for (Entity e : entities) {
            int rank = Integer.MAX_VALUE, words = Integer.MAX_VALUE;
            List<String> names = names(e);
            names.addAll(e.wikidataLabels());
            for (int i = 0; i < names.size(); i++)
                for (String f : NameForms.of(names.get(i)))
                    for (String q : p) {
                        int r = f.startsWith(q) ? (i == 0 ? 0 : 1) : (" " + f).contains(" " + q) ? 2 : Integer.MAX_VALUE;
                        int w = f.split(" ").length;
                        if (r < rank || (r == rank && w < words)) {
                            rank = r;
                            words = w;
                        }
                    }
            if (rank != Integer.MAX_VALUE)
                hits.add(new Hit(e, rank, words));
        }
        return hits.stream().sorted(Comparator.<Hit>comparingInt(h -> people && h.entity().isPerson() ? 0 : 1).thenComparingInt(Hit::rank)
                .thenComparingInt(Hit::words).thenComparing(h -> h.entity().label()).thenComparing(h -> h.entity().id()))
                .limit(Math.max(0, limit)).map(Hit::entity).toList();
    }

    private static List<String> names(Entity e) {
        List<String> all = new ArrayList<>();
        all.add(e.label());
        all.addAll(e.aliases());
        all.addAll(e.variants());
        return all;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a)
            if (b.contains(x))
                return true;
        return false;
    }

    private static boolean isOneWord(Set<String> forms) {
        return forms.stream().allMatch(f -> !f.contains(" ") && f.length() >= 3);
    }

    /** How many words a name has ("Hermann Göring": 2). */
    private static int wordCount(String name) {
        return NameForms.of(name).stream().findFirst().map(f -> f.split(" ").length).orElse(1);
    }

    /** The words of a name's forms ("Hermann Göring": hermann, goring, goering). */
    private static Set<String> words(String name) {
        Set<String> w = new LinkedHashSet<>();
        for (String f : NameForms.of(name))
            for (String x : f.split(" "))
                if (x.length() >= 3)
                    w.add(x);
        return w;
    }

}
