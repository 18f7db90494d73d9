package org.sovietpolicykg;

import java.nio.file.Path;

import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;

/** The real knowledge graph, built once per test JVM from the project's own ontology/ and data/. */
public final class TestGraphs {
    private static KnowledgeGraph real;

    private TestGraphs() {}

    public static synchronized KnowledgeGraph real() {
        if (real == null)
            real = GraphBuilder.create().projectDir(Path.of(".")).build();
        return real;
    }
}
