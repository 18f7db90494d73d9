package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.html.Pages;

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
        send(null, resp, e);
    }

    /**
     * The same, as a page for a browser (a request whose Accept prefers HTML to JSON): the message, what it may have
     * meant, and where to go; as JSON for every other client.
     */
    public static void send(HttpServletRequest req, HttpServletResponse resp, Throwable e) throws IOException {
        int status = status(e);
        // 502 (a SERVICE endpoint failed) and 503 (too long) are not this server's fault: the client gets the message
        boolean internal = status >= 500 && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE
                && status != HttpServletResponse.SC_BAD_GATEWAY;
        if (internal)
            LOG.error("Internal error", e);
        String message = internal ? "Internal error; the server log has the details" : e.getMessage();
        List<Suggestion> suggestions = e instanceof NotFoundException nf ? nf.suggestions() : List.of();
        if (resp.isCommitted())
            return;
        resp.resetBuffer();
        resp.setStatus(status);
        // an error is never a cacheable version of the resource, whatever was set before it happened
        resp.setHeader("ETag", null);
        resp.setHeader("Last-Modified", null);
        resp.setHeader("Cache-Control", "no-store");
        resp.setCharacterEncoding("UTF-8");
        if (req != null && prefersHtml(req)) {
            Map<String, Object> scope = new HashMap<>();
            scope.put("title", status == 404 ? "Not found" : "Error " + status);
            scope.put("heading", status == 404 ? "Nothing here" : "This request could not be answered");
            scope.put("message", message);
            scope.put("status", status);
            scope.put("suggestions", suggestions);
            scope.put("hasSuggestions", !suggestions.isEmpty());
            resp.setContentType("text/html");
            resp.getWriter().write(Pages.render("error", scope));
            return;
        }
        resp.setContentType("application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        if (!suggestions.isEmpty())
            body.put("suggestions", suggestions.stream().map(x -> Map.of("label", x.label(), "href", x.href())).toList());
        JSON.writerWithDefaultPrettyPrinter().writeValue(resp.getOutputStream(), body);
    }

    /** A browser: its Accept puts text/html above application/json (a bare or missing Accept is a program's). */
    public static boolean prefersHtml(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        if (accept == null || !accept.contains("text/html"))
            return false;
        AcceptList offer = AcceptList.create("application/json", "text/html");
        MediaType chosen = AcceptList.match(new AcceptList(accept), offer);
        return chosen != null && chosen.getContentTypeStr().equals("text/html");
    }
}
