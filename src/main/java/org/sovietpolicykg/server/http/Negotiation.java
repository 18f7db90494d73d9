package org.sovietpolicykg.server.http;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

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

    /**
     * The same for a resource offered in media types of its own (TEI, Web Annotations), which are no formats of the
     * registry: the best fit of the Accept header among {@code offered} (q-values and wildcards count; parameters such
     * as a JSON-LD {@code profile} are the caller's to read), {@code fallback} without one, a 406 that lists them when
     * none fits.
     */
    public static String chooseMediaType(HttpServletRequest req, HttpServletResponse resp, List<String> offered, String fallback) {
        resp.addHeader("Vary", "Accept");
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank())
            return fallback;
        return matchMediaType(accept, offered).orElseThrow(() -> new NotAcceptableException("No format on offer fits Accept: " + accept.strip()
                + "; this resource is offered as " + offered));
    }

    /** The best fit of an Accept header among some media types, if any fits. */
    public static Optional<String> matchMediaType(String accept, List<String> offered) {
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(offered.toArray(String[]::new)));
        return m == null ? Optional.empty() : offered.stream().filter(o -> MediaType.create(o).getContentTypeStr().equals(m.getContentTypeStr()))
                .findFirst();
    }
}
