package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sovietpolicykg.KgException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers an error in one place: the status is the one the exception's type carries ({@link KgException#status()}:
 * 400 bad request, 404 unknown name, 405 method, 502 a SERVICE endpoint failed, 503 too long), and anything else is 500. The client always gets a
 * short JSON message, never a stack trace; the log gets the trace of a 500.
 */
public final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpErrors() {}

    public static int status(Throwable e) {
        return e instanceof KgException k ? k.status() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    public static void send(HttpServletResponse resp, Throwable e) throws IOException {
        int status = status(e);
        // 502 (a SERVICE endpoint failed) and 503 (too long) are not this server's fault: the client gets the message
        boolean internal = status >= 500 && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && status != HttpServletResponse.SC_BAD_GATEWAY;
        if (internal)
            LOG.error("Internal error", e);
        send(resp, status, internal ? "Internal error; the server log has the details" : e.getMessage());
    }

    private static void send(HttpServletResponse resp, int status, String message) throws IOException {
        if (resp.isCommitted())
            return;
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        JSON.writerWithDefaultPrettyPrinter().writeValue(resp.getOutputStream(), body);
    }
}
