package org.sovietpolicykg;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;

import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.search.TextSearch;
import org.sovietpolicykg.vocabulary.BaseIri;

/** The real knowledge graph, built once per test JVM from the project's own ontology/ and data/. */
public final class TestGraphs {
    private static KnowledgeGraph real;
    private static DatasetGraph queryable;

    private TestGraphs() {}

    /** Its queryable form (union default graph, with its text index), made once. */
    public static synchronized DatasetGraph queryable() {
        if (queryable == null) {
            queryable = Datasets.unionView(real().dataset());
            // the text index of text:query, as the server and the query command set it
            TextSearch.attach(queryable, BaseIri.DEFAULT);
        }
        return queryable;
    }

    public static synchronized KnowledgeGraph real() {
        if (real == null)
            real = GraphBuilder.create().projectDir(Path.of(".")).build();
        return real;
    }
}
