package org.sovietpolicykg.server.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.UnavailableException;
import org.sovietpolicykg.server.http.KgServlet;

/**
 * What a load balancer and a person ask a replica: {@code GET /health} (the process is alive: a few bytes, never behind
 * a query pool), {@code GET /ready} (the dataset is loaded and a first query has been answered; 503 before), and, on
 * every answer, the {@code X-Dataset-Fingerprint} of the dataset it serves, so that one can see which build answered.
 */
public final class ReplicaServlets {
    public static final String FINGERPRINT_HEADER = "X-Dataset-Fingerprint";

    private ReplicaServlets() {}

    /** {@code /health}: "ok". */
    public static final class Health extends KgServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("Cache-Control", "no-store");
            bytes(resp, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code /ready}: "ready FINGERPRINT" once the first query has been answered. */
    public static final class Ready extends KgServlet {
        private static final long serialVersionUID = 1L;
        private final transient AtomicBoolean ready;
        private final String fingerprint;

        public Ready(AtomicBoolean ready, String fingerprint) {
            this.ready = ready;
            this.fingerprint = fingerprint;
        }

        @Override
        protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("Cache-Control", "no-store");
            if (!ready.get())
                throw new UnavailableException("Not ready: the dataset is loading");
            bytes(resp, "text/plain", ("ready " + fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Puts the served dataset's fingerprint on every answer. */
    public static final class FingerprintHeader implements Filter {
        private final String fingerprint;

        public FingerprintHeader(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            ((HttpServletResponse) response).setHeader(FINGERPRINT_HEADER, fingerprint);
            chain.doFilter(request, response);
        }
    }
}
