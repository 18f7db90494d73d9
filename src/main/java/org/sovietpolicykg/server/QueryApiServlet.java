package org.sovietpolicykg.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.Query;
import org.sovietpolicykg.NotFoundException;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.OpenApi;
import org.sovietpolicykg.queries.Parameter;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.queries.ResultFormat;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The canned-query API under {@code /api/}:
 * {@code GET /api/queries} the catalogue as JSON; {@code GET /api/queries/{name}?param=value} runs one, the format
 * chosen by {@code ?format=} or else the Accept header; {@code GET /api/openapi.json} the OpenAPI 3 description.
 */
public final class QueryApiServlet extends ReadOnlyServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient QueryCatalog catalog;
    private final transient QueryRunner runner;

    public QueryApiServlet(QueryCatalog catalog, QueryRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
            if (path.equals("/queries") || path.equals("/queries/"))
                json(resp, catalogue());
            else if (path.startsWith("/queries/"))
                run(path.substring("/queries/".length()), req, resp);
            else if (path.equals("/openapi.json"))
                json(resp, OpenApi.document(catalog, serverUrl(req)));
            else
                throw new NotFoundException("No API resource at /api" + path + "; try /api/queries or /api/openapi.json");
        } catch (RuntimeException e) {
            HttpErrors.send(resp, e);
        }
    }

    private void run(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CannedQuery q = catalog.get(name);
        Map<String, String> params = RequestParameters.single(req);
        Query bound = QueryBinder.bind(q, params, runner.baseIri());
        ResultFormat format = params.containsKey("format") ? ResultFormat.byKey(params.get("format"))
                : ContentNegotiation.choose(req.getHeader("Accept"), ResultFormat.fitting(q.isTabular()).stream().map(ResultFormat::mediaType).toList())
                        .flatMap(mt -> ResultFormat.byMediaType(mt, q.isTabular())).orElse(QueryRunner.defaultFormat(bound));
        byte[] body = runner.run(bound, format);
        resp.setStatus(200);
        resp.setContentType(format.mediaType());
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(body);
    }

    private List<Map<String, Object>> catalogue() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CannedQuery q : catalog.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("summary", q.summary());
            m.put("description", q.description());
            m.put("tags", q.tags());
            m.put("kind", q.parsed().queryType().toString());
            m.put("ordered", q.isOrdered());
            m.put("path", "/api/queries/" + q.name());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (Parameter p : q.parameters()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("type", p.typeName());
                pm.put("required", p.required());
                pm.put("description", p.description());
                p.defaultValue().ifPresent(d -> pm.put("default", d));
                p.example().ifPresent(d -> pm.put("example", d));
                ps.add(pm);
            }
            m.put("parameters", ps);
            m.put("query", q.text());
            out.add(m);
        }
        return out;
    }

    private static String serverUrl(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
    }

    private static void json(HttpServletResponse resp, Object body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writerWithDefaultPrettyPrinter().writeValue(resp.getOutputStream(), body);
    }
}
