package org.sovietpolicykg.server.http;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;

import org.sovietpolicykg.errors.MethodNotAllowedException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.GraphOutput;
import org.sovietpolicykg.formats.JsonLdContext;

/**
 * The base of the project's servlets, one per route. Everything they serve is read-only: GET, HEAD and OPTIONS go to
 * {@link #respond}; any other method is a 405. Whatever {@link #respond} throws is answered in one place,
 * {@link HttpErrors}, with the status its type carries and a short JSON message, never a stack trace.
 */
public abstract class KgServlet extends HttpServlet {
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

    public static void html(HttpServletResponse resp, String body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }

    /** A graph in an RDF format; JSON-LD compacted with the project's context, named by this server's URL for it. */
    public static void rdf(HttpServletRequest req, HttpServletResponse resp, Format format, Graph g, JsonLdContext context) throws IOException {
        bytes(resp, format.mediaType(), GraphOutput.write(g, format, context, PublicUrl.contextUrl(req)));
    }

    public static void bytes(HttpServletResponse resp, String mediaType, byte[] body) throws IOException {
        resp.setStatus(200);
        resp.setContentType(mediaType);
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(body);
    }
}
