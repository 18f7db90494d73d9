package org.sovietpolicykg.errors;

/** An {@code Accept} header that names no format the resource is offered in: HTTP 406, with the formats on offer. */
public class NotAcceptableException extends KgException {
    private static final long serialVersionUID = 1L;

    public NotAcceptableException(String message) {
        super(406, message);
    }
}
