package org.sovietpolicykg.server.http;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;

import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.errors.NotFoundException;

/**
 * The static assets ({@code /static/...}: the site's CSS and script, the SPARQL editor from npm), served from the jar's
 * {@code static/} folder by Jetty's own resource servlet: content types, ETag and Last-Modified with 304s, ranges, no
 * directory listings. Configured here, in code, because Fuseki adds servlets as instances.
 */
public final class StaticAssets extends ResourceServlet {
    private static final long serialVersionUID = 1L;
    public static final String FOLDER = "static/";

    private final transient Map<String, String> params;

    /** The assets under {@code /static/}. */
    public StaticAssets() {
        this(true);
    }

    /**
     * The assets at the path they are requested under, for the few a client asks for at the root of the server
     * without a page naming them: {@code /favicon.ico}. Mapped at exactly those paths.
     */
    public static StaticAssets atRoot() {
        return new StaticAssets(false);
    }

    private StaticAssets(boolean underStatic) {
        URL folder = StaticAssets.class.getClassLoader().getResource(FOLDER);
        if (folder == null)
            throw new KgException("The static assets are missing from the program: no " + FOLDER + " on the class path");
        this.params = Map.of("baseResource", folder.toExternalForm(), "pathInfoOnly", String.valueOf(underStatic), "dirAllowed", "false",
                "etags", "true", "acceptRanges", "true", "cacheControl", "public, max-age=3600", "redirectWelcome", "false");
    }

    /** A folder is not an asset: 404, as for a file that is not there (Jetty would answer 403). */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = "true".equals(params.get("pathInfoOnly")) ? req.getPathInfo() : req.getServletPath();
        if (path == null || path.endsWith("/"))
            doNotFound(req, resp, path);
        else
            super.doGet(req, resp);
    }

    /** Not found: the project's own short JSON message, like every other 404 of the server. */
    @Override
    protected void doNotFound(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        HttpErrors.send(req, resp, new NotFoundException("No asset at " + req.getRequestURI()));
    }

    @Override
    public String getInitParameter(String name) {
        return params.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
    }
}
