package org.sovietpolicykg.errors;

/** A method the resource does not take (everything served is read-only): HTTP 405. */
public class MethodNotAllowedException extends KgException {
    private static final long serialVersionUID = 1L;

    public MethodNotAllowedException(String message) {
        super(405, message);
    }
}
