package org.sovietpolicykg.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServlet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.graph.KnowledgeGraph;

/**
 * The SPARQL service: embedded Fuseki with the knowledge graph, read-only, at {@code /kg}
 * (SPARQL 1.1 Query at {@code /kg/sparql} and {@code /kg/query}, Graph Store Protocol read at {@code /kg/get}),
 * CORS on, and the project's own pages and APIs beside it.
 * <pre>
 *   KgServer server = KgServer.create().port(0).graph(kg).start();
 *   int port = server.port();
 *   server.stop();
 * </pre>
 */
public final class KgServer {
    public static final String DATASET = "/kg";

    private final FusekiServer fuseki;

    private KgServer(FusekiServer fuseki) {
        this.fuseki = fuseki;
    }

    public static Builder create() {
        return new Builder();
    }

    public int port() {
        return fuseki.getHttpPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return baseUrl() + DATASET + "/sparql";
    }

    public void stop() {
        fuseki.stop();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** Builds a {@link KgServer}, checking each argument as it is given. */
    public static final class Builder {
        private int port = Settings.get(Settings.PORT);
        private DatasetGraph dataset;
        private DatasetGraph queryable;
        private int timeoutMs = Settings.get(Settings.QUERY_TIMEOUT_MS);
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

        private Builder() {}

        /** The HTTP port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = Settings.checkPort(Integer.toString(port));
            return this;
        }

        /** The knowledge graph to serve. */
        public Builder graph(KnowledgeGraph graph) {
            return dataset(Objects.requireNonNull(graph, "graph").dataset());
        }

        /** The named graphs to serve (a built dataset, e.g. loaded from its N-Quads). */
        public Builder dataset(DatasetGraph namedGraphs) {
            this.dataset = Objects.requireNonNull(namedGraphs, "dataset");
            this.queryable = null;
            return this;
        }

        /** The named graphs and their queryable view ({@link Datasets#unionView}), when the caller has made it already. */
        public Builder dataset(DatasetGraph namedGraphs, DatasetGraph unionView) {
            this.dataset = Objects.requireNonNull(namedGraphs, "dataset");
            this.queryable = Objects.requireNonNull(unionView, "unionView");
            return this;
        }

        /** Longest time a query may run, in milliseconds. */
        public Builder queryTimeout(int ms) {
            if (ms <= 0)
                throw new org.sovietpolicykg.ConfigException("Illegal query timeout=" + ms + ": expected a positive number of milliseconds");
            this.timeoutMs = ms;
            return this;
        }

        /** An extra servlet (pages, APIs) at a path spec such as {@code /api/*}. */
        public Builder servlet(String pathSpec, HttpServlet servlet) {
            Objects.requireNonNull(pathSpec, "pathSpec");
            if (!pathSpec.startsWith("/"))
                throw new org.sovietpolicykg.ConfigException("Illegal path spec=" + pathSpec + ": expected one starting with '/'");
            servlets.put(pathSpec, Objects.requireNonNull(servlet, "servlet"));
            return this;
        }

        /** One servlet at several path specs ({@code ""} is the root page alone). */
        public Builder pages(HttpServlet servlet, String... pathSpecs) {
            Objects.requireNonNull(servlet, "servlet");
            for (String p : pathSpecs) {
                if (!p.isEmpty() && !p.startsWith("/"))
                    throw new org.sovietpolicykg.ConfigException("Illegal path spec=" + p + ": expected \"\" or one starting with '/'");
                servlets.put(p, servlet);
            }
            return this;
        }

        public KgServer start() {
            if (dataset == null)
                throw new org.sovietpolicykg.ConfigException("No graph to serve: call graph(...) or dataset(...) first");
            DatasetGraph readOnly = new DatasetGraphReadOnly(queryable != null ? queryable : Datasets.unionView(dataset));
            readOnly.getContext().set(ARQ.queryTimeout, Integer.toString(timeoutMs));
            // no SERVICE: a public endpoint must not make this server send requests to other hosts (or to itself)
            readOnly.getContext().set(ARQ.httpServiceAllowed, false);
            FusekiServer.Builder b = FusekiServer.create().port(port).enableCors(true, null).enablePing(true)
                    // false: no SPARQL Update, no Graph Store writes
                    .add(DATASET, readOnly, false);
            servlets.forEach(b::addServlet);
            try {
                return new KgServer(b.build().start());
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null)
                    root = root.getCause();
                throw new org.sovietpolicykg.KgException("Cannot start the server on port " + port + ": " + root.getMessage(), e);
            }
        }
    }
}
