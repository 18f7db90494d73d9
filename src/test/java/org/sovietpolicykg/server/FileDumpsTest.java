package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The dumps of a built dataset are served from its files, none held in memory (at a hundred texts they came to hundreds
 * of MB, and in a small heap the first download ended it): each with the size and sha256 of its file, the same as the
 * dump serialised now, and ranges read from the disk.
 */
class FileDumpsTest {
    @Test
    void theDumpsOfABuiltFolderAreItsFilesServedFromTheDisk(@TempDir Path dir) throws Exception {
        List<Dump> made = Dump.of(TestGraphs.queryable(), BaseIri.DEFAULT);
        for (Dump d : made)
            Files.write(dir.resolve(d.name()), d.bytes());
        List<Dump> files = Dump.inFolder(dir);
        Map<String, Dump> byName = files.stream().collect(Collectors.toMap(Dump::name, d -> d));
        assertEquals(made.stream().map(Dump::name).toList(), files.stream().map(Dump::name).toList());
        for (Dump d : made) {
            Dump f = byName.get(d.name());
            assertEquals(d.sha256(), f.sha256(), d.name());
            assertEquals(d.size(), f.size(), d.name());
            assertNull(f.held(), d.name() + " is held in memory");
            assertEquals(dir.resolve(d.name()), f.file().orElseThrow());
        }
        KgServer server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0), "0".repeat(64), () -> files,
                Instant.parse("2026-12-02T00:00:00Z")).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            byte[] nq = Files.readAllBytes(dir.resolve("dataset.nq"));
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dumps/dataset.nq"))
                    .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertEquals("bytes 100-199/" + nq.length, part.headers().firstValue("Content-Range").orElse(null));
            assertArrayEquals(Arrays.copyOfRange(nq, 100, 200), part.body());
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/dumps/dataset.nq")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(nq, whole.body());
            assertEquals("\"" + byName.get("dataset.nq").sha256() + "\"", whole.headers().firstValue("ETag").orElse(null));
            assertEquals("Wed, 02 Dec 2026 00:00:00 GMT", whole.headers().firstValue("Last-Modified").orElse(null));
            assertTrue(whole.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
        } finally {
            server.stop();
        }
    }
}
