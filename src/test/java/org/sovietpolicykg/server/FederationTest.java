package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.config.KgConfig.Federation;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.errors.BadGatewayException;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.queries.QueryRunner;

import picocli.CommandLine;

/**
 * Federation through the allowlist, without the internet: a second embedded Fuseki on loopback serves the offline
 * Wikidata-shaped extract (data/enrichment/wikidata-extract.ttl) and stands in for Wikidata's query service through
 * {@code --service-alias}. The federated canned queries answer joined rows through the API and the endpoint; every
 * target that is not allowed (another port of this machine, the cloud metadata address, a private network, a file, a
 * variable bound to any of them, with or without SILENT) is refused with 400 before any connection is made, which a
 * listener of our own on loopback counts.
 */
class FederationTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static FusekiServer standIn;
    static String standInUrl;
    static KgServer server;
    static KgServer closed;
    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        DatasetGraph extract = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(extract, "data/enrichment/wikidata-extract.ttl");
        standIn = FusekiServer.create().loopback(true).port(0).add("/wikidata", extract, false).build().start();
        standInUrl = "http://127.0.0.1:" + standIn.getHttpPort() + "/wikidata/sparql";
        // allowed: the stand-in, and a path of it that does not exist (a remote that fails)
        Federation federation = new Federation(List.of(standInUrl, failingUrl()), Map.of(Federation.WIKIDATA, standInUrl));
        server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0).withFederation(federation)).start();
        // a server that allows no SERVICE endpoint at all: the federated queries are refused there
        closed = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0).withFederation(new Federation(List.of(), Map.of())))
                .start();
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "connection-counter");
        accept.setDaemon(true);
        accept.start();
    }

    static String failingUrl() {
        return "http://127.0.0.1:" + standIn.getHttpPort() + "/no-such-dataset/sparql";
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null)
            server.stop();
        if (closed != null)
            closed.stop();
        if (standIn != null)
            standIn.stop();
        if (listener != null)
            listener.close();
    }

    static HttpResponse<String> get(KgServer s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> sparql(KgServer s, String query) throws IOException, InterruptedException {
        return get(s, "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&format=json");
    }

    /** The rows of a SPARQL JSON result, each as "var=value" joined by " | " in the order of the variables given. */
    static List<String> rows(String json, String... vars) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            List<String> cells = new ArrayList<>();
            for (String v : vars)
                cells.add(s.get(v) == null ? "" : s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.get(v).toString());
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    @Test
    void a_redirect_from_an_allowed_endpoint_is_not_followed() throws Exception {
        // an allowed endpoint that answers every call with a redirect to a port that is not allowed (the counter's)
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String elsewhere = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
        redirecting.createContext("/sparql", exchange -> {
            exchange.getResponseHeaders().add("Location", elsewhere);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirecting.start();
        String allowed = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/sparql";
        KgServer s = Servers.standard(TestGraphs.queryable(),
                KgConfig.defaults().withPort(0).withFederation(new Federation(List.of(allowed), Map.of()))).start();
        int before = connections.get();
        try {
            HttpResponse<String> r = sparql(s, "SELECT * { SERVICE <" + allowed + "> { ?s ?p ?o } } LIMIT 1");
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains("302"), r.body());
            Thread.sleep(200);
            assertEquals(before, connections.get(), "a connection to where the redirect pointed");
        } finally {
            s.stop();
            redirecting.stop(0);
        }
    }

    @Test
    void life_dates_and_positions_come_from_the_stand_in_joined_on_our_qids() throws Exception {
        HttpResponse<String> r = get(server, "/api/queries/wikidata-life-dates?format=json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(
                "Vladimir Lenin | 1870-04-22T00:00:00Z | 1924-01-21T00:00:00Z | Chairman of the Council of People's Commissars",
                "Joseph Stalin | 1878-12-18T00:00:00Z | 1953-03-05T00:00:00Z | Chairman of the Council of People's Commissars",
                "Joseph Stalin | 1878-12-18T00:00:00Z | 1953-03-05T00:00:00Z | General Secretary of the Communist Party of the Soviet Union"),
                rows(r.body(), "label", "born", "died", "positionLabel"));
    }

    @Test
    void russian_and_german_labels_stand_beside_ours() throws Exception {
        HttpResponse<String> r = get(server, "/api/queries/wikidata-labels?format=json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> rows = rows(r.body(), "label", "labelEn", "labelRu", "labelDe");
        assertTrue(rows.contains("Great Purge | Great Purge | Большой террор | Großer Terror"), rows.toString());
        assertTrue(rows.contains("Molotov–Ribbentrop Pact | Molotov–Ribbentrop Pact | Договор о ненападении между Германией и Советским Союзом"
                + " | Deutsch-sowjetischer Nichtangriffspakt"), rows.toString());
        // Stalin's Russian and German labels, from Europeana's copy of his Wikidata item; Lenin's are not in the extract
        assertTrue(rows.contains("Joseph Stalin | Joseph Stalin | Иосиф Виссарионович Сталин | Josef Stalin"), rows.toString());
        assertTrue(rows.contains("Vladimir Lenin | Vladimir Lenin |  | "), rows.toString());
        assertTrue(rows.contains("Soviet Union | Soviet Union | СССР | Sowjetunion"), rows.toString());
        assertEquals(8, rows.size(), "the eight entities with an exact link that the extract has: " + rows);
    }

    @Test
    void places_with_coordinates_split_into_longitude_and_latitude() throws Exception {
        HttpResponse<String> r = get(server, "/api/queries/wikidata-coordinates?format=json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("Great Purge | 90.0 | 65.0 | 1936-08-01T00:00:00Z | 1938-11-17T00:00:00Z",
                "Nazi Germany | 13.379722222 | 52.511111111 | 1933-03-15T00:00:00Z | 1945-05-23T00:00:00Z",
                "Second Spanish Republic | -3.5 | 40.2 | 1931-04-14T00:00:00Z | 1939-04-01T00:00:00Z",
                "Soviet Union | 90.0 | 65.0 | 1922-12-30T00:00:00Z | 1991-12-26T00:00:00Z"),
                rows(r.body(), "label", "longitude", "latitude", "start", "end"));
    }

    @Test
    void the_endpoint_runs_the_same_federated_query_through_the_alias() throws Exception {
        String text = QueryFactory.read("queries/wikidata-life-dates.rq").serialize();
        HttpResponse<String> r = sparql(server, text);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, rows(r.body(), "label").size(), r.body());
        assertEquals("Vladimir Lenin", rows(r.body(), "label").get(0));
    }

    @Test
    void the_extract_is_also_a_named_graph_of_ours_so_the_facts_have_an_offline_answer() throws Exception {
        HttpResponse<String> r = sparql(closed, "PREFIX wd: <http://www.wikidata.org/entity/> PREFIX wdt: <http://www.wikidata.org/prop/direct/>"
                + " SELECT ?born ?source WHERE { GRAPH <https://w3id.org/soviet-policy-kg/graph/wikidata> { wd:Q855 wdt:P569 ?born }"
                + " GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {"
                + " <https://w3id.org/soviet-policy-kg/graph/wikidata> <http://purl.org/dc/terms/source> ?source } }");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("1878-12-18T00:00:00Z | https://w3id.org/soviet-policy-kg/source/wikidata"), rows(r.body(), "born", "source"));
    }

    @Test
    void with_wikidata_not_allowed_the_canned_query_is_refused_with_400_naming_the_target() throws Exception {
        for (String path : List.of("/api/queries/wikidata-life-dates", "/run/wikidata-life-dates")) {
            HttpResponse<String> r = get(closed, path);
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("SERVICE <https://query.wikidata.org/sparql> is refused"), r.body());
            assertTrue(r.body().contains("this server allows no SERVICE endpoint"), r.body());
            // an error is not a version of the answer: no tag, nothing a cache may keep
            assertTrue(r.headers().firstValue("ETag").isEmpty(), path + ": " + r.headers().map());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
        }
        HttpResponse<String> e = sparql(closed, QueryFactory.read("queries/wikidata-labels.rq").serialize());
        assertEquals(400, e.statusCode(), e.body());
        assertTrue(e.body().contains("SERVICE <https://query.wikidata.org/sparql> is refused"), e.body());
        assertFalse(e.body().contains("httpServiceAllowed") || e.body().contains("arq:"), "no Jena symbol: " + e.body());
    }

    @Test
    void an_alias_to_an_endpoint_that_is_not_allowed_is_a_configuration_error_naming_the_option() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Federation(List.of(Federation.WIKIDATA), Map.of(Federation.WIKIDATA, "http://127.0.0.1:7001/sparql")));
        assertTrue(e.getMessage().contains("--service-alias https://query.wikidata.org/sparql=http://127.0.0.1:7001/sparql"), e.getMessage());
        assertTrue(e.getMessage().contains("add --allow-service http://127.0.0.1:7001/sparql"), e.getMessage());

        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("query", "--list", "--service-alias", Federation.WIKIDATA + "=http://127.0.0.1:7001/sparql");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--service-alias"), err.toString());
        code = cl.execute("query", "--list", "--allow-service", "file:///etc/passwd");
        assertEquals(2, code);
        assertTrue(err.toString().contains("Illegal --allow-service file:///etc/passwd: expected an absolute http(s) IRI"), err.toString());
    }

    @Test
    void every_target_not_allowed_is_refused_before_any_connection() throws Exception {
        String local = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
        List<String> targets = List.of(local, "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/sparql", "file:///etc/passwd");
        QueryRunner runner = new QueryRunner(TestGraphs.queryable(),
                QueryPolicy.of(KgConfig.defaults().withFederation(new Federation(List.of(standInUrl), Map.of()))));
        int before = connections.get();
        for (String t : targets) {
            List<String> queries = List.of("SELECT * WHERE { SERVICE <" + t + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + t + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { VALUES ?endpoint { <" + t + "> } SERVICE ?endpoint { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND(<" + t + "> AS ?endpoint) SERVICE SILENT ?endpoint { ?s ?p ?o } }");
            for (String q : queries) {
                HttpResponse<String> r = sparql(server, q);
                assertEquals(400, r.statusCode(), q + ": " + r.body());
                assertTrue(r.body().contains("SERVICE <" + t + "> is refused"), r.body());
                assertTrue(r.body().contains("the allowed endpoints are <" + standInUrl + ">"), r.body());
                // the same refusal where the canned queries, the pages and the query command run
                BadRequestException e = assertThrows(BadRequestException.class, () -> runner.run(QueryFactory.create(q), Format.JSON), q);
                assertTrue(e.getMessage().contains("SERVICE <" + t + "> is refused"), e.getMessage());
            }
        }
        HttpResponse<String> unbound = sparql(server, "SELECT * WHERE { SERVICE ?nowhere { ?s ?p ?o } }");
        assertEquals(400, unbound.statusCode(), unbound.body());
        assertTrue(unbound.body().contains("is refused: its target is not bound to an IRI"), unbound.body());
        // nothing reached the listener: one connection of our own, made after every refusal was answered, is accepted
        // after any the server made; once it is counted, the count says whether there was another
        new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()).close();
        long deadline = System.currentTimeMillis() + 5_000;
        while (connections.get() == before && System.currentTimeMillis() < deadline)
            Thread.sleep(10);
        assertEquals(before + 1, connections.get(), "connections made to a refused loopback target, and ours");
    }

    @Test
    void a_remote_call_falls_under_the_query_time_limit() throws Exception {
        // an allowed endpoint that accepts the connection and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    while (true)
                        held.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            }, "silent-endpoint");
            t.setDaemon(true);
            t.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/sparql";
            QueryRunner runner = new QueryRunner(TestGraphs.queryable(), QueryPolicy.of(KgConfig.defaults().withQueryTimeoutMs(1500)
                    .withFederation(new Federation(List.of(url), Map.of()))));
            long t0 = System.nanoTime();
            BadGatewayException e = assertThrows(BadGatewayException.class,
                    () -> runner.run(QueryFactory.create("SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }"), Format.JSON));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 6000, "stopped after " + ms + " ms, the limit is 1500");
            assertEquals("SERVICE <" + url + "> did not answer within 1500 ms, the query's time limit", e.getMessage());
            assertEquals(502, e.status());
        }
    }

    @Test
    void an_allowed_endpoint_that_fails_is_a_502_with_the_remote_status() throws Exception {
        HttpResponse<String> r = sparql(server, "SELECT * WHERE { SERVICE <" + failingUrl() + "> { ?s ?p ?o } }");
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE <" + failingUrl() + "> answered HTTP 404"), r.body());
        // SILENT forgives a failing allowed endpoint: one empty solution, 200
        HttpResponse<String> silent = sparql(server, "SELECT * WHERE { SERVICE SILENT <" + failingUrl() + "> { ?s ?p ?o } }");
        assertEquals(200, silent.statusCode(), silent.body());
    }
}
