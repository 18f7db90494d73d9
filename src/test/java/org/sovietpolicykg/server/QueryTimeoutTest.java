package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.http.HttpErrors;

/** A query that runs past the time limit is stopped: 503 with a message on the endpoint, a typed error in the API. */
class QueryTimeoutTest {
    /** Every triple against every triple against every triple: far more work than any limit below allows. */
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @Test
    void the_runner_stops_a_runaway_query_and_says_so() {
        QueryRunner runner = new QueryRunner(TestGraphs.queryable(), 50);
        QueryRunner.QueryTimeoutException e = assertThrows(QueryRunner.QueryTimeoutException.class,
                () -> runner.run(QueryFactory.create(RUNAWAY), Format.JSON));
        assertEquals("The query ran longer than 50 ms and was stopped", e.getMessage());
        assertEquals(503, HttpErrors.status(e));
    }

    @Test
    void the_tables_of_the_pages_are_stopped_the_same_way() {
        QueryRunner runner = new QueryRunner(TestGraphs.queryable(), 50);
        QueryRunner.QueryTimeoutException e = assertThrows(QueryRunner.QueryTimeoutException.class,
                () -> runner.table(QueryFactory.create(RUNAWAY)));
        assertEquals(503, HttpErrors.status(e));
    }

    @Test
    void the_endpoint_answers_503_without_a_stack_trace() throws Exception {
        KgServer server = KgServer.create().port(0).queryTimeout(50).dataset(TestGraphs.queryable()).start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()
                    + "?query=" + URLEncoder.encode(RUNAWAY, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode(), r.body());
            assertFalse(r.body().contains("at org."), r.body());
        } finally {
            server.stop();
        }
    }
}
