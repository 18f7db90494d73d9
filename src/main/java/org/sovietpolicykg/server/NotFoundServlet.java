package org.sovietpolicykg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.NotFoundException;

/** A path under a route family that has no resource (e.g. {@code /api/nothing}): a 404 that says where to look. */
final class NotFoundServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    private final String hint;

    NotFoundServlet(String hint) {
        this.hint = hint;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) {
        throw new NotFoundException("Nothing at " + req.getRequestURI() + "; " + hint);
    }
}
