package org.sovietpolicykg.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional requests (RFC 9110 13.1), in one place for every answer that has a strong entity tag: the kept answers
 * of the endpoint and the canned queries, the dumps, the JSON-LD context. {@link #revalidate} puts the tag and its
 * {@code Cache-Control} on the answer and says whether it is a 304.
 * <pre>
 *   if (ConditionalGet.revalidate(req, resp, etag, ConditionalGet.KEPT_ANSWER, -1))
 *       return;                      // 304 sent
 *   // ... write the 200
 * </pre>
 */
public final class ConditionalGet {
    /** A kept answer of the immutable dataset: a client may reuse it for five minutes, then revalidates. */
    public static final String KEPT_ANSWER = "public, max-age=300";

    private ConditionalGet() {}

    /**
     * Sets {@code ETag} and {@code Cache-Control} (and {@code Last-Modified} when {@code lastModifiedMs} is not
     * negative), and answers 304 if the request's validators match: {@code If-None-Match} decides when present (weak
     * comparison, as for a GET), else {@code If-Modified-Since}. True when the 304 was sent.
     */
    public static boolean revalidate(HttpServletRequest req, HttpServletResponse resp, String etag, String cacheControl,
            long lastModifiedMs) {
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", cacheControl);
        if (lastModifiedMs >= 0)
            resp.setDateHeader("Last-Modified", lastModifiedMs);
        if (!isNotModified(req, etag, lastModifiedMs))
            return false;
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    /**
     * Whether the request's validators match (If-None-Match when present, else If-Modified-Since against a
     * {@code lastModifiedMs} that is not negative), without touching the response.
     */
    public static boolean isNotModified(HttpServletRequest req, String etag, long lastModifiedMs) {
        String inm = req.getHeader("If-None-Match");
        if (inm != null)
            return matches(inm, etag);
        if (lastModifiedMs < 0)
            return false;
        long since;
        try {
            since = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false; // not a date: ignored, as RFC 9110 says
        }
        return since >= 0 && lastModifiedMs <= since;
    }

    /** Whether If-None-Match (a list of tags, or {@code *}) names the tag; compared weakly, as for a GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.startsWith("W/"))
                tag = tag.substring(2);
            if (tag.equals("*") || tag.equals(etag))
                return true;
        }
        return false;
    }
}
