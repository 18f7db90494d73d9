package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.dataset.Statistics;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.Parameter;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.sparql.Endpoints;
import org.sovietpolicykg.vocabulary.BaseIri;

/** The landing page, {@code /}: what the graph is, its figures, and the canned queries with run and edit links. */
public final class HomeServlet extends KgServlet {
    private static final long serialVersionUID = 1L;

    private final transient QueryCatalog catalog;
    private final transient Statistics stats;
    private final transient BaseIri base;

    public HomeServlet(QueryCatalog catalog, Statistics stats, BaseIri base) {
        this.catalog = catalog;
        this.stats = stats;
        this.base = base;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Home");
        scope.put("triples", stats.totalTriples());
        scope.put("graphs", stats.triplesPerGraph().size());
        scope.put("endpoint", PublicUrl.of(req) + Endpoints.QUERY);
        List<Map<String, Object>> qs = new ArrayList<>();
        for (CannedQuery q : catalog.all()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", q.name());
            m.put("summary", q.summary());
            m.put("description", q.description());
            m.put("tags", q.tags());
            // the editor gets the query with its defaults bound, so that it runs as the catalogue describes
            m.put("encodedText", RunServlet.enc(QueryBinder.bind(q, Map.of(), base).serialize()));
            m.put("firstFormat", Format.fitting(q.isTabular()).get(q.isTabular() ? 1 : 0).key());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (Parameter p : q.parameters())
                ps.add(Map.of("name", p.name(), "type", p.typeName(), "default", p.defaultValue().orElse("")));
            m.put("parameters", ps);
            qs.add(m);
        }
        scope.put("queries", qs);
        html(resp, Pages.render("index", scope));
    }
}
