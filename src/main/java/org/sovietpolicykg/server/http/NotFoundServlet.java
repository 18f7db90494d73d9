package org.sovietpolicykg.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.NotFoundException;

/** A path under a route family that has no resource (e.g. {@code /api/nothing}): a 404 that says where to look. */
public final class NotFoundServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public NotFoundServlet(String hint) {
        this.hint = hint;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) {
        throw new NotFoundException("Nothing at " + req.getRequestURI() + "; " + hint);
    }
}
