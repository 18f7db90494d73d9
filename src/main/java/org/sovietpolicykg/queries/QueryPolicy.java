package org.sovietpolicykg.queries;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.sovietpolicykg.ConfigException;
import org.sovietpolicykg.KgException;
import org.sovietpolicykg.config.KgConfig;

/**
 * What a query may do, in one place, for every path that runs one: the SPARQL endpoint (Fuseki), the canned-query
 * API, the results pages and the {@code query} command. It is set on the query engine's own context (Jena's
 * {@link Context}: the time limit, whether and where SERVICE may call), never checked servlet by servlet.
 * <pre>
 *   QueryPolicy policy = QueryPolicy.of(config);
 *   policy.applyTo(dataset.getContext());
 * </pre>
 */
public final class QueryPolicy {
    private final long timeoutMs;
    /** Where SERVICE may call: the allowlist and aliases, enforced in Jena's service execution. */
    private final ServiceAllowlist services;

    private QueryPolicy(long timeoutMs, KgConfig.Federation federation) {
        if (timeoutMs <= 0)
            throw new ConfigException("Illegal query timeout=" + timeoutMs + ": expected a positive number of milliseconds");
        this.timeoutMs = timeoutMs;
        this.services = new ServiceAllowlist(federation, timeoutMs);
    }

    /** The policy of a configuration. */
    public static QueryPolicy of(KgConfig config) {
        return new QueryPolicy(config.queryTimeoutMs(), config.federation());
    }

    /** The default policy with another time limit. */
    public static QueryPolicy withTimeout(long timeoutMs) {
        return new QueryPolicy(timeoutMs, KgConfig.Federation.DEFAULT);
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
    }

    /**
     * The project's exception (400 refused, 502 remote failure) for an error of the SERVICE policy raised while a query
     * ran, or null if {@code e} is not one.
     */
    public static KgException serviceError(Throwable e) {
        return ServiceAllowlist.asKgException(e);
    }

    /** A new context with the policy set. */
    public Context context() {
        Context c = new Context();
        applyTo(c);
        return c;
    }
}
