package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.docs.OntologyDocs;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.search.TextSearch;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * One configurable base IRI moves the ontology, the data and the canned queries together, each exactly once. Tried
 * with three bases: the default, another host, and one that shares the default's path ({@code …/soviet-policy-kg/v2/}),
 * under which moving anything twice would show ({@code …/v2/v2/}).
 */
class BaseIriTest {
    static final String DEFAULT = BaseIri.DEFAULT_IRI;
    static final Map<String, Integer> DEFAULT_ROWS = new LinkedHashMap<>();

    static Stream<String> bases() {
        return Stream.of(DEFAULT, "https://example.org/kg/", "https://w3id.org/soviet-policy-kg/v2/");
    }

    @BeforeAll
    static void rowsUnderTheDefaultBase() {
        DEFAULT_ROWS.putAll(rowCounts(TestGraphs.queryable(), BaseIri.DEFAULT));
    }

    /** The number of rows (or triples) of every canned query, with its defaults and examples bound. */
    static Map<String, Integer> rowCounts(DatasetGraph queryable, BaseIri base) {
        QueryCatalog catalog = QueryCatalog.load(Path.of("."), base);
        TextSearch.attach(queryable, base); // for the search query, as the server does
        QueryRunner runner = new QueryRunner(queryable, 10_000);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (CannedQuery q : catalog.all())
            if (!q.isFederated()) // they call Wikidata: FederationTest runs them against a stand-in
                rows.put(q.name(), runner.table(QueryBinder.bind(q, q.example(), base)).rows().size());
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bases")
    void every_iri_moves_to_the_base_once_and_every_canned_query_answers_as_under_the_default(String iri) {
        BaseIri base = BaseIri.of(iri);
        KnowledgeGraph kg = GraphBuilder.create().projectDir(Path.of(".")).baseIri(base).build();
        DatasetGraph q = Datasets.unionView(kg.dataset());
        // every IRI of ours is under the new base, none under the default one alone, none moved twice
        String notOurs = "(STRSTARTS(STR(?x), \"" + DEFAULT + "\") && !STRSTARTS(STR(?x), \"" + iri + "\"))"
                + " || CONTAINS(STR(?x), \"/v2/v2/\")";
        assertEquals(0, Sparql.count(q, "GRAPH ?g { ?s ?p ?o } VALUES ?pos { 1 2 3 4 } BIND(IF(?pos = 1, ?s, IF(?pos = 2, ?p, IF(?pos = 3, ?o, ?g))) AS ?x)"
                + " FILTER(isIRI(?x) && (" + notOurs + "))"));
        assertEquals(1, Sparql.count(q, "<" + iri + "ontology> <http://purl.org/vocab/vann/preferredNamespaceUri> \"" + iri + "ontology#\""));
        assertEquals(1, Sparql.count(q, "<" + iri + "id/molotov> <" + iri + "ontology#replaced> <" + iri + "id/litvinov>"));
        assertEquals(1, Sparql.count(q, "<" + iri + "text/essay/p4/s1> a <" + iri + "ontology#Sentence>"));
        assertTrue(kg.graph(SPD.GRAPH_ONTOLOGY).size() > 1000);

        Map<String, Integer> rows = rowCounts(q, base);
        assertEquals(DEFAULT_ROWS, rows, "every canned query answers the same number of rows under " + iri);
        assertEquals(14, rows.get("domestic-foreign-links"), "the essay's 14 domestic-foreign links");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bases")
    void a_prefixed_name_given_by_a_user_and_the_ontology_docs_follow_the_base(String iri) {
        BaseIri base = BaseIri.of(iri);
        KnowledgeGraph kg = GraphBuilder.create().projectDir(Path.of(".")).baseIri(base).build();
        QueryCatalog catalog = QueryCatalog.load(Path.of("."), base);
        QueryRunner runner = new QueryRunner(Datasets.unionView(kg.dataset()), 10_000);
        int molotov = runner.table(QueryBinder.bind(catalog.get("actor"), Map.of("actor", "spd:molotov"), base)).rows().size();
        int molotovByIri = runner.table(QueryBinder.bind(catalog.get("actor"), Map.of("actor", iri + "id/molotov"), base)).rows().size();
        assertTrue(molotov > 3, "spd:molotov is read under " + iri);
        assertEquals(molotov, molotovByIri);
        String docs = OntologyDocs.html(kg.graph(SPD.GRAPH_ONTOLOGY), base);
        assertTrue(docs.contains("id=\"DomesticForeignLink\""), "the ontology's classes are documented under the new base");
        assertTrue(docs.contains(iri + "ontology#DomesticForeignLink"));
        // the worked example's editor link carries the ontology namespace of this base, and no other
        String encodedNs = URLEncoder.encode("<" + iri + "ontology#>", StandardCharsets.UTF_8);
        assertTrue(docs.contains("/editor?query=PREFIX+spo%3A+" + encodedNs), "the example query runs under " + iri);
    }

    @Test
    void a_base_that_is_not_an_http_iri_ending_in_a_slash_is_refused_by_name() {
        ConfigException e = assertThrows(ConfigException.class, () -> BaseIri.of("example.org/kg"));
        assertEquals("Illegal base IRI=example.org/kg: expected an http(s) IRI ending in '/', e.g. https://w3id.org/soviet-policy-kg/",
                e.getMessage());
    }

    @Test
    void local_paths_belong_to_the_base_alone() {
        BaseIri v2 = BaseIri.of("https://w3id.org/soviet-policy-kg/v2/");
        assertEquals("/id/litvinov", v2.localPath("https://w3id.org/soviet-policy-kg/v2/id/litvinov").orElseThrow());
        assertTrue(v2.localPath("https://w3id.org/soviet-policy-kg/id/litvinov").isEmpty(), "an IRI of the default base is not ours under v2");
        assertEquals("https://www.wikidata.org/entity/Q855", v2.href("https://www.wikidata.org/entity/Q855"));
        assertEquals("https://w3id.org/soviet-policy-kg/v2/id/", v2.prefixes().getMapping().get("spd"));
    }
}
