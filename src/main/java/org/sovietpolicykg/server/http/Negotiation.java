package org.sovietpolicykg.server.http;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.formats.Format;

/**
 * Content negotiation for every endpoint that offers more than one format: {@code ?format=KEY} wins, else the Accept
 * header (by {@link Format#choose}); the answer says {@code Vary: Accept} (added to any Vary already set, e.g. Origin),
 * so that caches keep one copy per format.
 */
public final class Negotiation {
    private Negotiation() {}

    public static Format choose(HttpServletRequest req, HttpServletResponse resp, List<Format> offered, Format fallback) {
        resp.addHeader("Vary", "Accept");
        return Format.choose(req.getParameter("format"), req.getHeader("Accept"), offered, fallback);
    }
}
