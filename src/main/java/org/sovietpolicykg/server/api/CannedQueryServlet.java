package org.sovietpolicykg.server.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Query;

import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.cache.AnswerCache.Answer;
import org.sovietpolicykg.server.cache.AnswerCache.Key;
import org.sovietpolicykg.server.cache.AnswerCache;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.RequestParameters;

/**
 * {@code GET /api/queries/NAME?param=value}: runs one canned query, its parameters bound from the query string, in
 * the format that {@code ?format=} names or else the Accept header asks for (JSON or Turtle by default). The dataset
 * cannot change while the server runs, so an answer is kept in the server's one {@link AnswerCache} (shared with the
 * endpoint), with its strong ETag, {@code Cache-Control} and 304. A federated
 * query's answer is not kept and has no ETag: it depends on another endpoint, which may change or fail at any time.
 */
public final class CannedQueryServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/api/queries/";

    private final transient QueryCatalog catalog;
    private final transient QueryRunner runner;
    private final transient AnswerCache answers;

    /** The catalogue's queries, run by the runner, their answers kept in {@code answers}. */
    public CannedQueryServlet(QueryCatalog catalog, QueryRunner runner, AnswerCache answers) {
        this.catalog = catalog;
        this.runner = runner;
        this.answers = answers;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CannedQuery q = catalog.get(req.getPathInfo() == null ? "" : req.getPathInfo().substring(1));
        Map<String, String> params = RequestParameters.single(req);
        Query bound = QueryBinder.bind(q, params, catalog.base());
        // a format key that names a graph format for a SELECT (or the reverse) is for the runner to refuse, by name
        Format format = params.containsKey("format") ? Format.byKey(params.get("format"), Format.answers())
                : Negotiation.choose(req, resp, Format.fitting(q.isTabular()), QueryRunner.defaultFormat(bound));
        // the answer depends on the dataset, the query, its parameters, the format and the public URL, and on nothing else
        Map<String, String> request = new TreeMap<>(params);
        request.remove("format");
        String contextUrl = PublicUrl.contextUrl(req);
        if (q.isFederated() || !answers.keeps()) {
            if (q.isFederated())
                resp.setHeader("Cache-Control", "no-cache");
            bytes(resp, format.mediaType(), runner.run(bound, format, contextUrl));
            return;
        }
        Key key = AnswerCache.key("api/" + q.name(), request.toString(), format.key(), PublicUrl.of(req));
        if (answers.revalidate(req, resp, key))
            return;
        answers.send(resp, key, answers.get(key, () -> new Answer(format.mediaType(), List.of(),
                runner.run(bound, format, contextUrl))));
    }
}
