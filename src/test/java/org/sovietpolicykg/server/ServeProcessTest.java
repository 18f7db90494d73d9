package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code serve} as a user runs it: a separate process that prints its URL when ready and stops cleanly on a signal;
 * SIGTERM while a runaway query runs ends it within the time limit and the grace; an {@code OutOfMemoryError} ends it
 * (status 3, for a supervisor to restart) instead of leaving a process that is alive and answers nothing. Each process
 * on port 0 of this machine, bounded in time, killed if it outlives its test.
 */
class ServeProcessTest {
    static final Pattern URL = Pattern.compile("SPARQL endpoint: (http://\\S+)");

    @Test
    void serve_prints_its_url_answers_and_stops_cleanly_on_a_signal() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("serve", ".log");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.sovietpolicykg.cli.Main",
                "serve", "--port", "0", "--rebuild").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = null;
            for (int i = 0; i < 600 && url == null && p.isAlive(); i++) {
                Matcher m = URL.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find())
                    url = m.group(1);
                else
                    Thread.sleep(50);
            }
            assertTrue(url != null, "no URL printed within 30 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "?query="
                    + URLEncoder.encode("ASK { ?x <https://w3id.org/soviet-policy-kg/ontology#replaced> ?y }", StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("_askResult\r\ntrue\r\n", r.body());

            p.destroy(); // SIGTERM: the JVM runs the same shutdown hook as for Ctrl-C
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped within 20 s");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(output.contains("Stopped."), "exit " + p.exitValue() + ":\n" + output);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** serve's grace past the time limit before it halts (ServeCommand). */
    static final long STOP_GRACE_MS = 3_000;
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** A {@code serve} process with these JVM options and arguments after {@code serve --port 0}, its output in {@code log}. */
    static Process serve(Path log, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sovietpolicykg.cli.Main", "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The URL the process prints when it is ready, or null if it ends or takes over 60 s. */
    static String url(Process p, Path log) throws Exception {
        for (int i = 0; i < 1_200 && p.isAlive(); i++) {
            Matcher m = URL.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find())
                return m.group(1);
            Thread.sleep(50);
        }
        Matcher m = URL.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    @Test
    void sigtermDuringARunawayQueryEndsTheProcessWithinTheLimitAndTheGrace() throws Exception {
        Path log = Files.createTempFile("serve", ".log");
        Process p = serve(log, List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), "--query-timeout", "3000");
        try {
            String url = url(p, log);
            assertTrue(url != null, Files.readString(log, StandardCharsets.UTF_8));
            // the path that ran for minutes and ended the heap
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofString("SELECT (COUNT(*) AS ?n) WHERE { ?s ((!<urn:p>)*/(!<urn:p>)*/(^!<urn:p>)*)+ ?o }"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            Thread.sleep(500);
            long t0 = System.nanoTime();
            p.destroy(); // SIGTERM
            boolean ended = p.waitFor(3_000 + STOP_GRACE_MS + 1_000, TimeUnit.MILLISECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, "still running " + ms + " ms after SIGTERM:\n" + output);
            assertTrue(ms < 3_000 + STOP_GRACE_MS, "ended " + ms + " ms after SIGTERM");
            assertTrue(output.contains("Stopped"), output);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void anOutOfMemoryErrorEndsTheProcessForASupervisorToRestart() throws Exception {
        Path log = Files.createTempFile("serve", ".log");
        // a heap too small to start the server on the essay's dataset (since the dataset is served as plain in-memory
        // graphs, 32 MB is enough from the classes folder; 16 MB ends in about a second)
        Process p = serve(log, List.of("-Xmx16m", "-XX:+ExitOnOutOfMemoryError"));
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(3, p.exitValue(), output);
            assertTrue(output.contains("Terminating due to java.lang.OutOfMemoryError"), output);
            assertFalse(output.contains("SPARQL endpoint:"), output);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void startedWithoutTheFlagItSaysSo() throws Exception {
        Path log = Files.createTempFile("serve", ".log");
        Process p = serve(log, List.of("-Xmx512m"));
        try {
            assertTrue(url(p, log) != null, Files.readString(log, StandardCharsets.UTF_8));
            assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("Warning: started without -XX:+ExitOnOutOfMemoryError"));
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
