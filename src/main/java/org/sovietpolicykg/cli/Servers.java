package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.server.KgServer;

/** The server as the command line runs it: the graph and every page and API of the project. */
final class Servers {
    private Servers() {}

    static KgServer.Builder standard(KnowledgeGraph kg, Path projectDir) {
        return KgServer.create().graph(kg);
    }
}
