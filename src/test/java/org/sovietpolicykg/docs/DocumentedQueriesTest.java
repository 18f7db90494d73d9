package org.sovietpolicykg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Every SPARQL example in the READMEs states its answer in a paragraph that starts with {@code Answer (N rows):}, its
 * key values in backticks; each example is run on the real graph and must give that many rows and every value stated
 * (as an IRI or a literal's lexical form in some cell). Example files the README names hold the same query.
 */
class DocumentedQueriesTest {
    static final List<String> DOCS = List.of("README.md", "ontology/README.md", "data/README.md");
    static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT);
    static final Pattern BLOCK = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL);
    static final Pattern ANSWER = Pattern.compile("\\n\\nAnswer \\((\\d+) rows?\\): (.*?)(?:\\n\\n|$)", Pattern.DOTALL);
    static final Pattern VALUE = Pattern.compile("`([^`]+)`");
    /** After an answer: the canned query that answers the same question, its parameters, and the column to compare. */
    static final Pattern SAME = Pattern.compile("\\n\\nSame rows as the canned query `([a-z0-9-]+)`((?: with `[a-zA-Z]+=[^`]+`(?:,)?)*), by `([a-zA-Z]+)`\\.");
    static final Pattern PARAM = Pattern.compile("`([a-zA-Z]+)=([^`]+)`");

    /** The canned query an example must agree with: its name, parameters, and the column compared (as a set). */
    record Canned(String name, Map<String, String> params, String column) {}

    record Example(String where, String sparql, int rows, List<String> values, Canned canned) {
        @Override
        public String toString() {
            return where;
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        for (String doc : DOCS) {
            String text = Files.readString(Path.of(doc), StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                String where = doc + ":" + (text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1);
                // the answer is stated after the block, before the next example
                int next = text.indexOf("```sparql", m.end());
                String after = text.substring(m.end(), next < 0 ? text.length() : next);
                Matcher a = ANSWER.matcher(after);
                if (!a.find())
                    throw new AssertionError(where + ": the example states no answer; expected a paragraph 'Answer (N rows): ...'");
                List<String> values = new ArrayList<>();
                Matcher v = VALUE.matcher(a.group(2));
                while (v.find())
                    values.add(v.group(1));
                Matcher same = SAME.matcher(after);
                Canned canned = null;
                if (same.find()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    Matcher p = PARAM.matcher(same.group(2));
                    while (p.find())
                        params.put(p.group(1), p.group(2));
                    canned = new Canned(same.group(1), params, same.group(3));
                }
                out.add(new Example(where, m.group(1), Integer.parseInt(a.group(1)), values, canned));
            }
        }
        return out;
    }

    static Stream<Arguments> cases() throws IOException {
        return examples().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void documented_query_gives_the_answer_the_docs_state(Example e) {
        Query q = QueryFactory.create(e.sparql());
        assertTrue(q.isSelectType(), e + ": the documented examples are SELECT queries");
        Set<String> cells = new HashSet<>();
        int rows = 0;
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(TestGraphs.queryable())).query(q).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                rows++;
                s.varNames().forEachRemaining(var -> {
                    RDFNode n = s.get(var);
                    cells.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                });
            }
        }
        assertEquals(e.rows(), rows, e + ": rows");
        assertTrue(!e.values().isEmpty(), e + ": the answer names no value in backticks");
        for (String value : e.values())
            assertTrue(cells.contains(value), e + ": the stated value `" + value + "` is not in the answer");
    }

    static Stream<Arguments> withCanned() throws IOException {
        return examples().stream().filter(e -> e.canned() != null).map(Arguments::of);
    }

    /**
     * An example that says which canned query answers the same question ("Same rows as the canned query NAME with
     * `k=v`, by `column`.") gives the same values of that column as the canned query does (issue 25: the ontology
     * README's "what happened when" dropped what is dated by reference only, 10 rows against the canned query's 12).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withCanned")
    void documented_query_agrees_with_the_canned_query_it_names(Example e) {
        Set<String> mine = column(QueryFactory.create(e.sparql()), e.canned().column());
        CannedQuery q = CATALOG.get(e.canned().name());
        Set<String> canned = column(QueryBinder.bind(q, e.canned().params(), BaseIri.DEFAULT), e.canned().column());
        assertTrue(!canned.isEmpty(), e + ": the canned query " + q.name() + " answers nothing");
        assertEquals(canned, mine, e + ": the example's " + e.canned().column() + " against the canned query " + q.name());
    }

    @Test
    void the_examples_that_have_a_canned_counterpart_name_it() throws IOException {
        // the ontology README's links (the full way) and what happened when; the README's reasons and concept keys
        assertTrue(examples().stream().filter(e -> e.canned() != null).count() >= 4, examples().toString());
    }

    static Set<String> column(Query q, String var) {
        Set<String> out = new HashSet<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(TestGraphs.queryable())).query(q).build()) {
            ResultSet rs = qe.execSelect();
            assertTrue(rs.getResultVars().contains(var), q + " has no ?" + var);
            while (rs.hasNext()) {
                RDFNode n = rs.next().get(var);
                out.add(n == null ? "" : n.toString());
            }
        }
        return out;
    }

    @Test
    void the_readmes_have_examples_at_all() throws IOException {
        assertTrue(examples().size() >= 5, "examples: " + examples());
    }

    @Test
    void example_files_the_readme_names_hold_its_query() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("query@([\\w./-]+\\.rq)").matcher(readme);
        List<String> named = new ArrayList<>();
        while (m.find())
            named.add(m.group(1));
        assertEquals(List.of("examples/who-replaced-litvinov.rq"), named);
        String first = examples().get(0).sparql();
        for (String f : named)
            assertEquals(first, Files.readString(Path.of(f), StandardCharsets.UTF_8), f + " is the README's query");
    }
}
