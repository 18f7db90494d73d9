package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Query;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * {@code GET /api/queries/NAME?param=value}: runs one canned query, its parameters bound from the query string, in
 * the format that {@code ?format=} names or else the Accept header asks for (JSON or Turtle by default).
 */
final class CannedQueryServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/queries/";

    private final transient QueryCatalog catalog;
    private final transient QueryRunner runner;
    private final transient BaseIri base;

    CannedQueryServlet(QueryCatalog catalog, QueryRunner runner, BaseIri base) {
        this.catalog = catalog;
        this.runner = runner;
        this.base = base;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CannedQuery q = catalog.get(req.getPathInfo() == null ? "" : req.getPathInfo().substring(1));
        Map<String, String> params = RequestParameters.single(req);
        Query bound = QueryBinder.bind(q, params, base);
        // a format key that names a graph format for a SELECT (or the reverse) is for the runner to refuse, by name
        Format format = params.containsKey("format") ? Format.byKey(params.get("format"), Format.answers())
                : Negotiation.choose(req, resp, Format.fitting(q.isTabular()), QueryRunner.defaultFormat(bound));
        bytes(resp, format.mediaType(), runner.run(bound, format));
    }
}
