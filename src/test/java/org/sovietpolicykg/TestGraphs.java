package org.sovietpolicykg;

import java.nio.file.Path;

import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;

/** The real knowledge graph, built once per test JVM from the project's own ontology/ and data/. */
public final class TestGraphs {
    private static KnowledgeGraph real;
    private static org.apache.jena.sparql.core.DatasetGraph queryable;

    private TestGraphs() {}

    /** Its queryable form (union default graph), made once: {@link KnowledgeGraph#queryable()} copies each time. */
    public static synchronized org.apache.jena.sparql.core.DatasetGraph queryable() {
        if (queryable == null)
            queryable = real().queryable();
        return queryable;
    }

    public static synchronized KnowledgeGraph real() {
        if (real == null)
            real = GraphBuilder.create().projectDir(Path.of(".")).build();
        return real;
    }
}
