package org.sovietpolicykg.server;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Chooses what to answer from the Accept header and what a resource offers, with q-values and wildcards, by Jena's
 * own {@link AcceptList} (the matcher Fuseki uses), so that every servlet negotiates the same way.
 */
public final class ContentNegotiation {
    private ContentNegotiation() {}

    /** The offered media type that best fits the Accept header; empty when none fits or no header was sent. */
    public static Optional<String> choose(String accept, List<String> offered) {
        if (accept == null || accept.isBlank())
            return Optional.empty();
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(offered.toArray(String[]::new)));
        return m == null ? Optional.empty() : Optional.of(m.getContentTypeStr());
    }
}
