package org.sovietpolicykg.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.util.Context;
import org.sovietpolicykg.ConfigException;
import org.sovietpolicykg.KgException;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.queries.QueryPolicy;

/**
 * The SPARQL service: embedded Fuseki with the knowledge graph, read-only, at {@code /kg}
 * (SPARQL 1.1 Query at {@code /kg/sparql} and {@code /kg/query}, Graph Store Protocol read at {@code /kg/get}),
 * CORS on, and beside it what the builder is given: servlets (one per route), servlet filters, and Fuseki operations
 * on the dataset's own endpoints. {@link Servers#standard} assembles the whole server.
 * <pre>
 *   KgServer server = KgServer.create().port(0).dataset(named, queryable).servlet("/hello", servlet).start();
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

    /** A Fuseki operation on an endpoint of the dataset, e.g. {@code /kg/NAME}. */
    private record Endpoint(String name, Operation operation, ActionService handler) {}

    /**
     * The served dataset, read-only, with a context of its own: a copy of the dataset's, so that the query policy set on
     * it is this server's alone (two servers of one dataset, e.g. with different SERVICE allowlists, do not share it).
     */
    private static final class ReadOnlyWithOwnContext extends DatasetGraphReadOnly {
        private final Context context;

        ReadOnlyWithOwnContext(DatasetGraph dsg) {
            super(dsg);
            this.context = Context.create();
            if (dsg.getContext() != null)
                context.putAll(dsg.getContext());
        }

        @Override
        public Context getContext() {
            return context;
        }
    }

    /** Builds a {@link KgServer}, checking each argument as it is given. */
    public static final class Builder {
        private int port = Settings.PORT.defaultValue();
        private DatasetGraph queryable;
        private QueryPolicy policy = QueryPolicy.withTimeout(Settings.QUERY_TIMEOUT_MS.defaultValue());
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private final Map<String, List<Filter>> filters = new LinkedHashMap<>();
        private final List<Endpoint> endpoints = new ArrayList<>();

        private Builder() {}

        /** The HTTP port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = Settings.checkPort(Integer.toString(port));
            return this;
        }

        /** The dataset to serve, in its queryable form (the named graphs, and their union as the default graph). */
        public Builder dataset(DatasetGraph queryable) {
            this.queryable = Objects.requireNonNull(queryable, "dataset");
            return this;
        }

        /** Longest time a query may run, in milliseconds (the default query policy otherwise). */
        public Builder queryTimeout(int ms) {
            this.policy = QueryPolicy.withTimeout(ms);
            return this;
        }

        /** What a query on the endpoint may do: the same policy as the canned queries and pages run under. */
        public Builder policy(QueryPolicy queryPolicy) {
            this.policy = Objects.requireNonNull(queryPolicy, "policy");
            return this;
        }

        /** A servlet at a path spec: {@code /api/*} (a prefix), {@code /editor} (exact) or {@code ""} (the root page). */
        public Builder servlet(String pathSpec, HttpServlet servlet) {
            Objects.requireNonNull(pathSpec, "pathSpec");
            if (!pathSpec.isEmpty() && !pathSpec.startsWith("/"))
                throw new ConfigException("Illegal path spec=" + pathSpec + ": expected \"\" or one starting with '/'");
            if (servlets.containsKey(pathSpec))
                throw new ConfigException("Illegal path spec=" + pathSpec + ": a servlet is already there");
            servlets.put(pathSpec, Objects.requireNonNull(servlet, "servlet"));
            return this;
        }

        /** A servlet filter on a path spec ({@code /*} for every request), applied in the order given. */
        public Builder filter(String pathSpec, Filter filter) {
            Objects.requireNonNull(pathSpec, "pathSpec");
            if (!pathSpec.startsWith("/"))
                throw new ConfigException("Illegal path spec=" + pathSpec + ": expected one starting with '/'");
            filters.computeIfAbsent(pathSpec, p -> new ArrayList<>()).add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** A Fuseki operation, answered by {@code handler}, at the dataset's endpoint {@code /kg/NAME}. */
        public Builder operation(String endpointName, Operation operation, ActionService handler) {
            Objects.requireNonNull(endpointName, "endpointName");
            if (!endpointName.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))
                throw new ConfigException("Illegal endpoint name=" + endpointName + ": expected letters, digits, '.', '_' or '-'");
            endpoints.add(new Endpoint(endpointName, Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        public KgServer start() {
            if (queryable == null)
                throw new ConfigException("No graph to serve: call dataset(...) first");
            DatasetGraph readOnly = new ReadOnlyWithOwnContext(queryable);
            policy.applyTo(readOnly.getContext());
            FusekiServer.Builder b = FusekiServer.create().port(port).enableCors(true, null).enablePing(true)
                    // false: no SPARQL Update, no Graph Store writes
                    .add(DATASET, readOnly, false);
            for (Endpoint e : endpoints) {
                b.registerOperation(e.operation(), e.handler());
                b.addEndpoint(DATASET, e.name(), e.operation());
            }
            filters.forEach((path, fs) -> fs.forEach(f -> b.addFilter(path, f)));
            servlets.forEach(b::addServlet);
            try {
                return new KgServer(b.build().start());
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null)
                    root = root.getCause();
                throw new KgException("Cannot start the server on port " + port + ": " + root.getMessage(), e);
            }
        }
    }
}
