package org.sovietpolicykg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        KnowledgeGraph kg = project.build();
        KgServer server = Servers.standard(kg, project.project).port(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Ready in %d ms. SPARQL endpoint: %s%n", (System.nanoTime() - t0) / 1_000_000, server.sparqlUrl());
        w.printf("Home page: %s/  (Ctrl-C stops)%n", server.baseUrl());
        w.flush();
        server.join();
        return 0;
    }
}
