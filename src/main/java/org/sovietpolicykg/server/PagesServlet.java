package org.sovietpolicykg.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.NotFoundException;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Statistics;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.Parameter;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.queries.ResultFormat;
import org.sovietpolicykg.vocabulary.Prefixes;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * The human side of the server: the landing page ({@code /}) with the canned queries, a results page per query
 * ({@code /run/NAME?param=value}, a plain HTML table that needs no script), the SPARQL editor ({@code /editor},
 * YASGUI from npm) and the static assets ({@code /static/...}, from the jar).
 */
public final class PagesServlet extends ReadOnlyServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript",
            "map", "application/json", "json", "application/json", "html", "text/html", "svg", "image/svg+xml");

    private final transient QueryCatalog catalog;
    private final transient QueryRunner runner;
    private final transient Statistics stats;

    private final String base;

    /** {@code named}: the served named graphs (for the figures); IRIs under {@code baseIri} link to their local pages. */
    public PagesServlet(QueryCatalog catalog, QueryRunner runner, DatasetGraph named, String baseIri) {
        this.catalog = catalog;
        this.runner = runner;
        this.base = baseIri;
        this.stats = Statistics.of(named, Datasets.graphName(SPD.GRAPH_CURATED, baseIri));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        try {
            if (path.equals("/") || path.equals("/index.html"))
                html(resp, Pages.render("index", index(req)));
            else if (path.startsWith("/run/"))
                html(resp, Pages.render("run", run(path.substring("/run/".length()), req)));
            else if (path.equals("/editor"))
                html(resp, Pages.render("editor", Map.of("title", "SPARQL editor", "yasgui", true, "endpoint", endpoint(req))));
            else if (path.startsWith("/static/"))
                asset(path.substring(1), resp);
            else
                throw new NotFoundException("Nothing at " + path + "; the home page is /");
        } catch (RuntimeException e) {
            HttpErrors.send(resp, e);
        }
    }

    private Map<String, Object> index(HttpServletRequest req) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Home");
        scope.put("triples", stats.totalTriples());
        scope.put("graphs", stats.triplesPerGraph().size());
        scope.put("endpoint", endpoint(req));
        List<Map<String, Object>> qs = new ArrayList<>();
        for (CannedQuery q : catalog.all()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", q.name());
            m.put("summary", q.summary());
            m.put("description", q.description());
            m.put("tags", q.tags());
            // the editor gets the query with its defaults bound, so that it runs as the catalogue describes
            m.put("encodedText", enc(QueryBinder.bind(q, Map.of(), base).serialize()));
            m.put("firstFormat", ResultFormat.fitting(q.isTabular()).get(q.isTabular() ? 1 : 0).key());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (Parameter p : q.parameters())
                ps.add(Map.of("name", p.name(), "type", p.typeName(), "default", p.defaultValue().orElse("")));
            m.put("parameters", ps);
            qs.add(m);
        }
        scope.put("queries", qs);
        return scope;
    }

    private Map<String, Object> run(String name, HttpServletRequest req) {
        CannedQuery q = catalog.get(name);
        Map<String, String> values = new LinkedHashMap<>(RequestParameters.single(req));
        // an empty form field is an optional parameter left out; the format belongs to the API links
        values.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getKey().equals("format"));
        Query bound = QueryBinder.bind(q, values, base);
        PrefixMap pm = Prefixes.standard(base);
        QueryRunner.Table table = runner.table(bound);
        List<String> columns = table.columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Node> r : table.rows())
            rows.add(Map.of("cells", r.stream().map(n -> cell(n, pm)).toList()));
        StringBuilder qs = new StringBuilder();
        values.forEach((k, v) -> qs.append(enc(k)).append('=').append(enc(v)).append('&'));
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : q.parameters())
            params.add(Map.of("name", p.name(), "type", p.typeName(), "description", p.description(),
                    "value", values.getOrDefault(p.name(), p.defaultValue().orElse(""))));
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", q.summary());
        scope.put("name", q.name());
        scope.put("summary", q.summary());
        scope.put("description", q.description());
        scope.put("hasParameters", !params.isEmpty());
        scope.put("parameters", params);
        scope.put("columns", columns);
        scope.put("rows", rows);
        scope.put("rowCount", rows.size());
        scope.put("queryString", qs.toString());
        scope.put("text", q.text());
        scope.put("encodedText", enc(bound.serialize()));
        scope.put("formats", ResultFormat.fitting(q.isTabular()).stream().map(ResultFormat::key).toList());
        return scope;
    }

    private Map<String, Object> cell(Node n, PrefixMap pm) {
        if (n == null)
            return Map.of("text", "");
        if (n.isURI()) {
            String uri = n.getURI();
            String a = pm.abbreviate(uri);
            // our own IRIs resolve on this server (see ResourceServlet), others as they are
            String href = uri.startsWith(base) ? "/" + uri.substring(base.length()) : uri;
            return Map.of("iri", href, "text", a == null ? uri : a);
        }
        if (n.isLiteral())
            return Map.of("text", n.getLiteralLexicalForm());
        return Map.of("text", n.toString());
    }

    private void asset(String resource, HttpServletResponse resp) throws IOException {
        if (resource.contains("..") || resource.endsWith("/"))
            throw new NotFoundException("No asset at /" + resource);
        try (InputStream in = PagesServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new NotFoundException("No asset at /" + resource);
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }

    private static String endpoint(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + KgServer.DATASET + "/sparql";
    }

    private static void html(HttpServletResponse resp, String body) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
