package org.sovietpolicykg.errors;

/** A request (query text, parameter, format) that cannot be answered as asked: HTTP 400. */
public class BadRequestException extends KgException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(400, message);
    }
}
