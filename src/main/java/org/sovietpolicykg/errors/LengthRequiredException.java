package org.sovietpolicykg.errors;

/** A request body whose size is not said (no Content-Length): HTTP 411. */
public class LengthRequiredException extends KgException {
    private static final long serialVersionUID = 1L;

    public LengthRequiredException(String message) {
        super(411, message);
    }
}
