package org.sovietpolicykg.errors;

/** The server cannot answer now, e.g. a query stopped by its time limit: HTTP 503. */
public class UnavailableException extends KgException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(503, message);
    }
}
