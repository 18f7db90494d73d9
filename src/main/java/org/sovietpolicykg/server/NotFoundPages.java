package org.sovietpolicykg.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.sovietpolicykg.NotFoundException;

/**
 * A path that no route serves is answered like every other 404 of the project ({@link HttpErrors}): a page that says
 * where to look for a browser, a short JSON message for a program. Fuseki's backstop servlet sends a bare 404 for
 * such paths; this filter turns that into the project's answer. The SPARQL endpoint's own errors ({@code /kg…}) are
 * Fuseki's, unchanged.
 */
final class NotFoundPages implements Filter {
    static final String HINT = "the pages start at /, the texts at /essay, the data's IRIs at /id/, /claim/, /text/ …, the API at /api/queries";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)
                || req.getRequestURI().startsWith("/kg")) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(resp) {
            @Override
            public void sendError(int sc, String msg) throws IOException {
                if (sc == HttpServletResponse.SC_NOT_FOUND && !isCommitted())
                    HttpErrors.send(req, resp, new NotFoundException("Nothing at " + req.getRequestURI() + "; " + HINT));
                else
                    super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                sendError(sc, null);
            }
        });
    }
}
