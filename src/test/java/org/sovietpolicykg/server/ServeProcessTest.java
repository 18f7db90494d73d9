package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code serve} as a user runs it: a separate process that prints its URL when ready and stops cleanly on a signal. */
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
}
