package org.sovietpolicykg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The read limit ({@code --max-query-reads}) counts every triple a query reads, however Jena evaluates it, and lies far
 * above what the questions of this graph need: every canned query reads less than a hundredth of it, so that the limit
 * only ever stops what a person would not mean (a path over every property, a product of unconnected patterns).
 */
class ReadLimitTest {
    static DatasetGraph dsg;
    static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);

    @BeforeAll
    static void load() {
        dsg = TestGraphs.queryable();
    }

    /** How many triples a query reads through the policy's runner (its reads, added to an enclosing budget's). */
    static long reads(QueryRunner runner, Query q) {
        return Deadline.within(60_000, Long.MAX_VALUE, IllegalStateException::new, () -> {
            runner.table(q);
            return Deadline.reads();
        });
    }

    @Test
    void everyCannedQueryReadsFarLessThanTheLimit() {
        QueryRunner runner = new QueryRunner(dsg, QueryPolicy.withTimeout(30_000));
        Map<String, Long> read = new TreeMap<>();
        for (CannedQuery q : CATALOG.all()) {
            if (q.isFederated())
                continue;
            read.put(q.name(), reads(runner, QueryBinder.bind(q, Map.of(), BaseIri.DEFAULT)));
        }
        long limit = Settings.MAX_QUERY_READS.defaultValue();
        read.forEach((name, n) -> assertTrue(n < limit / 100, name + " read " + n + " triples; the limit is " + limit));
        // the counting is real: the timeline reads the items and their dates
        assertTrue(read.get("timeline") > 100, "timeline read " + read.get("timeline"));
        System.out.println("triples read by the canned queries: " + read);
    }

    @Test
    void aQueryPastTheLimitIsRefusedWithWhatToWriteInstead() {
        QueryRunner runner = new QueryRunner(dsg, QueryPolicy.withTimeout(30_000).withLimits(Limits.DEFAULT.withMaxQueryReads(100_000)));
        BadRequestException e = assertThrows(BadRequestException.class, () -> runner.table(QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("The query read more than 100,000 triples of the graph"), e.getMessage());
        assertTrue(e.getMessage().contains("join the patterns by a variable"), e.getMessage());
        // and under the limit the same runner answers: the people of the essay
        assertTrue(runner.table(QueryFactory.create("SELECT ?p WHERE { ?p a <https://w3id.org/soviet-policy-kg/ontology#Person> }"))
                .rows().size() > 10);
    }

    @Test
    void groupConcatBuildsNoStringLongerThanAMillionCharacters() {
        QueryRunner runner = new QueryRunner(dsg, QueryPolicy.withTimeout(30_000));
        BadRequestException e = assertThrows(BadRequestException.class, () -> runner.table(QueryFactory.create(
                "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?a ?p ?b . ?c ?q ?o }")));
        assertTrue(e.getMessage().startsWith("GROUP_CONCAT built a string of more than 1,048,576 characters"), e.getMessage());
        // as Jena's otherwise, DISTINCT and separator included
        var t = runner.table(QueryFactory.create("SELECT (GROUP_CONCAT(DISTINCT ?l; separator=\"|\") AS ?all) WHERE {"
                + " <https://w3id.org/soviet-policy-kg/id/stalin> <http://www.w3.org/2000/01/rdf-schema#label> ?l, ?l }"));
        assertEquals("Joseph Stalin", t.rows().get(0).get(0).getLiteralLexicalForm());
    }

    @Test
    void aPredicateVariableBoundToABlankNodeMatchesNothingInsteadOfFailing() {
        // the ontology's domains include unions (blank nodes): Jena's join ordering failed on ?x ?d ?y with ?d a blank node
        // (found by bench/Fuzz.java, seed 1941)
        String q = "SELECT DISTINCT * WHERE { ?v2 <http://www.w3.org/2000/01/rdf-schema#domain> ?v1 ."
                + " { ?v1 a <https://w3id.org/soviet-policy-kg/ontology#Idea> } UNION { ?v0 a <http://www.w3.org/2002/07/owl#AllDisjointClasses> }"
                + " <http://www.w3.org/ns/org#Membership> ?v1 ?v1 . ?v3 ?v1 ?v3 . } ORDER BY ?v1 LIMIT 723";
        QueryRunner runner = new QueryRunner(dsg, QueryPolicy.withTimeout(30_000));
        var t = runner.table(QueryFactory.create(q));
        assertEquals(0, t.rows().size());
        // Jena alone, for comparison: the same query fails
        assertThrows(org.apache.jena.sparql.ARQException.class, () -> {
            try (var qe = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(r -> {});
            }
        });
    }
}
