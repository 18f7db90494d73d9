package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.sparql.Endpoints;

/** The SPARQL editor, {@code /editor}: YASGUI from npm, served by this server, pointed at its endpoint. */
public final class EditorServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        html(resp, Pages.render("editor", Map.of("title", "SPARQL editor", "yasgui", true,
                "endpoint", PublicUrl.of(req) + Endpoints.QUERY)));
    }
}
