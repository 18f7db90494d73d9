package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every canned query's {@code query} in the catalogue ({@code /api/queries}), handed to Debian's SPARQLWrapper as a
 * researcher copies it: SPARQLWrapper's own guess of its type ({@code queryType}, from the text) is the query's kind,
 * never an update (a header with the word "added" once made three of them ADD, refused), and the query runs on
 * {@code /kg/sparql} through SPARQLWrapper (the federated ones excepted: they call Wikidata).
 */
class SparqlWrapperQueriesTest extends AbstractLiveServerTest {
    static final String PYTHON = "/usr/bin/python3";
    static final String SCRIPT = """
            import json, sys
            from SPARQLWrapper import SPARQLWrapper, JSON, TURTLE
            endpoint, catalogue = sys.argv[1], json.load(sys.stdin)
            for q in catalogue:
                w = SPARQLWrapper(endpoint)
                w.setQuery(q["query"])
                ran = "-"
                if "federated" not in q["tags"]:
                    graph = w.queryType in ("CONSTRUCT", "DESCRIBE")
                    w.setReturnFormat(TURTLE if graph else JSON)
                    answer = w.query().convert()
                    ran = str(len(answer) if graph else len(answer["results"]["bindings"]) if "results" in answer else 1)
                print(q["name"], w.queryType, ran)
            """;

    @Test
    void sparqlwrapper_reads_every_canned_query_as_a_query_and_runs_it() throws Exception {
        assertTrue(Files.isExecutable(Path.of(PYTHON)), "this test needs Debian's python3 with python3-sparqlwrapper (./test installs it)");
        String catalogue = get("/api/queries", "application/json").body();
        JsonNode queries = new ObjectMapper().readTree(catalogue);
        Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT, server.sparqlUrl()).redirectErrorStream(true).start();
        p.getOutputStream().write(catalogue.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "SPARQLWrapper finished");
        assertEquals(0, p.exitValue(), "SPARQLWrapper (python3-sparqlwrapper; ./test installs it) ran every query:\n" + out);
        List<String> wrong = new ArrayList<>();
        int ran = 0;
        for (JsonNode q : queries) {
            String name = q.path("name").asText();
            String line = out.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse(name + " (missing) -");
            String[] f = line.split(" ");
            if (!f[1].equals(q.path("kind").asText().toUpperCase()))
                wrong.add(name + " is " + f[1] + " to SPARQLWrapper, " + q.path("kind").asText() + " to the catalogue");
            assertTrue(!q.path("query").asText().contains("#+"), name + ": the catalogue's query has no header");
            if (!f[2].equals("-"))
                ran++;
        }
        assertEquals(List.of(), wrong, out);
        assertEquals(30, queries.size(), "the 30 canned queries (issue 25: reasons, statements-by-relation, linked-to-doctrine, evidence-episodes)");
        assertTrue(ran >= 20, "all but the federated ones ran through SPARQLWrapper: " + out);
        // the claims of the five historians, each in the essay: SPARQLWrapper gets the table the catalogue describes
        assertTrue(out.lines().anyMatch(l -> l.matches("claims-by-historian SELECT [1-9][0-9]*")), out);
    }
}
