package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.KgServer;
import org.sovietpolicykg.server.OntologyServlet;
import org.sovietpolicykg.server.PagesServlet;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.server.QueryApiServlet;

/** The server as the command line runs it: the graph, the canned-query API and the pages. */
public final class Servers {
    private Servers() {}

    public static KgServer.Builder standard(KnowledgeGraph kg, Path projectDir) {
        int timeout = Settings.get(Settings.QUERY_TIMEOUT_MS);
        QueryCatalog catalog = QueryCatalog.load(projectDir);
        return KgServer.create().graph(kg).queryTimeout(timeout)
                .servlet("/api/*", new QueryApiServlet(catalog, new QueryRunner(kg.queryable(), timeout)))
                .servlet("/ontology", new OntologyServlet(kg.graph(SPD.GRAPH_ONTOLOGY)))
                .pages(new PagesServlet(catalog, kg.queryable(), timeout), "", "/run/*", "/editor", "/static/*");
    }
}
