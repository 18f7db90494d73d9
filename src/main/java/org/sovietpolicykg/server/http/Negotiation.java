package org.sovietpolicykg.server.http;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.NotAcceptableException;
import org.sovietpolicykg.formats.Format;

/**
 * Content negotiation for every endpoint that offers more than one format: {@code ?format=KEY} wins, else the Accept
 * header (by {@link Format#choose}), and an Accept that fits none of the formats on offer is a 406 that lists them
 * (a browser's, which ends in a wildcard, always fits); the answer says {@code Vary: Accept} (added to any Vary already set, e.g. Origin),
 * so that caches keep one copy per format.
 */
public final class Negotiation {
    private Negotiation() {}

    public static Format choose(HttpServletRequest req, HttpServletResponse resp, List<Format> offered, Format fallback) {
        resp.addHeader("Vary", "Accept");
        String key = req.getParameter("format");
        String accept = req.getHeader("Accept");
        if (key == null && accept != null && !accept.isBlank() && Format.match(accept, offered).isEmpty())
            throw new NotAcceptableException("No format on offer fits Accept: " + accept.strip() + "; this resource is offered as "
                    + offered.stream().map(Format::mediaType).toList() + " (or ?format= " + Format.keys(offered) + ")");
        return Format.choose(key, accept, offered, fallback);
    }
}
