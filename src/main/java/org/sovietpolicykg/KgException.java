package org.sovietpolicykg;

/**
 * The root of every exception this project throws on purpose. Subclasses say what kind of trouble it is,
 * so that the command line and the server can map each kind to an exit code or an HTTP status in one place.
 */
public class KgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KgException(String message) {
        super(message);
    }

    public KgException(String message, Throwable cause) {
        super(message, cause);
    }
}
