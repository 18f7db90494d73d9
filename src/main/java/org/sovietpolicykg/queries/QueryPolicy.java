package org.sovietpolicykg.queries;

import java.util.Locale;
import java.util.function.Supplier;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.StageBuilder;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.search.TextSearchErrors;

/**
 * What a query may do, in one place, for every path that runs one: the SPARQL endpoint (Fuseki), the canned-query
 * API, the results pages and the {@code query} command. It is set on the query engine's own context (Jena's
 * {@link Context}: the time limit, whether and where SERVICE may call, which functions exist), and each query is
 * {@link #prepare prepared} before it runs (functions outside the allowlist refused with 400; REGEX and REPLACE in the
 * forms a time limit can stop) and {@link #run run} under its deadline; never checked servlet by servlet.
 * <pre>
 *   QueryPolicy policy = QueryPolicy.of(config);
 *   policy.applyTo(dataset.getContext());
 * </pre>
 */
public final class QueryPolicy {
    private final long timeoutMs;
    private final Limits limits;
    /** Where SERVICE may call: the allowlist and aliases, enforced in Jena's service execution. */
    private final ServiceAllowlist services;
    private final KgConfig.Federation federation;

    private QueryPolicy(long timeoutMs, Limits limits, KgConfig.Federation federation) {
        if (timeoutMs <= 0)
            throw new ConfigException("Illegal query timeout=" + timeoutMs + ": expected a positive number of milliseconds");
        this.timeoutMs = timeoutMs;
        this.limits = limits;
        this.federation = federation;
        this.services = new ServiceAllowlist(federation, timeoutMs);
    }

    /** The policy of a configuration. */
    public static QueryPolicy of(KgConfig config) {
        return new QueryPolicy(config.queryTimeoutMs(), config.limits(), config.federation());
    }

    /** The default policy with another time limit. */
    public static QueryPolicy withTimeout(long timeoutMs) {
        return new QueryPolicy(timeoutMs, Limits.DEFAULT, KgConfig.Federation.DEFAULT);
    }

    /** The same policy with other limits of size and concurrency. */
    public QueryPolicy withLimits(Limits l) {
        return new QueryPolicy(timeoutMs, l, federation);
    }

    /** Where SERVICE may call (the allowed endpoints and their aliases). */
    public KgConfig.Federation federation() {
        return federation;
    }

    /** How much a request may ask: query size, result rows and bytes, concurrent queries. */
    public Limits limits() {
        return limits;
    }

    /** The 503 for a query stopped by the time limit. */
    public QueryRunner.QueryTimeoutException tooLong() {
        return new QueryRunner.QueryTimeoutException("The query ran longer than " + timeoutMs + " ms and was stopped");
    }

    /** The 400 for a result over the row limit. */
    public BadRequestException tooManyRows() {
        return new BadRequestException("The result has more than " + limits.maxResultRows() + " rows (or triples), the most this"
                + " endpoint returns; add a LIMIT (and OFFSET to page), or download the dumps for the whole graph");
    }

    /** The longest time a query may run, in milliseconds. */
    public long timeoutMs() {
        return timeoutMs;
    }

    /** Sets the policy on a query context (a dataset's, or one execution's). */
    public void applyTo(Context context) {
        context.set(ARQ.queryTimeout, Long.toString(timeoutMs));
        // SERVICE only to the allowed endpoints, checked before any connection (ServiceAllowlist)
        services.applyTo(context);
        FunctionRegistry.set(context, FUNCTIONS);
        // basic graph patterns in a join order that a blank node in predicate position cannot break (a 500 before)
        StageBuilder.setGenerator(context, TolerantReorder.INSTANCE);
        PropertyFunctionRegistry.set(context, PROPERTY_FUNCTIONS);
    }

    private static final FunctionRegistry FUNCTIONS = FunctionAllowlist.functions();
    private static final PropertyFunctionRegistry PROPERTY_FUNCTIONS = FunctionAllowlist.propertyFunctions();

    /**
     * A parsed query made ready to run under this policy: a function outside the allowlist is a 400 that names it;
     * REGEX and REPLACE are replaced by forms that the deadline of {@link #run} can stop.
     */
    public Query prepare(Query query) {
        check(query);
        return guard(query);
    }

    /** Refuses (400, naming it) a query that calls a function outside the allowlist. */
    public void check(Query query) {
        FunctionAllowlist.check(query);
    }

    /** The query with REGEX and REPLACE in the forms that the deadline of {@link #run} can stop. */
    public Query guard(Query query) {
        return GuardedExpressions.guard(query);
    }

    /** The 400 for a query that has read more triples than it may. */
    public BadRequestException tooMuchRead() {
        return new BadRequestException(String.format(Locale.ROOT, "The query read more than %,d triples of the graph, the most one query"
                + " may read, and was stopped; a path of * or + over any property (!<p>, a variable), or patterns that share no"
                + " variable, read the graph many times over: name the path's properties, bind one of its ends, or join the"
                + " patterns by a variable", limits.maxQueryReads()));
    }

    /**
     * Runs the evaluation of a query (and the writing of its results) under this policy's deadline and read limit,
     * which every read of a {@link #view view} of the dataset counts against.
     */
    public <T> T run(Supplier<T> evaluation) {
        return Deadline.within(timeoutMs, limits.maxQueryReads(), this::tooMuchRead, evaluation);
    }

    /** The dataset as queries under this policy read it: every triple read counted against the query's limits. */
    public static DatasetGraph view(DatasetGraph dataset) {
        return BoundedReads.view(dataset);
    }

    /**
     * The project's exception for a failure the policy knows, raised while a query ran: the SERVICE policy's (400
     * refused, 502 remote failure), a text search the client got wrong (400), the policy's own limits raised inside the
     * engine (the read limit's 400, the memory's 503); null if {@code e} is none of them.
     */
    public static KgException knownFailure(Throwable e) {
        KgException service = ServiceAllowlist.asKgException(e);
        if (service != null)
            return service;
        KgException search = TextSearchErrors.asKgException(e);
        if (search != null)
            return search;
        // the policy's own limits, raised inside the engine (the read limit), however the engine wrapped them
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof KgException k)
                return k;
        return null;
    }

    /**
     * The project's exception for an error raised while a query's results were read: the SERVICE policy's (400 refused,
     * 502 remote failure), the time limit's (503), the project's own as it is, anything else the server's fault (500).
     */
    public KgException failure(Throwable e) {
        KgException service = knownFailure(e);
        if (service != null)
            return service;
        if (e instanceof QueryCancelledException)
            return tooLong();
        return e instanceof KgException k ? k : new KgException("The query failed while its answer was written", e);
    }

    /**
     * A new context for a query on a dataset: what the dataset's context holds (its text index, for one), with the
     * policy set over it.
     */
    public Context context(DatasetGraph dataset) {
        Context c = dataset.getContext() == null ? new Context() : dataset.getContext().copy();
        applyTo(c);
        return c;
    }
}
