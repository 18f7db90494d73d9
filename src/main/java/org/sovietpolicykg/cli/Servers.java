package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.KgServer;
import org.sovietpolicykg.server.OntologyServlet;
import org.sovietpolicykg.server.PagesServlet;
import org.sovietpolicykg.server.ResourceServlet;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.server.QueryApiServlet;

/** The server as the command line runs it: the graph, the canned-query API and the pages. */
public final class Servers {
    private Servers() {}

    public static KgServer.Builder standard(KnowledgeGraph kg, Path projectDir) {
        return standard(kg.dataset(), kg.baseIri(), projectDir);
    }

    /** The server of a built dataset (named graphs) under a base IRI, with the canned queries of projectDir. */
    public static KgServer.Builder standard(DatasetGraph named, String baseIri, Path projectDir) {
        return standard(named, Datasets.unionView(named), baseIri, projectDir);
    }

    /** The same, with the queryable view already made (it may be the same dataset as {@code named}). */
    public static KgServer.Builder standard(DatasetGraph named, DatasetGraph queryable, String baseIri, Path projectDir) {
        int timeout = Settings.get(Settings.QUERY_TIMEOUT_MS);
        QueryCatalog catalog = QueryCatalog.load(projectDir);
        QueryRunner runner = new QueryRunner(queryable, timeout, baseIri);
        KgServer.Builder b = KgServer.create().dataset(named, queryable).queryTimeout(timeout);
        ResourceServlet resources = new ResourceServlet(queryable, baseIri);
        ResourceServlet.PATHS.forEach(p -> b.servlet(p, resources));
        return b
                .servlet("/api/*", new QueryApiServlet(catalog, runner))
                .servlet("/ontology", new OntologyServlet(Datasets.graph(named, SPD.GRAPH_ONTOLOGY, baseIri), baseIri))
                .pages(new PagesServlet(catalog, runner, named, baseIri), "", "/run/*", "/editor", "/static/*");
    }
}
