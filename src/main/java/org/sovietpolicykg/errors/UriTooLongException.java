package org.sovietpolicykg.errors;

/** A query string (or URI) longer than the server takes: HTTP 414. */
public class UriTooLongException extends KgException {
    private static final long serialVersionUID = 1L;

    public UriTooLongException(String message) {
        super(414, message);
    }
}
