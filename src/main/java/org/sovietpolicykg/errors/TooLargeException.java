package org.sovietpolicykg.errors;

/** A request larger than the server takes (its body, its query): HTTP 413. */
public class TooLargeException extends KgException {
    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(413, message);
    }
}
