package org.sovietpolicykg.server.sparql;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.UnavailableException;
import org.sovietpolicykg.server.http.HttpErrors;

/**
 * A bounded pool of query workers with a short queue, in front of the routes that run queries: at most
 * {@code workers} queries run at once; up to {@code queue} more wait, each at most {@code maxWaitMs}; beyond that the
 * answer is at once a 503 with {@code Retry-After}, and everything else (pages, assets, dumps) goes on being served.
 * The SPARQL endpoint and the canned queries have a gate each, so that slow ad-hoc queries never hold up the ready
 * questions. OPTIONS and HEAD are not gated; neither are requests that run no query.
 * <p>
 * Why ours and not Jetty 12's {@code QoSHandler}: that one sits in Jetty's handler tree in front of Fuseki's single
 * servlet context, so separate pools for the endpoint and the canned queries would need path matching of their own
 * outside the servlet mappings, and what it rejects is Jetty's bare 503 rather than the project's error (JSON or a
 * page, with {@code Retry-After}, through {@link HttpErrors}). This is a {@link Semaphore} with a bounded wait,
 * mounted per path like every other filter.
 */
public final class QueryGate implements Filter {
    private final String name;
    private final int workers;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queue;
    private final long maxWaitMs;

    public QueryGate(String name, int workers, int queue, long maxWaitMs) {
        this.name = name;
        this.workers = workers;
        this.running = new Semaphore(workers, true);
        this.queue = queue;
        this.maxWaitMs = maxWaitMs;
    }

    /** How many queries run through this gate now. */
    public int running() {
        return workers - running.availablePermits();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String m = req.getMethod();
        if (!m.equals("GET") && !m.equals("POST")) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted = running.tryAcquire();
        if (!admitted) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                busy((HttpServletResponse) response);
                return;
            }
            try {
                admitted = running.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
            if (!admitted) {
                busy((HttpServletResponse) response);
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private void busy(HttpServletResponse resp) throws IOException {
        resp.setHeader("Retry-After", "1");
        HttpErrors.send(resp, new UnavailableException("The server is running as many " + name + " queries as it can; try again in a"
                + " moment (Retry-After)"));
    }
}
