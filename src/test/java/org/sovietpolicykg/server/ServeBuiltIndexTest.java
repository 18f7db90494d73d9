package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.search.TextIndexFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code serve} of a built dataset loads the text index the build wrote beside it (no indexing at start: the log has
 * ready line says so), and refuses one of other sources with both fingerprints, before it listens.
 */
class ServeBuiltIndexTest {
    @TempDir
    static Path tmp;
    static String fingerprint;

    @BeforeAll
    static void build() {
        KgConfig config = KgConfig.defaults();
        fingerprint = Fingerprint.of(config.projectDir(), config.base());
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("build", "--out", tmp.resolve("dataset").toString()), out.toString());
    }

    @Test
    void serve_of_the_built_dataset_searches_with_the_index_built_beside_it() throws Exception {
        Path log = Files.createTempFile("serve", ".log");
        Process p = ServeProcessTest.serve(log, List.of("-Xmx512m"), "--dataset", tmp.resolve("dataset").toString());
        try {
            String url = ServeProcessTest.url(p, log);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(url != null, output);
            assertTrue(output.contains("serving the built dataset in " + tmp.resolve("dataset") + " (same sources), with the text index in "
                    + tmp.resolve("dataset").resolve(TextIndexFolder.FOLDER)), output);
            String base = url.substring(0, url.indexOf("/kg/"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/search?q=Rapallo"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode hits = new ObjectMapper().readTree(r.body()).path("hits");
            assertTrue(hits.toString().contains("Treaty of Rapallo"), r.body());
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void serve_refuses_an_index_of_other_sources_naming_both_fingerprints() throws Exception {
        Path copy = tmp.resolve("copy");
        try (var files = Files.walk(tmp.resolve("dataset"))) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(tmp.resolve("dataset").relativize(f).toString());
                if (Files.isDirectory(f))
                    Files.createDirectories(to);
                else
                    Files.copy(f, to);
            }
        }
        String other = "f".repeat(64);
        Path record = copy.resolve(TextIndexFolder.FOLDER).resolve(TextIndexFolder.RECORD);
        Files.writeString(record, Files.readString(record, StandardCharsets.UTF_8).replace(fingerprint, other));
        Path log = Files.createTempFile("serve", ".log");
        Process p = ServeProcessTest.serve(log, List.of("-Xmx512m"), "--dataset", copy.toString());
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue(), output);
            assertTrue(output.contains("the text index was built from other sources (fingerprint " + other + ", the sources now " + fingerprint
                    + "); run build again"), output);
            assertFalse(output.contains("SPARQL endpoint:"), output);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
