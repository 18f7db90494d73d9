package org.sovietpolicykg.queries;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

import org.sovietpolicykg.config.KgConfig.Federation;
import org.sovietpolicykg.errors.BadGatewayException;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;

/**
 * Where SERVICE may call, enforced in Jena's own service execution: a link at the head of the service executor chain
 * of the query context, so it sees every SERVICE call after its target is known (a constant IRI, or a variable as
 * bound for this solution) and before any connection is opened. It applies the aliases (Wikidata's endpoint to a
 * local mirror), then refuses any target that is not on the allowlist, SERVICE SILENT included (SILENT forgives a
 * failing endpoint, never a forbidden one). Calls that pass go on to Jena's HTTP executor, with the query's time limit
 * and an HTTP client that follows no redirect (a redirect must not lead past the allowlist).
 * <p>
 * Errors are Jena {@link HttpException}s, which Fuseki answers with their status and message (400 for a refused
 * target, 502 for a failing one); {@link #asKgException} turns them into the project's own for every other path.
 */
final class ServiceAllowlist implements ChainingServiceExecutor {
    /**
     * One client for every policy, made on the first SERVICE call (not at start-up: a client starts a thread of its
     * own and takes a tenth of a second): it follows no redirect; each request's own timeout is the query's time
     * limit ({@code ARQ.httpQueryTimeout}), and connecting takes at most 10 s.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private final Federation federation;
    private final long timeoutMs;

    ServiceAllowlist(Federation federation, long timeoutMs) {
        this.federation = federation;
        this.timeoutMs = timeoutMs;
    }

    /** Sets the allowlist on a query context: its own service executor registry, the time limit (the HTTP client on the first call). */
    void applyTo(Context context) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(ServiceExecutorRegistry.httpService);
        registry.addSingleLink(this); // prepended: runs before the HTTP executor
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpServiceAllowed, true);
        context.set(ARQ.httpQueryTimeout, Long.toString(timeoutMs));
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding, ExecutionContext execCxt,
            ServiceExecutor chain) {
        Node target = opExecute.getService();
        if (!target.isURI())
            throw new Refused("SERVICE " + describe(opOriginal.getService()) + " is refused: its target is "
                    + (target.isVariable() ? "not bound to an IRI" : "not an IRI (" + target + ")") + "; " + allowed());
        String asked = target.getURI();
        String endpoint = federation.resolve(asked);
        if (!federation.allows(endpoint))
            throw new Refused("SERVICE <" + asked + "> is refused: "
                    + (endpoint.equals(asked) ? "" : "its alias <" + endpoint + "> is ") + "not an allowed endpoint; " + allowed());
        OpService call = endpoint.equals(asked) ? opExecute
                : new OpService(NodeFactory.createURI(endpoint), opExecute.getSubOp(), opExecute.getSilent());
        execCxt.getContext().set(ARQ.httpQueryClient, Http.CLIENT);
        long started = System.nanoTime();
        try {
            return chain.createExecution(call, opOriginal, binding, execCxt);
        } catch (QueryExceptionHTTP e) {
            // only a non-SILENT call gets here: Jena's HTTP executor answers a failing SILENT call with no rows
            int status = e.getStatusCode();
            String where = "SERVICE <" + asked + ">" + (endpoint.equals(asked) ? "" : " (at <" + endpoint + ">)");
            if (status > 0)
                throw new Failed(where + " answered HTTP " + status + (e.getResponseMessage() == null ? "" : " " + e.getResponseMessage()), status);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root)
                root = root.getCause();
            // out of time: the call's own timeout, or the query's limit that closed the call's connection first
            boolean outOfTime = root instanceof HttpTimeoutException || (System.nanoTime() - started) / 1_000_000 >= timeoutMs - 100;
            throw new Failed(where + (outOfTime ? " did not answer within " + timeoutMs + " ms, the query's time limit"
                    : " could not be reached (" + root.getClass().getSimpleName().replaceAll("Exception$", "") + (root.getMessage() == null ? ""
                            : ": " + root.getMessage()) + ")"), status);
        }
    }

    private String allowed() {
        return federation.allowedServices().isEmpty() ? "this server allows no SERVICE endpoint"
                : "the allowed endpoints are " + String.join(", ", federation.allowedServices().stream().map(u -> "<" + u + ">").toList());
    }

    private static String describe(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }

    /** The project's exception for one of this class's, or null if it is not one. */
    static KgException asKgException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r)
                return new BadRequestException(r.getMessage());
            if (t instanceof Failed f)
                return new BadGatewayException(f.getMessage());
        }
        return null;
    }

    /** A SERVICE target that is not allowed: 400, before any connection. */
    static final class Refused extends HttpException {
        private static final long serialVersionUID = 1L;
        private final String message;

        Refused(String message) {
            super(400, "Bad Request");
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** An allowed SERVICE endpoint that failed or could not be reached: 502, with the remote's status if it gave one. */
    static final class Failed extends HttpException {
        private static final long serialVersionUID = 1L;
        private final String message;
        private final int remoteStatus;

        Failed(String message, int remoteStatus) {
            super(502, "Bad Gateway");
            this.message = message;
            this.remoteStatus = remoteStatus;
        }

        @Override
        public String getMessage() {
            return message;
        }

        /** The remote's HTTP status, or -1 if it gave none. */
        int remoteStatus() {
            return remoteStatus;
        }
    }
}
