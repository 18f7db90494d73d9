package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryParseException;
import org.sovietpolicykg.BadRequestException;
import org.sovietpolicykg.NotFoundException;
import org.sovietpolicykg.queries.QueryRunner.QueryTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps exceptions to HTTP status codes in one place: 400 for a bad request (with the parser's or the binder's
 * message), 404 for an unknown name, 503 for a query that ran too long, 500 for anything else. The client always gets
 * a short JSON message, never a stack trace; the log gets the trace of a 500.
 */
public final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpErrors() {}

    public static int status(Throwable e) {
        if (e instanceof BadRequestException || e instanceof QueryParseException)
            return HttpServletResponse.SC_BAD_REQUEST;
        if (e instanceof NotFoundException)
            return HttpServletResponse.SC_NOT_FOUND;
        if (e instanceof QueryTimeoutException)
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    public static void send(HttpServletResponse resp, Throwable e) throws IOException {
        int status = status(e);
        String message = status == 500 ? "Internal error; the server log has the details" : e.getMessage();
        if (status == 500)
            LOG.error("Internal error", e);
        send(resp, status, message);
    }

    public static void send(HttpServletResponse resp, int status, String message) throws IOException {
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
