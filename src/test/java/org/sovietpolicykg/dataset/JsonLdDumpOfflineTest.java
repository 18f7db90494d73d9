package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON-LD dump is complete in itself: read by a JSON-LD processor whose document loader refuses every request
 * (Titanium, through Jena, as on a train), and by Debian's rdflib with the network switched off, it gives the quads
 * of {@code dataset.nq}, graph by graph.
 */
class JsonLdDumpOfflineTest {
    static final String PYTHON = "/usr/bin/python3";
    static Map<String, byte[]> dumps;
    static List<String> fetched = new ArrayList<>();

    @BeforeAll
    static void write() {
        dumps = DatasetWriter.serialise(TestGraphs.real().dataset(), BaseIri.DEFAULT);
    }

    /** A loader that fetches nothing and records what it was asked for. */
    static final DocumentLoader REFUSE = (uri, options) -> {
        fetched.add(uri.toString());
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + uri + " is not fetched");
    };

    @Test
    void the_dump_embeds_its_context_and_names_no_remote_document() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(dumps.get(DatasetWriter.JSONLD));
        JsonNode context = doc.get("@context");
        assertTrue(context.isObject(), "the context is embedded, not named by URL: " + context.getNodeType());
        assertEquals(BaseIri.DEFAULT_IRI + "ontology#claimedBy", context.get("claimedBy").get("@id").asText());
        assertEquals("@id", context.get("id").asText());
        // the same terms as the published /context.jsonld
        JsonNode published = new ObjectMapper().readTree(DatasetWriter.context(TestGraphs.real().dataset(), BaseIri.DEFAULT).document());
        assertEquals(published.get("@context"), context);
    }

    @Test
    void titanium_with_a_loader_that_refuses_the_network_reads_the_same_quads_as_the_nquads_dump() throws Exception {
        fetched.clear();
        // expansion alone first: Titanium asks its loader for every remote context, and here it is asked for none
        assertTrue(JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(dumps.get(DatasetWriter.JSONLD)))).loader(REFUSE).get().size() > 0);
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(REFUSE);
        Context cxt = Context.create();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        DatasetGraph fromJsonLd = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(dumps.get(DatasetWriter.JSONLD))).lang(Lang.JSONLD).context(cxt).parse(fromJsonLd);
        assertEquals(List.of(), fetched, "nothing was fetched");

        DatasetGraph fromNquads = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(dumps.get(DatasetWriter.NQUADS))).lang(Lang.NQUADS).parse(fromNquads);
        assertEquals(fromNquads.stream().count(), fromJsonLd.stream().count(), "as many quads");
        assertTrue(fromJsonLd.getDefaultGraph().isEmpty());
        List<String> graphs = new ArrayList<>();
        fromNquads.listGraphNodes().forEachRemaining(g -> {
            graphs.add(g.getURI().substring(BaseIri.DEFAULT_IRI.length()));
            assertTrue(fromNquads.getGraph(g).isIsomorphicWith(fromJsonLd.getGraph(g)), g + ": the same graph in both dumps");
        });
        assertEquals(List.of("graph/ontology", "graph/source", "graph/curated", "graph/enrichment", "graph/wikidata", "graph/inferred").stream()
                .sorted().toList(), graphs.stream().sorted().toList());
    }

    /** rdflib, as a notebook reads the download, with every socket refused: the same quads per graph as the N-Quads. */
    static final String RDFLIB = """
            import socket, sys
            from rdflib import Dataset
            from rdflib.compare import isomorphic
            def offline(*args, **kwargs):
                raise OSError("offline: no network in this test")
            socket.socket.connect = offline
            socket.create_connection = offline
            socket.getaddrinfo = offline
            ld = Dataset(); ld.parse(sys.argv[1], format="json-ld")
            nq = Dataset(); nq.parse(sys.argv[2], format="nquads")
            names = sorted(str(g.identifier) for g in nq.graphs() if len(g) > 0)
            assert names == sorted(str(g.identifier) for g in ld.graphs() if len(g) > 0), "the same named graphs"
            for name in names:
                a, b = ld.graph(name), nq.graph(name)
                assert len(a) == len(b) and isomorphic(a, b), name + ": not the same graph"
                print(name, len(a))
            print("quads", len(nq))
            """;

    @Test
    void rdflib_offline_reads_the_same_quads_as_the_nquads_dump(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isExecutable(Path.of(PYTHON)), "this test needs Debian's python3 with python3-rdflib (./test installs it)");
        Path jsonld = Files.write(tmp.resolve(DatasetWriter.JSONLD), dumps.get(DatasetWriter.JSONLD));
        Path nq = Files.write(tmp.resolve(DatasetWriter.NQUADS), dumps.get(DatasetWriter.NQUADS));
        Process p = new ProcessBuilder(PYTHON, "-c", RDFLIB, jsonld.toString(), nq.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "rdflib finished");
        assertEquals(0, p.exitValue(), "rdflib read the JSON-LD dump offline:\n" + out);
        long quads = new String(dumps.get(DatasetWriter.NQUADS), StandardCharsets.UTF_8).lines().count();
        assertTrue(out.contains("quads " + quads), out);
        assertEquals(6, out.lines().filter(l -> l.startsWith(BaseIri.DEFAULT_IRI + "graph/")).count(), out);
    }
}
