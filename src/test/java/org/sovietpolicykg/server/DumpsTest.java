package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The downloads under /dumps/: each parses with Jena and with RDF4J and holds exactly the served data; each has a
 * strong ETag (its sha256), Last-Modified, Content-Length, HEAD, 304s, gzip and ranges (a download resumes); /kg/get
 * holds each quad once.
 */
class DumpsTest extends AbstractLiveServerTest {
    static final List<String> QUADS = List.of(DatasetWriter.TRIG, DatasetWriter.NQUADS, DatasetWriter.JSONLD);

    static HttpResponse<byte[]> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0)
            b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The named graphs as served: the queryable dataset without its default graph (the union copy). */
    static DatasetGraph served() {
        return DatasetWriter.namedGraphs(TestGraphs.queryable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataset.trig", "dataset.nq", "dataset.jsonld"})
    void a_quads_dump_parses_with_jena_and_rdf4j_and_is_the_served_dataset(String name) throws Exception {
        HttpResponse<byte[]> r = send("GET", "/dumps/" + name);
        assertEquals(200, r.statusCode());
        Lang lang = langOf(r);
        boolean jsonld = lang.equals(Lang.JSONLD);
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        if (jsonld) // it names the published context by URL: the clients fetch it from the server
            parsed = JsonLdClients.jena(r.body(), server.baseUrl(), BaseIri.DEFAULT);
        else
            RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(parsed);
        assertTrue(parsed.getDefaultGraph().isEmpty(), "the quads dumps hold the named graphs only");
        assertEquals(Set.of("curated", "enrichment", "inferred", "ontology", "source", "wikidata"), graphNames(parsed));
        assertIsomorphic(served(), parsed, name);

        Model rdf4j = jsonld ? JsonLdClients.rdf4j(r.body(), server.baseUrl(), BaseIri.DEFAULT)
                : org.eclipse.rdf4j.rio.Rio.parse(new ByteArrayInputStream(r.body()), "", rdf4jFormat(name));
        assertTrue(Models.isomorphic(rdf4j, rdf4jReference()), name + " (RDF4J) is isomorphic to the served named graphs");
    }

    @Test
    void the_turtle_dump_is_the_union_of_the_graphs_each_triple_once() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/dumps/dataset.ttl");
        assertEquals(200, r.statusCode());
        assertEquals("text/turtle", langOf(r).getHeaderString());
        Graph parsed = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(parsed);
        Graph union = TestGraphs.queryable().getDefaultGraph();
        assertEquals(union.size(), parsed.size());
        assertTrue(union.isIsomorphicWith(parsed), "dataset.ttl (Jena) is the union of the named graphs");

        Model rdf4j = org.eclipse.rdf4j.rio.Rio.parse(new ByteArrayInputStream(r.body()), "", org.eclipse.rdf4j.rio.RDFFormat.TURTLE);
        ByteArrayOutputStream nt = new ByteArrayOutputStream();
        RDFDataMgr.write(nt, union, RDFFormat.NTRIPLES);
        Model reference = org.eclipse.rdf4j.rio.Rio.parse(new ByteArrayInputStream(nt.toByteArray()), "", org.eclipse.rdf4j.rio.RDFFormat.NTRIPLES);
        assertTrue(Models.isomorphic(rdf4j, reference), "dataset.ttl (RDF4J) is the union of the named graphs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataset.trig", "dataset.nq", "dataset.jsonld", "dataset.ttl"})
    void a_dump_has_a_strong_content_etag_a_length_and_a_date_and_head_says_the_same(String name) throws Exception {
        HttpResponse<byte[]> get = send("GET", "/dumps/" + name);
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + Sha256.hex(get.body()) + "\"", etag, "a strong ETag: the sha256 of the body");
        assertEquals(Long.toString(get.body().length), get.headers().firstValue("Content-Length").orElseThrow());
        String lastModified = get.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> head = send("HEAD", "/dumps/" + name);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
        assertEquals(lastModified, head.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(Long.toString(get.body().length), head.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void conditional_gets_answer_304_while_the_dump_is_unchanged() throws Exception {
        HttpResponse<byte[]> get = send("GET", "/dumps/dataset.nq");
        String etag = get.headers().firstValue("ETag").orElseThrow();
        String date = get.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> byTag = send("GET", "/dumps/dataset.nq", "If-None-Match", etag);
        assertEquals(304, byTag.statusCode());
        assertEquals(0, byTag.body().length);
        assertEquals(etag, byTag.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, send("GET", "/dumps/dataset.nq", "If-None-Match", "\"other\", " + etag).statusCode(), "one of a list");
        assertEquals(304, send("HEAD", "/dumps/dataset.nq", "If-None-Match", etag).statusCode());
        assertEquals(304, send("GET", "/dumps/dataset.nq", "If-Modified-Since", date).statusCode());

        assertEquals(200, send("GET", "/dumps/dataset.nq", "If-None-Match", "\"" + "0".repeat(64) + "\"").statusCode(), "another version");
        assertEquals(200, send("GET", "/dumps/dataset.nq", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode(), "older copy");
        assertEquals(200, send("GET", "/dumps/dataset.nq", "If-None-Match", "\"other\"", "If-Modified-Since", date).statusCode(),
                "If-None-Match decides when both are given");
        assertEquals(200, send("GET", "/dumps/dataset.nq", "If-Modified-Since", "yesterday").statusCode(), "a bad date is ignored");
        assertFalse(etag.equals(send("GET", "/dumps/dataset.trig").headers().firstValue("ETag").orElseThrow()), "one tag per dump");
    }

    @Test
    void a_dump_is_gzipped_when_the_client_asks_and_unzips_to_the_same_bytes() throws Exception {
        byte[] plain = send("GET", "/dumps/dataset.trig").body();
        HttpResponse<byte[]> gz = send("GET", "/dumps/dataset.trig", "Accept-Encoding", "gzip");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(gz.body().length < plain.length / 3, "compressed: " + gz.body().length + " of " + plain.length + " bytes");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertTrue(Arrays.equals(plain, in.readAllBytes()));
        }
        assertTrue(gz.headers().allValues("Vary").stream().anyMatch(v -> v.toLowerCase().contains("accept-encoding")), gz.headers().map().toString());
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, send("GET", "/dumps/dataset.trig", "Accept-Encoding", "gzip", "If-None-Match", gzTag).statusCode());
    }

    @Test
    void a_download_resumes_a_range_then_the_rest_give_the_files_bytes() throws Exception {
        byte[] whole = send("GET", "/dumps/dataset.nq").body();
        assertEquals("bytes", send("HEAD", "/dumps/dataset.nq").headers().firstValue("Accept-Ranges").orElseThrow());

        HttpResponse<byte[]> first = send("GET", "/dumps/dataset.nq", "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + whole.length, first.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("100", first.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(100, first.body().length);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + Sha256.hex(whole) + "\"", etag, "a part carries the whole file's tag");

        // the rest, as curl -C - asks for it: from the first missing byte to the end, if the file is still the same
        HttpResponse<byte[]> rest = send("GET", "/dumps/dataset.nq", "Range", "bytes=100-", "If-Range", etag);
        assertEquals(206, rest.statusCode());
        assertEquals("bytes 100-" + (whole.length - 1) + "/" + whole.length, rest.headers().firstValue("Content-Range").orElseThrow());
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        resumed.write(first.body());
        resumed.write(rest.body());
        assertTrue(Arrays.equals(whole, resumed.toByteArray()), "the two parts are the file, byte for byte");

        HttpResponse<byte[]> last = send("GET", "/dumps/dataset.nq", "Range", "bytes=-10");
        assertEquals(206, last.statusCode());
        assertTrue(Arrays.equals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), last.body()), "the last ten bytes");
    }

    @Test
    void if_range_with_another_version_gets_the_whole_file_and_a_range_past_the_end_is_416() throws Exception {
        byte[] whole = send("GET", "/dumps/dataset.trig").body();
        HttpResponse<byte[]> changed = send("GET", "/dumps/dataset.trig", "Range", "bytes=100-", "If-Range", "\"" + "0".repeat(64) + "\"");
        assertEquals(200, changed.statusCode(), "the copy held is of another version: the whole file, from the start");
        assertTrue(Arrays.equals(whole, changed.body()));
        assertEquals(200, send("GET", "/dumps/dataset.trig", "Range", "bytes=100-", "If-Range", "W/\"" + Sha256.hex(whole) + "\"").statusCode(),
                "a weak tag never matches");
        String date = changed.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(206, send("GET", "/dumps/dataset.trig", "Range", "bytes=100-", "If-Range", date).statusCode(), "the date of this version");
        assertEquals(200, send("GET", "/dumps/dataset.trig", "Range", "bytes=100-", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());

        HttpResponse<byte[]> past = send("GET", "/dumps/dataset.trig", "Range", "bytes=" + whole.length + "-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + whole.length, past.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<byte[]> head = send("HEAD", "/dumps/dataset.trig", "Range", "bytes=0-9");
        assertEquals(206, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals("bytes 0-9/" + whole.length, head.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(304, send("GET", "/dumps/dataset.trig", "Range", "bytes=0-9", "If-None-Match",
                "\"" + Sha256.hex(whole) + "\"").statusCode(), "a copy that is current needs no part");
        assertEquals(412, send("GET", "/dumps/dataset.trig", "If-Match", "\"" + "0".repeat(64) + "\"").statusCode());
        assertEquals("attachment; filename=\"dataset.trig\"", head.headers().firstValue("Content-Disposition").orElseThrow());
    }

    @Test
    void a_range_with_gzip_asked_for_is_a_part_of_the_file_as_it_is_not_gzipped() throws Exception {
        byte[] whole = send("GET", "/dumps/dataset.ttl").body();
        HttpResponse<byte[]> part = send("GET", "/dumps/dataset.ttl", "Range", "bytes=10-59", "Accept-Encoding", "gzip");
        assertEquals(206, part.statusCode());
        // a part is never gzipped (Jetty's GzipHandler leaves ranges alone): its Content-Range counts the file's own bytes
        assertTrue(part.headers().firstValue("Content-Encoding").isEmpty(), part.headers().map().toString());
        assertEquals("bytes 10-59/" + whole.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertTrue(Arrays.equals(Arrays.copyOfRange(whole, 10, 60), part.body()), new String(part.body(), StandardCharsets.UTF_8));
    }

    @Test
    void the_list_of_dumps_and_an_unknown_dump() throws Exception {
        HttpResponse<byte[]> list = send("GET", "/dumps/");
        assertEquals(200, list.statusCode());
        String body = new String(list.body(), StandardCharsets.UTF_8);
        for (Dump d : Dump.of(TestGraphs.queryable(), BaseIri.DEFAULT))
            assertTrue(body.contains("/dumps/" + d.name()) && body.contains(d.sha256()), d.name() + " in " + body);
        HttpResponse<byte[]> missing = send("GET", "/dumps/dataset.xml");
        assertEquals(404, missing.statusCode());
        assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("dataset.ttl"), "the 404 lists the dumps");
        assertEquals(404, send("GET", "/dumps/fingerprint.txt").statusCode(), "the build's own records are not downloads");
        assertEquals(404, send("GET", "/dumps/dataset.rt").statusCode(), "the build's own records are not downloads");
        // the checksums of the downloads are one
        assertEquals(200, send("GET", "/dumps/manifest.sha256").statusCode());
    }

    @Test
    void kg_get_without_a_graph_holds_each_quad_once() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/kg/get", "Accept", "application/n-quads");
        assertEquals(200, r.statusCode());
        List<String> lines = Arrays.stream(new String(r.body(), StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
        assertEquals(lines.size(), new HashSet<>(lines).size(), "no quad twice");
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.NQUADS).parse(parsed);
        assertTrue(parsed.getDefaultGraph().isEmpty(), "no copy of the union in the default graph");
        assertEquals(served().stream().count(), lines.size());
        assertIsomorphic(served(), parsed, "/kg/get");
        // the default graph alone is still the union, for a client that asks for it
        HttpResponse<byte[]> def = send("GET", "/kg/get?default", "Accept", "application/n-triples");
        assertEquals(TestGraphs.queryable().getDefaultGraph().size(),
                new String(def.body(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count());
    }

    /** Graph by graph (Jena's graph matcher: fast with the ontology's blank nodes, which stay inside their graph). */
    private static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual, String what) {
        assertEquals(graphNames(expected), graphNames(actual), what);
        expected.listGraphNodes().forEachRemaining(g -> assertTrue(expected.getGraph(g).isIsomorphicWith(actual.getGraph(g)),
                what + " (Jena): graph " + g + " is isomorphic to the served one"));
    }

    private static Lang langOf(HttpResponse<byte[]> r) {
        String ct = r.headers().firstValue("Content-Type").orElseThrow();
        Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(ct.split(";")[0].trim());
        assertNotNull(lang, ct);
        return lang;
    }

    private static Set<String> graphNames(DatasetGraph dsg) {
        Set<String> names = new HashSet<>();
        dsg.listGraphNodes().forEachRemaining(g -> names.add(g.getURI().substring(g.getURI().lastIndexOf('/') + 1)));
        return names;
    }

    private static org.eclipse.rdf4j.rio.RDFFormat rdf4jFormat(String name) {
        return org.eclipse.rdf4j.rio.Rio.getParserFormatForFileName(name).orElseThrow();
    }

    private static Model rdf4jReference() throws IOException {
        ByteArrayOutputStream nq = new ByteArrayOutputStream();
        RDFDataMgr.write(nq, served(), RDFFormat.NQUADS);
        return org.eclipse.rdf4j.rio.Rio.parse(new ByteArrayInputStream(nq.toByteArray()), "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
    }
}
