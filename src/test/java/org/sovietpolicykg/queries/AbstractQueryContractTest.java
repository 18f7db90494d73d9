package org.sovietpolicykg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The contract every engine must keep: each canned query of queries/, run with its default parameters on the same
 * built dataset, gives the golden result of src/test/resources/QueryContractTest/ (NAME.srj for SELECT and ASK,
 * NAME.nt for CONSTRUCT and DESCRIBE): in order where the query has ORDER BY, as a multiset otherwise. One small
 * subclass per engine. A query that needs a feature of one engine only is a bug in the query.
 * <p>
 * Golden files are written by the Jena in-memory engine when run with {@code -Dgolden.update=true}, and that run fails
 * ("goldens updated"): review the diff, then rerun without the switch.
 */
abstract class AbstractQueryContractTest {
    static final Path GOLDEN = Path.of("src/test/resources/QueryContractTest");
    static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);

    /**
     * Every canned query except the federated ones ({@code tags: [federated]}): their answer is joined with another
     * endpoint (Wikidata's) through SERVICE, which RDF4J would call on its own terms and which the tests may never reach
     * (no internet); {@code server.FederationTest} runs them instead, through the server, against a loopback stand-in
     * that serves the offline extract. Nor the one that searches the text index ({@code tags: [text]}), jena-text's, which
     * RDF4J lacks: {@code server.SearchTest} runs it.
     */
    static Stream<String> queries() {
        return CATALOG.all().stream().filter(q -> !q.isFederated() && !q.usesTextIndex()).map(CannedQuery::name);
    }

    /** The engine's results of a SELECT or ASK as rows (ASK: one row with variable "boolean"). */
    abstract List<Map<String, String>> select(String queryText, boolean ask);

    /** The engine's results of a CONSTRUCT or DESCRIBE as N-Triples-like normalised lines. */
    abstract Set<String> construct(String queryText);

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void canned_query_gives_the_golden_result(String name) throws IOException {
        CannedQuery q = CATALOG.get(name);
        Query bound = QueryBinder.bind(q, Map.of(), BaseIri.DEFAULT);
        String text = bound.serialize();
        if (q.isTabular()) {
            Path golden = GOLDEN.resolve(name + ".srj");
            List<Map<String, String>> expected = readGolden(golden);
            List<Map<String, String>> actual = select(text, bound.isAskType());
            assertFalse(expected.isEmpty(), name + ": the golden result is empty; a canned query should answer something");
            if (q.isOrdered())
                assertEquals(expected, actual, name + " (in order)");
            else
                assertEquals(sorted(expected), sorted(actual), name + " (as a multiset)");
        } else {
            Path golden = GOLDEN.resolve(name + ".nt");
            Set<String> expected = normalised(RDFDataMgr.loadGraph(golden.toString(), Lang.NTRIPLES));
            Set<String> actual = construct(text);
            assertTrue(expected.size() > 0, name + ": the golden graph is empty");
            assertEquals(expected, actual, name);
        }
    }

    static List<Map<String, String>> readGolden(Path golden) throws IOException {
        try (InputStream in = Files.newInputStream(golden)) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (json.contains("\"boolean\""))
                return List.of(Map.of("boolean", Boolean.toString(ResultSetMgr.readBoolean(
                        new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        org.apache.jena.riot.resultset.ResultSetLang.RS_JSON))));
            return Rows.of(ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    org.apache.jena.riot.resultset.ResultSetLang.RS_JSON));
        }
    }

    static Set<String> normalised(Graph g) {
        Set<String> out = new TreeSet<>();
        g.find().forEachRemaining(t -> out.add(Rows.jena(t.getSubject()) + " " + Rows.jena(t.getPredicate()) + " " + Rows.jena(t.getObject())));
        return out;
    }

    static List<String> sorted(List<Map<String, String>> rows) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows)
            out.add(new java.util.TreeMap<>(r).toString());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The built dataset, as every engine loads it: the N-Quads of the build. */
    static byte[] nquads() {
        return org.sovietpolicykg.dataset.DatasetWriter.serialise(TestGraphs.real().dataset(), org.sovietpolicykg.vocabulary.BaseIri.DEFAULT).get("dataset.nq");
    }
}
