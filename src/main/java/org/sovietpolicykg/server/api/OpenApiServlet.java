package org.sovietpolicykg.server.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.queries.OpenApi;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;

/** {@code GET /api/openapi.json}: the OpenAPI 3 description of the canned-query API, made from the queries' headers. */
public final class OpenApiServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    private final transient QueryCatalog catalog;

    public OpenApiServlet(QueryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CatalogueServlet.json(resp, OpenApi.document(catalog, PublicUrl.of(req)));
    }
}
