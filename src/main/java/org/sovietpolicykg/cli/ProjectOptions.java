package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine.Option;

/** Options every command shares: where the sources are, the base IRI and the query time limit. */
final class ProjectOptions {
    @Option(names = "--project", paramLabel = "DIR", descriptionKey = "kg.project", converter = Converters.Folder.class)
    Path project;

    @Option(names = "--base", paramLabel = "IRI", descriptionKey = "kg.base", converter = Converters.Base.class)
    BaseIri base;

    @Option(names = "--query-timeout", paramLabel = "MS", descriptionKey = "kg.queryTimeoutMs", converter = Converters.Timeout.class)
    int queryTimeoutMs;

    /** The configuration these options make, with the other settings at their defaults. */
    KgConfig config() {
        return KgConfig.defaults().withProjectDir(project).withBase(base).withQueryTimeoutMs(queryTimeoutMs);
    }

    KnowledgeGraph build() {
        return GraphBuilder.of(config()).build();
    }
}
