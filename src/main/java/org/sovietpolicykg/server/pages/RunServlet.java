package org.sovietpolicykg.server.pages;

import java.io.IOException;
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

import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.Parameter;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.RequestParameters;

/**
 * The results page of a canned query, {@code /run/NAME?param=value}: a form for its parameters and a plain HTML
 * table of its results (no script needed), with links to the API's formats and to the SPARQL editor.
 */
public final class RunServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    private final transient CannedTables tables;
    private final transient Terms terms;

    public RunServlet(CannedTables tables) {
        this.tables = tables;
        this.terms = tables.terms();
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        CannedQuery q = tables.query(name);
        Map<String, String> values = new LinkedHashMap<>(RequestParameters.single(req));
        // an empty form field is an optional parameter left out; the format belongs to the API links
        values.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getKey().equals("format"));
        Query bound = tables.bind(q, values);
        QueryRunner.Table table = tables.table(bound);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Node> r : table.rows())
            rows.add(Map.of("cells", r.stream().map(terms::view).toList()));
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
        scope.put("columns", table.columns());
        scope.put("rows", rows);
        scope.put("rowCount", rows.size());
        scope.put("queryString", qs.toString());
        // the text shown is the text the editor gets: the query with this page's values bound, without the header
        String text = bound.serialize();
        scope.put("text", text);
        scope.put("encodedText", enc(text));
        scope.put("formats", Format.keys(Format.fitting(q.isTabular())));
        html(resp, Pages.render("run", scope));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
