package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.sovietpolicykg.errors.NotFoundException;

/**
 * A path that no route serves is answered like every other 404 of the project ({@link HttpErrors}): a page that says
 * where to look for a browser, a short JSON message for a program. Fuseki's backstop servlet sends a bare 404 for
 * such paths; this filter turns that into the project's answer. Under the dataset ({@code /kg/NAME}) a name that is
 * none of its endpoints ({@code /kg/update}: this server takes no writes) is such a 404 too, said before Fuseki sees
 * it; the endpoints' own errors are theirs, unchanged.
 */
public final class NotFoundPages implements Filter {
    public static final String HINT = "the pages start at /, the texts at /essay, the data's IRIs at /id/, /claim/, /text/ …, the API at /api/queries";

    private final String dataset;
    private final Set<String> endpoints;

    /** For a dataset at {@code dataset} ({@code /kg}) with these endpoint names ({@code sparql}, {@code get}, …). */
    public NotFoundPages(String dataset, Set<String> endpoints) {
        this.dataset = dataset;
        this.endpoints = Set.copyOf(endpoints);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        String path = req.getRequestURI();
        if (path.equals(dataset) || path.startsWith(dataset + "/")) {
            String name = path.equals(dataset) ? "" : path.substring(dataset.length() + 1);
            if (name.isEmpty() || endpoints.contains(name))
                chain.doFilter(request, response);
            else
                HttpErrors.send(req, resp, new NotFoundException("No endpoint at " + path + ": this server is read-only (no SPARQL"
                        + " Update, no Graph Store writes); SPARQL Query is at " + dataset + "/sparql (also " + dataset + "/query), the"
                        + " Graph Store read at " + dataset + "/get"));
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
