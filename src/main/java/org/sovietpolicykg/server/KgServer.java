package org.sovietpolicykg.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionService;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.HotSwapHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

import org.sovietpolicykg.config.KgConfig.Address;
import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.server.cache.AnswerCache;
import org.sovietpolicykg.server.cache.EndpointAnswers;
import org.sovietpolicykg.server.http.CorsFilter;
import org.sovietpolicykg.server.http.FormatNamesFilter;
import org.sovietpolicykg.server.http.NotFoundPages;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.RequestBodies;
import org.sovietpolicykg.server.http.RequestLimitFilter;
import org.sovietpolicykg.server.http.ResponseLimitFilter;
import org.sovietpolicykg.server.http.SecurityHeaders;
import org.sovietpolicykg.server.ops.ReplicaServlets;
import org.sovietpolicykg.server.publish.ContextServlet;
import org.sovietpolicykg.server.sparql.Endpoints;
import org.sovietpolicykg.server.sparql.KgGraphStore;
import org.sovietpolicykg.server.sparql.KgQueryService;
import org.sovietpolicykg.server.sparql.QueryGate;
import org.sovietpolicykg.server.sparql.ReadTransaction;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The SPARQL service: embedded Fuseki with the knowledge graph, read-only, at {@code /kg}
 * (SPARQL 1.1 Query at {@code /kg/sparql} and {@code /kg/query}, Graph Store Protocol read at {@code /kg/get}),
 * hardened by the filters every request goes through (CORS for reads, request limits, security headers, bounded query
 * pools, bounded answers), and beside it what the builder is given: servlets (one per route), servlet filters, and Fuseki operations
 * on the dataset's own endpoints. {@link Servers#standard} assembles the whole server.
 * <pre>
 *   KgServer server = KgServer.create().port(0).dataset(named, queryable).servlet("/hello", servlet).start();
 *   int port = server.port();
 *   server.stop();
 * </pre>
 */
public final class KgServer {
    public static final String DATASET = Endpoints.DATASET;
    /** An answer is buffered up to this size before it is sent, so that an error within it still gets its status. */
    static final int RESPONSE_BUFFER = 256 * 1024;
    /** The output buffer of every other answer: Jetty's default, a size its buffer pool keeps. */
    static final int OUTPUT_BUFFER = 32 * 1024;
    /** The paths whose answers are gzipped when the client accepts it. */
    static final String[] GZIP_PATHS = {"/dumps/*", DATASET + "/get"};
    /** The longest a request's body may take to arrive (then a 408). */
    static final long BODY_WITHIN_MS = 10_000;
    /**
     * The server's threads: Fuseki's default is 20, which 20 slow or waiting requests took; each query pool holds at
     * most its workers and its queue, so the rest are left for pages, assets and {@code /health}.
     */
    static final int MIN_THREADS = 8;
    static final int MAX_THREADS = 200;

