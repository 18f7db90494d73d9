package org.sovietpolicykg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.sovietpolicykg.MethodNotAllowedException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;

/**
 * The base of the project's servlets, one per route. Everything they serve is read-only: GET, HEAD and OPTIONS go to
 * {@link #respond}; any other method is a 405. Whatever {@link #respond} throws is answered in one place,
 * {@link HttpErrors}, with the status its type carries and a short JSON message, never a stack trace.
 */
abstract class KgServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Answers a GET (HEAD uses it too, without the body). */
    protected abstract void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String m = req.getMethod();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        HttpErrors.send(req, resp, new MethodNotAllowedException(
                "Method " + m + " is not allowed on " + req.getRequestURI() + ": this server is read-only; use GET"));
    }

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            respond(req, resp);
        } catch (RuntimeException e) {
            HttpErrors.send(req, resp, e);
        }
    }

    /** The root URL of this server as the client called it, e.g. {@code http://localhost:3030}. */
    static String serverUrl(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
    }

    /** Where this server publishes the JSON-LD context, as the client called it. */
    static String contextUrl(HttpServletRequest req) {
        return serverUrl(req) + ContextServlet.PATH;
    }

    static void html(HttpServletResponse resp, String body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }

    /** A graph in an RDF format; JSON-LD compacted with the project's context, named by this server's URL for it. */
    static void rdf(HttpServletRequest req, HttpServletResponse resp, Format format, Graph g, JsonLdContext context) throws IOException {
        byte[] body;
        if (format == Format.JSONLD) {
            body = context.write(g, contextUrl(req));
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, g, format.lang());
            body = out.toByteArray();
        }
        bytes(resp, format.mediaType(), body);
    }

    static void bytes(HttpServletResponse resp, String mediaType, byte[] body) throws IOException {
        resp.setStatus(200);
        resp.setContentType(mediaType);
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(body);
    }
}
