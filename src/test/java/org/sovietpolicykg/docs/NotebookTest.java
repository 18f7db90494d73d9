package org.sovietpolicykg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.server.KgServer;
import org.sovietpolicykg.server.Servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The notebook of {@code notebooks/}: committed with its outputs cleared, naming only queries and endpoints that exist,
 * and run end to end by the README's test command ({@code ./test}, which CI runs, calls {@code notebooks/run} after the JUnit tests).
 */
class NotebookTest {
    static final Path NOTEBOOK = Path.of("notebooks/soviet-policy-kg.ipynb");
    /** {@code canned("NAME")}, the notebook's helper for {@code /api/queries/NAME}, and that path written out. */
    static final Pattern CANNED = Pattern.compile("canned\\(\"([^\"]+)\"|/api/queries/([a-z0-9][a-z0-9-]*)");
    /** A path of the server the notebook asks: {@code get("/...")} or {@code ENDPOINT + "/..."}. */
    static final Pattern PATH = Pattern.compile("(?:get\\(|ENDPOINT \\+ )\"(/[^\"?]*)");

    static JsonNode notebook() throws IOException {
        return new ObjectMapper().readTree(NOTEBOOK.toFile());
    }

    static String source(JsonNode cell) {
        JsonNode s = cell.get("source");
        if (s.isTextual())
            return s.asText();
        StringBuilder b = new StringBuilder();
        s.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    static String allSources() throws IOException {
        StringBuilder b = new StringBuilder();
        notebook().get("cells").forEach(c -> b.append(source(c)).append('\n'));
        return b.toString();
    }

    @Test
    void committed_notebook_has_no_outputs_and_no_execution_counts() throws IOException {
        JsonNode nb = notebook();
        assertEquals(4, nb.get("nbformat").asInt(), "nbformat 4");
        assertEquals("python3", nb.at("/metadata/kernelspec/name").asText(), "the kernel notebooks/run provides");
        int code = 0;
        for (JsonNode cell : nb.get("cells")) {
            String id = cell.path("id").asText("?");
            if (!cell.get("cell_type").asText().equals("code"))
                continue;
            code++;
            assertTrue(cell.get("execution_count").isNull(), "cell " + id + " has an execution count: clear the outputs");
            assertEquals(0, cell.get("outputs").size(), "cell " + id + " has outputs: clear them before committing");
            assertFalse(cell.path("metadata").has("execution"), "cell " + id + " keeps the times of a run: clear them");
        }
        assertTrue(code > 0, "the notebook has code cells");
    }

    @Test
    void every_canned_query_the_notebook_names_exists() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = CANNED.matcher(allSources());
        while (m.find())
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        assertTrue(names.containsAll(List.of("timeline", "claims-by-historian", "passage-of-claim", "wikidata-labels")),
                "the notebook's canned queries were not found: " + names);
        List<String> missing = new ArrayList<>();
        for (String name : names)
            if (!Files.isRegularFile(Path.of("queries", name + ".rq")))
                missing.add(name);
        assertEquals(List.of(), missing, "the notebook names canned queries that have no queries/NAME.rq");
    }

    @Test
    void every_path_the_notebook_asks_answers_200() throws IOException, InterruptedException {
        Set<String> paths = new TreeSet<>();
        Matcher m = PATH.matcher(allSources());
        while (m.find())
            paths.add(m.group(1));
        assertTrue(paths.containsAll(List.of("/ready", "/api/queries", "/kg/sparql", "/dumps/dataset.trig")),
                "the notebook's paths were not found: " + paths);
        KgServer server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0)).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : paths) {
                // GET, as the notebook does (the SPARQL endpoint answers no HEAD)
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(200, status, "GET " + path);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void notebook_names_no_machine_specific_path() throws IOException {
        String text = Files.readString(NOTEBOOK, StandardCharsets.UTF_8) + Files.readString(Path.of("notebooks/run"));
        // the places of this machine that could leak in: the checkout, the home folder, the temporary folder
        for (String p : List.of(Path.of("").toAbsolutePath().toString(), System.getProperty("user.home"), System.getProperty("java.io.tmpdir")))
            assertFalse(text.contains(p + "/"), "the notebook or notebooks/run names a folder of this machine: " + p);
    }

    @Test
    void ci_runs_the_readme_test_command_which_installs_the_browser_runs_the_tests_then_the_notebook() throws IOException {
        List<String> ci = code(".ci/run");
        assertTrue(ci.contains("./test"), ".ci/run runs the README's test command, ./test: " + ci);
        List<String> test = code("test");
        int install = -1;
        for (int i = 0; i < test.size() && install < 0; i++)
            if (test.get(i).contains("apt-get install") && test.get(i).contains("chromium chromium-driver"))
                install = i;
        int python = test.indexOf("notebooks/run --install");
        int verify = test.indexOf("mvn -B verify \"$@\"");
        int notebook = test.indexOf("notebooks/run");
        assertTrue(install >= 0, "./test installs Debian's chromium and chromium-driver when missing");
        assertTrue(python > install, "./test installs the notebook's Python packages (SPARQLWrapper for a JUnit test too)");
        assertTrue(verify > python, "./test runs mvn -B verify after installing the browser and the Python packages");
        assertTrue(notebook > verify, "./test runs notebooks/run after mvn -B verify");
        assertTrue(Files.isExecutable(Path.of("test")) && Files.isExecutable(Path.of("notebooks/run")), "both are executable");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```sh\n./test\n```"), "the README gives ./test as the one test command");
    }

    /** The lines of a script that are not comments. */
    private static List<String> code(String script) throws IOException {
        return Files.readAllLines(Path.of(script), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
    }
}
