package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;

import picocli.CommandLine.Option;

/** Options every command shares: where the sources are and the base IRI. */
final class ProjectOptions {
    @Option(names = "--project", paramLabel = "DIR", description = "Folder holding ontology/, data/ and queries/ (default: ${DEFAULT-VALUE})")
    Path project = Settings.get(Settings.PROJECT_DIR);

    @Option(names = "--base", paramLabel = "IRI", description = "Base IRI of ontology and data (default: ${DEFAULT-VALUE})")
    String base = Settings.get(Settings.BASE_IRI);

    KnowledgeGraph build() {
        return GraphBuilder.create().projectDir(project).baseIri(base).build();
    }
}