    /** The server that listens: its connector and threads stay while the rooms behind it are swapped. */
    private final FusekiServer fuseki;
    /** Where every request goes: the room that serves now. */
    private final HotSwapHandler rooms;
    private volatile Room room;
    /** Rooms swapped out and still finishing what they had begun. */
    private final List<Room> leaving = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rooms-closer");
        t.setDaemon(true);
        return t;
    });
    private final long drainMs;

    /**
     * One dataset's server: its Fuseki services, servlets and filters, its answer cache and query pools, its readiness,
     * all made for one dataset of one fingerprint. A swap puts another room behind the same port.
     */
    private record Room(Handler handler, AtomicBoolean ready, AnswerCache answers, QueryGate endpointGate, DatasetGraph readOnly,
            String fingerprint, ServletContextHandler context) {}

    private KgServer(FusekiServer fuseki, HotSwapHandler rooms, Room room, long drainMs) {
        this.fuseki = fuseki;
        this.rooms = rooms;
        this.room = room;
        this.drainMs = drainMs;
    }

    /** The fingerprint of the dataset served now. */
    public String fingerprint() {
        return room.fingerprint();
    }

    /**
     * Serves another dataset from now on, on the same port, without a failed request: {@code next} (a builder of the
     * same kind as this server's, for the new dataset) is made into a room and warmed with a first query while this one
     * answers; then new requests go to it, and the old room finishes what it had begun (for at most the query time
     * limit and a second) before it is stopped. Every answer carries the fingerprint of the room that made it.
     */
    public void swap(Builder next) {
        Builder.Built built = next.room();
        Room fresh = built.room();
        // the room's handlers leave the server they were built in (never started) for the one that listens
        built.fuseki().getJettyServer().setHandler((Handler) null);
        try {
            fresh.handler().setServer(fuseki.getJettyServer());
            fresh.handler().start();
            Builder.warm(fresh);
        } catch (Exception e) {
            stopQuietly(fresh);
            throw new KgException("Cannot start the new dataset's server: " + e.getMessage(), e);
        }
        Room old = room;
        // the old room is stopped by us once drained, not by the swap
        rooms.unmanage(old.handler());
        rooms.setHandler(fresh.handler());
        if (!rooms.isManaged(fresh.handler()))
            rooms.manage(fresh.handler());
        room = fresh;
        old.ready().set(false);
        leaving.add(old);
        closer.schedule(() -> {
            stopQuietly(old);
            leaving.remove(old);
        }, drainMs, TimeUnit.MILLISECONDS);
    }

    private static void stopQuietly(Room r) {
        try {
            r.handler().stop();
        } catch (Exception e) {
            // stopping is best effort: a room that will not stop holds only memory
        }
    }

    /** How many queries the SPARQL endpoint runs now (its workers in use): a signal to wait on, for tests and operators. */
    public int endpointQueriesRunning() {
        return room.endpointGate().running();
    }

    /**
     * The filters a request to {@code path} passes, in the order Jetty runs them (their class names): what the server
     * really does, for a test to pin the order that matters (the answer cache before the query pool and outside the
     * answer limit).
     */
    public List<String> filtersOn(String path) {
        ServletHandler handler = room.context().getServletHandler();
        List<String> names = new ArrayList<>();
        for (FilterMapping m : handler.getFilterMappings()) {
            if (m.getPathSpecs() == null)
                continue;
            for (String spec : m.getPathSpecs())
                if (new ServletPathSpec(spec).matches(path)) {
                    names.add(handler.getFilter(m.getFilterName()).getFilter().getClass().getSimpleName());
                    break;
                }
        }
        return names;
    }

    /** How many answers the endpoint and the canned queries keep now. */
    public long answersKept() {
        return room.answers().size();
    }

    /** How many bytes of answers they keep now, as the bound ({@code --answer-cache-mb}) counts them. */
    public long answerBytesKept() {
        return room.answers().weight();
    }

    /** Whether the server has answered its first query ({@code /ready} says 200). */
    public boolean isReady() {
        return room.ready().get();
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

    /**
     * Stops gracefully: no new connection is accepted, the requests in flight are finished (for at most the query
     * time limit and a second), then the server stops.
     */
    public void stop() {
        room.ready().set(false);
        closer.shutdownNow();
        try {
            leaving.forEach(KgServer::stopQuietly);
            fuseki.stop();
        } catch (RuntimeException e) {
            // Jetty's graceful stop ran out of time: what was still running has been cut off, the server is stopped
            if (!(e.getCause() instanceof TimeoutException))
                throw e;
        }
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** A Fuseki operation on an endpoint of the dataset, e.g. {@code /kg/NAME}. */
    private record Endpoint(String name, Operation operation, ActionService handler) {}

    /** Builds a {@link KgServer}, checking each argument as it is given. */
    public static final class Builder {
        private int port = Settings.PORT.defaultValue();
        private DatasetGraph queryable;
        private QueryPolicy policy = QueryPolicy.withTimeout(Settings.QUERY_TIMEOUT_MS.defaultValue());
        private String fingerprint = "unknown";
        private JsonLdContext jsonLd;
        private AnswerCache answers;
        private Address address = Address.DEFAULT;
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

        /** The fingerprint of the served dataset ({@code X-Dataset-Fingerprint} on every answer, and on {@code /ready}). */
        public Builder fingerprint(String datasetFingerprint) {
            Objects.requireNonNull(datasetFingerprint, "fingerprint");
            if (!datasetFingerprint.matches("[0-9a-f]{64}|unknown"))
                throw new ConfigException("Illegal fingerprint=" + datasetFingerprint + ": expected 64 hex digits (a sha256)");
            this.fingerprint = datasetFingerprint;
            return this;
        }

        /** The JSON-LD context that JSON-LD answers of the endpoint are compacted with (else the default base's). */
        public Builder jsonLd(JsonLdContext context) {
            this.jsonLd = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The answer cache the endpoint shares with the canned queries (else one of its own, bounded by the policy's limits). */
        public Builder answers(AnswerCache cache) {
            this.answers = Objects.requireNonNull(cache, "answers");
            return this;
        }

        /** Where clients reach the server: the public URL, the trusted proxies (else the listening address). */
        public Builder address(Address clientsReachItAt) {
            this.address = Objects.requireNonNull(clientsReachItAt, "address");
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

        /** Graceful stop: stop accepting, let the requests in flight finish for at most {@code ms}, then stop. */
        private static void graceful(Server jetty, long ms) {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setHandler(jetty.getHandler());
            jetty.setHandler(graceful);
            jetty.setStopTimeout(ms);
        }

        /**
         * Fuseki gives every response a 5 MiB output buffer, more than Jetty's buffer pool keeps (64 KiB): each answer
         * then allocates (and zeroes) a buffer of its own, outside the heap, and under a small heap the allocations wait
         * for the collector to free the last ones (tens of milliseconds an answer). Jetty's default size instead
         * ({@value #OUTPUT_BUFFER} bytes, pooled); the endpoint's answers get the larger buffer of {@link ResponseLimitFilter},
         * on the heap, so that no answer reserves memory outside it.
         */
        private static void smallOutputBuffers(Server jetty) {
            for (Connector c : jetty.getConnectors())
                for (ConnectionFactory f : c.getConnectionFactories())
                    if (f instanceof HttpConnectionFactory h) {
                        h.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                        h.getHttpConfiguration().setUseOutputDirectByteBuffers(false);
                    }
        }

        /** A customizer on every connector's HTTP configuration. */
        private static void customize(Server jetty, HttpConfiguration.Customizer customizer) {
            for (Connector c : jetty.getConnectors())
                for (ConnectionFactory f : c.getConnectionFactories())
                    if (f instanceof HttpConnectionFactory h)
                        h.getHttpConfiguration().addCustomizer(customizer);
        }

        /**
         * Starts the server: a room for the dataset, behind a handler that can swap it for another ({@link KgServer#swap}),
         * listening on the port; ready once a first query has been answered.
         */
        public KgServer start() {
            Built built = room();
            try {
                Server jetty = built.fuseki().getJettyServer();
                smallOutputBuffers(jetty);
                if (!address.trustedProxies().isEmpty())
                    customize(jetty, new PublicUrl.TrustedProxies(address.trustedProxies()));
                // the room behind a handler that another can take the place of
                HotSwapHandler rooms = new HotSwapHandler();
                jetty.setHandler(rooms);
                rooms.setHandler(built.room().handler());
                long drain = policy.timeoutMs() + 1_000;
                graceful(jetty, drain);
                built.fuseki().start();
                warm(built.room());
                return new KgServer(built.fuseki(), rooms, built.room(), drain);
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null)
                    root = root.getCause();
                throw new KgException("Cannot start the server on port " + port + ": " + (root.getMessage() != null ? root.getMessage()
                        : root instanceof QueryCancelledException ? "the first query on the dataset ran into the query time limit"
                        : "it failed without a message"), e);
            }
        }

        /** A room as built: the room, and the Fuseki server it was built in (started only for the first room). */
        private record Built(FusekiServer fuseki, Room room) {}

        /** Ready once a first query has been answered: the dataset is loaded and the engine is warm. */
        private static void warm(Room room) {
            Txn.executeRead(room.readOnly(), () -> {
                // one quad, through the query policy's view: the same work at any size (counting every quad, as it did, ran
                // into the time limit on a TDB2 store of 1,000 texts, and the server did not start)
                try (QueryExec qe = QueryExec.dataset(room.readOnly()).query("SELECT ?s { GRAPH ?g { ?s ?p ?o } } LIMIT 1").build()) {
                    qe.select().materialize();
                }
            });
            room.ready().set(true);
        }

        /**
         * The room of this builder's dataset: Fuseki's services and the servlets and filters given, built into a
         * Fuseki server that is not started (the first room's is; a swapped-in room's handlers move to the listening one).
         */
        private Built room() {
            if (queryable == null)
                throw new ConfigException("No graph to serve: call dataset(...) first");
            // a context of its own: the policy must not leak into the dataset given (another server, a test, a query)
            Context own = queryable.getContext() == null ? Context.create() : queryable.getContext().copy();
            // every triple a query reads counted against its time and read limits (paths included: Jena's own timeout
            // does not stop their evaluation)
            DatasetGraph readOnly = new DatasetGraphReadOnly(QueryPolicy.view(queryable), own);
            policy.applyTo(readOnly.getContext());
            Limits limits = policy.limits();
            JsonLdContext context = jsonLd != null ? jsonLd : Txn.calculateRead(queryable, () -> DatasetWriter.context(queryable, BaseIri.DEFAULT));
            FusekiServer.Builder b = FusekiServer.create().port(port).enablePing(true).numServerThreads(MIN_THREADS, MAX_THREADS)
                    // the query operation with the project's query policy (the time limit on parsing too, result limits)
                    .registerOperation(Operation.Query, new KgQueryService(policy, context))
                    // the Graph Store read: the whole dataset as its named graphs, each quad once
                    .registerOperation(Operation.GSP_R, new KgGraphStore())
                    // false: no SPARQL Update, no Graph Store writes
                    .add(DATASET, readOnly, false);
            AnswerCache cache = answers != null ? answers : new AnswerCache(fingerprint, limits.answerCacheBytes());
            // first for every request: which build answers, the public URL its absolute URLs start with, security
            // headers, the request's method, size and encoding, CORS
            b.addFilter("/*", new ReplicaServlets.FingerprintHeader(fingerprint));
            b.addFilter("/*", new PublicUrl(address));
            Set<String> names = new TreeSet<>(Set.of("sparql", "query", "get"));
            endpoints.forEach(e -> names.add(e.name()));
            b.addFilter("/*", new NotFoundPages(DATASET, names));
            b.addFilter("/*", new ReadTransaction(queryable));
            b.addFilter("/*", new SecurityHeaders());
            b.addFilter("/*", new RequestLimitFilter(limits.maxRequestBytes()));
            b.addFilter("/*", new CorsFilter());
            // queries: a bounded pool each for the endpoint and for the canned queries, and bounded answers
            long wait = Math.min(2_000, policy.timeoutMs());
            // in this order, which a test pins (KgServerTest): answers kept before the pool (a kept answer runs no query,
            // so it waits for no worker), and outside the limit on answers (an answer it stops is not kept)
            if (cache.keeps())
                b.addFilter(DATASET + "/*", new EndpointAnswers(cache, limits.answerCacheBytes(), limits.maxRequestBytes()));
            QueryGate endpointGate = new QueryGate("SPARQL", limits.queryWorkers(), limits.queryQueue(), wait);
            b.addFilter(DATASET + "/*", endpointGate);
            b.addFilter(DATASET + "/*", new ResponseLimitFilter(limits.maxResultBytes(), RESPONSE_BUFFER));
            // the format names SPARQL clients send that Fuseki does not know (SPARQLWrapper's rdf+xml, n3)
            b.addFilter(DATASET + "/*", new FormatNamesFilter());
            QueryGate canned = new QueryGate("canned", limits.queryWorkers(), limits.queryQueue(), wait);
            b.addFilter("/api/queries/*", canned);
            b.addFilter("/run/*", canned);
            for (Endpoint e : endpoints) {
                b.registerOperation(e.operation(), e.handler());
                b.addEndpoint(DATASET, e.name(), e.operation());
            }
            filters.forEach((path, fs) -> fs.forEach(f -> b.addFilter(path, f)));
            AtomicBoolean ready = new AtomicBoolean(false);
            b.addServlet("/health", new ReplicaServlets.Health());
            b.addServlet("/ready", new ReplicaServlets.Ready(ready, fingerprint));
            // the context that the endpoint's JSON-LD answers name
            b.addServlet(ContextServlet.PATH, new ContextServlet(context));
            servlets.forEach(b::addServlet);
            FusekiServer fuseki = b.build();
            Server jetty = fuseki.getJettyServer();
            ServletContextHandler servletContext = jetty.getDescendant(ServletContextHandler.class);
            // a request's body is read in full before a thread is given to it, and within seconds (slow bodies held the
            // threads); gzip for a client that asks (Accept-Encoding), by Jetty: the downloads and the Graph Store read
            GzipHandler gzip = new GzipHandler();
            gzip.setIncludedPaths(GZIP_PATHS);
            gzip.setMinGzipSize(1024);
            gzip.setHandler(RequestBodies.loadFirst(jetty.getHandler(), limits.maxRequestBytes(), BODY_WITHIN_MS));
            jetty.setHandler(gzip);
            return new Built(fuseki, new Room(gzip, ready, cache, endpointGate, readOnly, fingerprint, servletContext));
        }
    }
}
