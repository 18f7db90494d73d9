package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * The W3C SPARQL 1.1 Protocol test suite (its manifest, {@code w3c/sparql11-protocol-manifest.ttl}, kept as the W3C
 * publishes it), replayed against {@code /kg/sparql}: each request as the manifest writes it (method, path under the
 * endpoint, headers, body in its character encoding), and the answer checked against the expected status class and,
 * for an ASK, the expected boolean. This endpoint is read-only and serves its own dataset, so the cases that need a
 * writable store (the updates) or the suite's own data loaded into it (the dataset cases) cannot pass here: the test
 * requires that exactly those fail, each for that reason, and that every other case passes.
 */
class W3cProtocolReplayTest extends AbstractLiveServerTest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    /** Headers that Java's client sets itself (and may not be given). */
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    /** Why a case cannot pass on a read-only endpoint with its own dataset. */
    static String cannot(Model m, Resource test) {
        String name = test.getLocalName();
        if (name.startsWith("update_"))
            return "needs a writable store (SPARQL Update)";
        if (test.hasProperty(m.createProperty(UT + "graphData")))
            return "needs the suite's data loaded into the store";
        return null;
    }

    @Test
    void the_w3c_protocol_suite_fails_only_the_cases_that_need_a_writable_store() throws Exception {
        Model m = RDFDataMgr.loadModel("src/test/resources/w3c/sparql11-protocol-manifest.ttl");
        Resource manifest = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).next();
        RDFList entries = manifest.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class);
        Map<String, String> failed = new TreeMap<>(), expectedToFail = new TreeMap<>();
        int passed = 0;
        for (RDFNode e : entries.asJavaList()) {
            Resource test = e.asResource();
            String why = cannot(m, test);
            if (why != null)
                expectedToFail.put(test.getLocalName(), why);
            Resource action = test.getPropertyResourceValue(m.createProperty(MF + "action"));
            RDFList requests = action.getPropertyResourceValue(m.createProperty(HT + "requests")).as(RDFList.class);
            String problem = null;
            for (RDFNode r : requests.asJavaList()) {
                problem = replay(m, r.asResource());
                if (problem != null)
                    break;
            }
            if (problem != null)
                failed.put(test.getLocalName(), problem);
            else
                passed++;
        }
        System.out.printf("W3C SPARQL 1.1 Protocol: %d cases, %d pass, %d fail: %s%n", entries.size(), passed, failed.size(), failed);
        assertEquals(34, entries.size(), "the suite's 34 cases");
        assertEquals(expectedToFail.keySet(), failed.keySet(), "the cases that fail are those that need a writable store or the suite's data: "
                + failed + "; expected to fail: " + expectedToFail);
        assertTrue(passed >= 20, "passed: " + passed);
    }

    /** Sends one request of the manifest; null if its answer is as expected, else what differed. */
    static String replay(Model m, Resource req) throws Exception {
        String method = req.getProperty(m.createProperty(HT + "methodName")).getString();
        String path = req.getProperty(m.createProperty(HT + "absolutePath")).getString().replaceFirst("^/sparql/?", "/kg/sparql");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        Resource headers = req.getPropertyResourceValue(m.createProperty(HT + "headers"));
        if (headers != null)
            for (RDFNode h : headers.as(RDFList.class).asJavaList()) {
                String name = h.asResource().getProperty(m.createProperty(HT + "fieldName")).getString();
                if (!RESTRICTED.contains(name.toLowerCase()))
                    b.header(name, h.asResource().getProperty(m.createProperty(HT + "fieldValue")).getString());
            }
        Resource body = req.getPropertyResourceValue(m.createProperty(HT + "body"));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            String chars = body.getProperty(m.createProperty(CNT + "chars")).getString();
            Charset cs = Charset.forName(body.hasProperty(m.createProperty(CNT + "characterEncoding"))
                    ? body.getProperty(m.createProperty(CNT + "characterEncoding")).getString() : "UTF-8");
            publisher = HttpRequest.BodyPublishers.ofByteArray(chars.getBytes(cs));
        }
        // a connection of its own for each case, as the suite's cases are independent requests (a server may close one
        // after an error it answered before reading the whole body)
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        Resource resp = req.getPropertyResourceValue(m.createProperty(HT + "resp"));
        List<String> classes = new ArrayList<>();
        resp.listProperties(m.createProperty(MF + "expectedStatus")).forEachRemaining(s -> classes.add(s.getResource().getURI().replace(HTS + "StatusCode", "")));
        String got = (r.statusCode() / 100) + "xx";
        if (!classes.contains(got))
            return method + " " + path + ": " + r.statusCode() + ", expected " + classes;
        if (resp.hasProperty(m.createProperty(MF + "expectedBoolean"))) {
            boolean expected = resp.getProperty(m.createProperty(MF + "expectedBoolean")).getBoolean();
            String flat = r.body().replaceAll("\\s+", "");
            boolean says = flat.contains("\"boolean\":" + expected) || flat.contains("<boolean>" + expected + "</boolean>");
            if (!says)
                return method + " " + path + ": the answer is not the boolean " + expected;
        }
        return null;
    }
}
