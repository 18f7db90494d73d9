package org.sovietpolicykg.server.pages;

import java.util.Map;

import org.apache.jena.query.Query;

import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryRunner;

/**
 * The canned queries as the pages read them: a query of the catalogue, its parameters bound, run into a table of
 * nodes (results pages, pictures), under the same policy as every other query.
 */
public record CannedTables(QueryCatalog catalog, QueryRunner runner, Terms terms) {
    /** A canned query by name (a 404 that lists the names if there is none). */
    public CannedQuery query(String name) {
        return catalog.get(name);
    }

    /** A canned query with these parameter values bound (the others at their defaults). */
    public Query bind(CannedQuery q, Map<String, String> values) {
        return QueryBinder.bind(q, values, terms.base());
    }

    /** The rows of a query. */
    public QueryRunner.Table table(Query bound) {
        return runner.table(bound);
    }

    /** The rows of a canned query with every parameter at its default. */
    public QueryRunner.Table table(String name) {
        return table(bind(catalog.get(name), Map.of()));
    }
}
