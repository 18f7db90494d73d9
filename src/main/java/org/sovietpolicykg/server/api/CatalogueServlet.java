package org.sovietpolicykg.server.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.Parameter;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.server.http.KgServlet;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /api/queries}: the catalogue of canned queries as JSON, with their parameters and text. */
public final class CatalogueServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final ObjectMapper JSON = new ObjectMapper();

    private final transient QueryCatalog catalog;

    public CatalogueServlet(QueryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        json(resp, catalogue());
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
            m.put("path", CannedQueryServlet.PATH + q.name());
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
            // the query alone, ready for any client: the header is in the fields above
            m.put("query", q.sparql());
            out.add(m);
        }
        return out;
    }

    public static void json(HttpServletResponse resp, Object body) throws IOException {
        bytes(resp, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
    }
}
