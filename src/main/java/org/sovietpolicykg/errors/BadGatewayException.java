package org.sovietpolicykg.errors;

/** Another server this one called on a client's behalf (a SERVICE endpoint) failed or could not be reached: HTTP 502. */
public class BadGatewayException extends KgException {
    private static final long serialVersionUID = 1L;

    public BadGatewayException(String message) {
        super(502, message);
    }
}
