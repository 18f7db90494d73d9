package org.sovietpolicykg.server;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The base of the project's servlets: everything they serve is read-only, so any method but GET, HEAD and OPTIONS is
 * answered 405 with a message (JSON, through {@link HttpErrors}) rather than the container's default page.
 */
abstract class ReadOnlyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String m = req.getMethod();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        HttpErrors.send(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "Method " + m + " is not allowed on " + req.getRequestURI() + ": this server is read-only; use GET");
    }
}
