package org.sovietpolicykg;

/** A name (query, entity, page) that does not exist: HTTP 404. */
public class NotFoundException extends KgException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(404, message);
    }
}
