package org.sovietpolicykg.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Matches names (a researcher's list, OpenRefine's queries) to the entities of the graph, for the Reconciliation
 * Service API and the {@code reconcile} command. A name matches an entity by its label ({@link MatchType#EXACT}), a
 * name the essay uses for it ({@link MatchType#ALIAS}, e.g. "Hermann Goering"), the essay's own misspelling
 * ({@link MatchType#VARIANT}, "Litvoniv"), a single word of one of those that no other entity shares
 * ({@link MatchType#PARTIAL}, "Litvinov", "Göring"), or, below the match threshold and never certain, by similarity
 * ({@link MatchType#FUZZY}). Names are compared case-, accent- and punctuation-blind, and German umlauts also as
 * their two-letter spellings, so that "Goering" and "Göring" are the same name.
 * <pre>
 *   Reconciler r = Reconciler.of(queryable, base);
 *   r.reconcile("Litvoniv", List.of("Person"), 3);   // [Maxim Litvinov, score 90, essay variant, match]
 * </pre>
 */
public final class Reconciler {
    /** Scores at or above this are certain matches; fuzzy candidates always score below it. */
    public static final double MATCH_THRESHOLD = 80;
    /** The least similarity (Jaro-Winkler, 0 to 1) for a fuzzy candidate to be offered at all. */
    static final double FUZZY_MIN = 0.85;

    public enum MatchType {
        EXACT("exact", 100), ALIAS("alias", 95), VARIANT("essay variant", 90), PARTIAL("partial", 85), FUZZY("fuzzy", 0);

        private final String label;
        private final double score;

        MatchType(String label, double score) {
            this.label = label;
            this.score = score;
        }

        /** How the match type is written in answers and files: exact, alias, essay variant, partial, fuzzy. */
        public String label() {
            return label;
        }
    }

    /** A class of the ontology that entities belong to: its local name (the type id), label, and how many entities. */
    public record Type(String id, String iri, String name, int count) {}

    /** An entity as the matching sees it. */
    public record Entity(String id, String iri, String label, List<String> aliases, List<String> variants, List<String> types,
            Optional<String> description, Optional<String> qid) {}

    /** A candidate for a name: the entity, a score from 0 to 100, how it matched, and whether that is certain. */
    public record Candidate(Entity entity, double score, MatchType type, boolean match) {}

    private static final String ENTITIES = """
            PREFIX spo:  <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?e ?label ?alias ?variant ?type ?description ?qid WHERE {
              GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> {
                ?e rdfs:label ?label ; a ?asserted .
                OPTIONAL { ?e spo:nameInEssay ?alias }
                OPTIONAL { ?e spo:variantSpelling ?variant }
                OPTIONAL { ?e dcterms:description ?description }
              }
              GRAPH <https://w3id.org/soviet-policy-kg/graph/ontology> { ?asserted rdfs:subClassOf* ?type }
              FILTER(STRSTARTS(STR(?e), "https://w3id.org/soviet-policy-kg/id/"))
              FILTER(STRSTARTS(STR(?type), "https://w3id.org/soviet-policy-kg/ontology#"))
              OPTIONAL { GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> { ?e spo:wikidata ?item } }
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
    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

    private Reconciler(List<Entity> entities, List<Type> types, String idSpace, String typeSpace) {
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
                    typeIds, Optional.ofNullable((String) r.get("description")), Optional.ofNullable((String) r.get("qid"))));
        });
        List<Type> types = new ArrayList<>();
        counts.forEach((id, n) -> types.add(new Type(id, typeSpace + id, typeNames.getOrDefault(typeSpace + id, id), n)));
        return new Reconciler(entities, types, idSpace, typeSpace);
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
        Set<String> query = forms(name);
        if (query.isEmpty() || limit <= 0)
            return List.of();
        List<String> wanted = typeIds.stream().map(t -> t.startsWith(typeSpace) ? t.substring(typeSpace.length()) : t).toList();
        List<Entity> pool = entities.stream().filter(e -> wanted.isEmpty() || e.types().stream().anyMatch(wanted::contains)).toList();
        List<Candidate> found = new ArrayList<>();
        List<Candidate> partial = new ArrayList<>();
        for (Entity e : pool) {
            MatchType t = null;
            if (intersects(query, forms(e.label())))
                t = MatchType.EXACT;
            else if (e.aliases().stream().anyMatch(a -> intersects(query, forms(a))))
                t = MatchType.ALIAS;
            else if (e.variants().stream().anyMatch(v -> intersects(query, forms(v))))
                t = MatchType.VARIANT;
            else if (isOneWord(query)) {
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
                found.add(new Candidate(e, t.score, t, true));
        }
        // one word of a name is certain only when it is most of one entity's name, no other's, and nothing matched better
        long strong = partial.stream().filter(c -> c.score() >= MATCH_THRESHOLD).count();
        for (Candidate c : partial)
            found.add(new Candidate(c.entity(), c.score(), MatchType.PARTIAL, strong == 1 && c.score() >= MATCH_THRESHOLD && found.isEmpty()));
        if (found.isEmpty())
            for (Entity e : pool) {
                double best = 0;
                for (String n : names(e))
                    for (String f : forms(n))
                        for (String q : query)
                            best = Math.max(best, similarity.apply(q, f));
                if (best >= FUZZY_MIN)
                    // scaled into [0, MATCH_THRESHOLD): a fuzzy candidate is never a certain match
                    found.add(new Candidate(e, Math.floor(best * (MATCH_THRESHOLD - 1) * 10) / 10, MatchType.FUZZY, false));
            }
        found.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.entity().label()).thenComparing(c -> c.entity().id()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** Entities whose label, a name in the essay or a word of one begins with {@code prefix}, labels in order, at most {@code limit}. */
    public List<Entity> suggest(String prefix, int limit) {
        Set<String> p = forms(prefix);
        if (p.isEmpty())
            return List.of();
        return entities.stream().filter(e -> names(e).stream().anyMatch(n -> {
            for (String f : forms(n))
                for (String q : p)
                    if (f.startsWith(q) || (" " + f).contains(" " + q))
                        return true;
            return false;
        })).sorted(Comparator.comparing(Entity::label).thenComparing(Entity::id)).limit(Math.max(0, limit)).toList();
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
        return forms(name).stream().findFirst().map(f -> f.split(" ").length).orElse(1);
    }

    /** The words of a name's forms ("Hermann Göring": hermann, goring, goering). */
    private static Set<String> words(String name) {
        Set<String> w = new LinkedHashSet<>();
        for (String f : forms(name))
            for (String x : f.split(" "))
                if (x.length() >= 3)
                    w.add(x);
        return w;
    }

    /**
     * The comparable forms of a name: lower case, accents dropped, punctuation as spaces; and, if it has German umlauts
     * or ß, also with those spelled out (ö as oe), as in "Goering".
     */
    static Set<String> forms(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null)
            return out;
        String spelledOut = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss");
        for (String s : List.of(name, spelledOut)) {
            String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            if (!n.isEmpty())
                out.add(n);
        }
        return out;
    }
}
