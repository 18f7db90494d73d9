package org.sovietpolicykg.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovietpolicykg.TestGraphs;

/** Every SPARQL example in the READMEs parses and answers something on the real graph: the docs stay true. */
class DocumentedQueriesTest {
    static final Pattern BLOCK = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL);

    static Stream<Arguments> examples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String doc : List.of("README.md", "ontology/README.md")) {
            String text = Files.readString(Path.of(doc), StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                out.add(Arguments.of(doc + ":" + line, m.group(1)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documented_query_answers_on_the_real_graph(String where, String sparql) {
        Query q = QueryFactory.create(sparql);
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(TestGraphs.queryable())).query(q).build()) {
            if (q.isSelectType())
                assertTrue(qe.execSelect().hasNext(), where + ": no rows");
            else if (q.isAskType())
                assertTrue(qe.execAsk(), where);
            else
                assertFalse((q.isConstructType() ? qe.execConstruct() : qe.execDescribe()).isEmpty(), where + ": empty graph");
        }
    }

    @org.junit.jupiter.api.Test
    void the_readmes_have_examples_at_all() throws IOException {
        assertTrue(examples().count() >= 5);
    }
}
