package org.sovietpolicykg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Fingerprint;

import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.server.KgServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: build in memory and serve over SPARQL until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the knowledge graph in memory and serve it, read-only, with embedded Fuseki.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = Settings.get(Settings.PORT);

    @Option(names = "--dataset", paramLabel = "DIR", description = "A built dataset to serve when it was built from the "
            + "current sources (default: ${DEFAULT-VALUE}); otherwise, or with --rebuild, the graph is built in memory")
    Path dataset = Settings.get(Settings.DATASET_DIR);

    @Option(names = "--rebuild", description = "Build in memory even if a built dataset of the same sources exists")
    boolean rebuild;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        String fingerprint = Fingerprint.of(project.project, project.base);
        KgServer server;
        String origin;
        if (!rebuild && Fingerprint.matches(dataset, fingerprint)) {
            // built and validated by `build` (mvn package runs it) from exactly these sources
            // named graphs and their union in one dataset: the default graph is not among the named ones
            DatasetGraph view = Datasets.loadUnionView(dataset.resolve(DatasetWriter.NQUADS), project.base);
            server = Servers.standard(view, view, project.base, project.project).port(port).start();
            origin = "the built dataset in " + dataset + " (same sources)";
        } else {
            KnowledgeGraph kg = project.build();
            server = Servers.standard(kg, project.project).port(port).start();
            origin = "the sources, built and validated in memory";
        }
        PrintWriter w = spec.commandLine().getOut();
        // Ctrl-C (SIGINT) or SIGTERM: stop the server, then say so
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            w.println("Stopped.");
            w.flush();
        }, "shutdown"));
        w.printf("Ready in %d ms, serving %s. SPARQL endpoint: %s%n", (System.nanoTime() - t0) / 1_000_000, origin, server.sparqlUrl());
        w.printf("Home page: %s/  (Ctrl-C stops)%n", server.baseUrl());
        w.flush();
        server.join();
        return 0;
    }
}
