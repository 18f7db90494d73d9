package org.sovietpolicykg.server;

/** Conditional requests (RFC 9110 13.1.2): whether an {@code If-None-Match} header names an entity tag. */
final class ConditionalGet {
    private ConditionalGet() {}

    /** Whether If-None-Match (a list of tags, or {@code *}) names the tag; compared weakly, as for a GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null)
            return false;
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
