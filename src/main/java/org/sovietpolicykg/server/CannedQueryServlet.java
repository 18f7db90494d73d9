package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Query;
import org.sovietpolicykg.Sha256;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * {@code GET /api/queries/NAME?param=value}: runs one canned query, its parameters bound from the query string, in
 * the format that {@code ?format=} names or else the Accept header asks for (JSON or Turtle by default). The dataset
 * cannot change while the server runs, so an answer is kept (a cache bounded by bytes, Caffeine) and carries a strong
 * ETag made of the dataset's fingerprint and the request, {@code Cache-Control}, and a 304 on revalidation. A federated
 * query's answer is not kept and has no ETag: it depends on another endpoint, which may change or fail at any time.
 */
final class CannedQueryServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/queries/";

    /** How long a client may reuse an answer before it revalidates (the dataset is immutable while a server runs). */
    static final String CACHE_CONTROL = "public, max-age=300";

    /** An answer as it is sent: its media type, its bytes. */
    private record Answer(String mediaType, byte[] body) {}

    private final transient QueryCatalog catalog;
    private final transient QueryRunner runner;
    private final transient BaseIri base;
    private final String fingerprint;
    /** Answers of an immutable dataset, by request: bounded by their bytes (Caffeine), never an error. */
    private final transient Cache<String, Answer> answers;

    /** The answers kept are bounded by the runner's limits ({@code --answer-cache-mb}). */
    CannedQueryServlet(QueryCatalog catalog, QueryRunner runner, BaseIri base, String fingerprint) {
        this.catalog = catalog;
        this.runner = runner;
        this.base = base;
        this.fingerprint = fingerprint;
        this.answers = Caffeine.newBuilder().maximumWeight(runner.policy().limits().answerCacheBytes())
                .weigher((String key, Answer a) -> a.body().length + 2 * key.length() + 64).build();
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CannedQuery q = catalog.get(req.getPathInfo() == null ? "" : req.getPathInfo().substring(1));
        Map<String, String> params = RequestParameters.single(req);
        Query bound = QueryBinder.bind(q, params, base);
        // a format key that names a graph format for a SELECT (or the reverse) is for the runner to refuse, by name
        Format format = params.containsKey("format") ? Format.byKey(params.get("format"), Format.answers())
                : Negotiation.choose(req, resp, Format.fitting(q.isTabular()), QueryRunner.defaultFormat(bound));
        // the answer depends on the dataset, the query, its parameters and the format, and on nothing else
        Map<String, String> key = new TreeMap<>(params);
        key.remove("format");
        // a JSON-LD answer names this server's context, as the client called it
        String contextUrl = contextUrl(req);
        String request = q.name() + "\n" + key + "\n" + format.key() + (format == Format.JSONLD ? "\n" + contextUrl : "");
        // a bound of 0 keeps nothing (Caffeine would keep an answer until its next maintenance)
        if (q.isFederated() || runner.policy().limits().answerCacheBytes() == 0) {
            if (q.isFederated())
                resp.setHeader("Cache-Control", "no-cache");
            bytes(resp, format.mediaType(), runner.run(bound, format, contextUrl));
            return;
        }
        String etag = "\"" + Sha256.hex(fingerprint + "\n" + request).substring(0, 32) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        if (ConditionalGet.matches(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Answer a = answers.get(request, k -> new Answer(format.mediaType(), runner.run(bound, format, contextUrl)));
        bytes(resp, a.mediaType(), a.body());
    }
}
