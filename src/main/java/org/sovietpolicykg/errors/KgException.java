package org.sovietpolicykg.errors;

/**
 * The root of every exception this project throws on purpose. Each kind carries the HTTP status it answers with
 * ({@link #status()}), so that the server maps an error to a status in one place and the command line to an exit code:
 * {@link BadRequestException} 400, {@link NotFoundException} 404, {@link MethodNotAllowedException} 405, {@link BadGatewayException} 502,
 * {@link UnavailableException} 503; anything else is the server's own fault, 500.
 */
public class KgException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public KgException(String message) {
        this(500, message);
    }

    public KgException(String message, Throwable cause) {
        super(message, cause);
        this.status = 500;
    }

    protected KgException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of this kind of trouble: 4xx for the client's, 5xx for the server's. */
    public int status() {
        return status;
    }
}
