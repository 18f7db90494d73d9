package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Version;

/**
 * {@code deploy/w3id/.htaccess} as w3id.org runs it: Debian's Apache ({@code apache2} with {@code mod_rewrite} and
 * {@code mod_headers}), on loopback, serves it at {@code /soviet-policy-kg/} with the public URL set to the real server
 * started for the test; one IRI of each form of the graph is asked for as a browser asks (HTML) and as a program asks
 * (Turtle): the first answer is a 303 to the same path on the server, whatever the Accept, and following it gives a
 * 200 of the type asked for.
 */
class W3idRedirectTest extends AbstractLiveServerTest {
    static final Path APACHE = Path.of("/usr/sbin/apache2");
    static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    static final String PUBLIC_URL = "https://kg.example.org";
    static final String HTML = "text/html", TURTLE = "text/turtle";
    /** One IRI of each form (the path after the base), and whether it has a Turtle description. */
    static final List<String> FORMS = List.of("id/litvinov", "claim/author-thesis", "link/anti-west-inconsistent-with-wooing",
            "statement/brigades-drawn-from-western-left", "text/essay/p4/s1", "text/essay", "concept/anti-fascism",
            "anno/claim/author-brigades-epitomised/quote", "source/wikidata", "enrichment/note/barcelona-may-days-protagonists",
            "graph/curated", "ontology", "ontology/" + Version.NUMBER, "void");

    static Process apache;
    static Path root;
    static int port;
    static final HttpClient noFollow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void startApache() throws Exception {
        assertTrue(Files.isExecutable(APACHE) && Files.exists(MODULES.resolve("mod_rewrite.so")),
                "this test needs Debian's apache2 (apt-get install apache2; ./test installs it)");
        root = Files.createTempDirectory("w3id-apache");
        Path ids = Files.createDirectories(root.resolve("htdocs/soviet-policy-kg"));
        // the file as it is to be submitted, with the public URL of the server this test started
        String htaccess = Files.readString(Path.of("deploy/w3id/.htaccess"), StandardCharsets.UTF_8);
        assertTrue(htaccess.contains(PUBLIC_URL), "the .htaccess names the public URL " + PUBLIC_URL);
        Files.writeString(ids.resolve(".htaccess"), htaccess.replace(PUBLIC_URL, server.baseUrl()), StandardCharsets.UTF_8);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        String conf = String.join("\n",
                "ServerRoot " + root,
                "LoadModule mpm_event_module " + MODULES.resolve("mod_mpm_event.so"),
                "LoadModule authz_core_module " + MODULES.resolve("mod_authz_core.so"),
                "LoadModule rewrite_module " + MODULES.resolve("mod_rewrite.so"),
                "LoadModule headers_module " + MODULES.resolve("mod_headers.so"),
                asRoot ? "User www-data\nGroup www-data" : "",
                "ServerName 127.0.0.1",
                "Listen 127.0.0.1:" + port,
                "PidFile " + root.resolve("apache.pid"),
                "DefaultRuntimeDir " + root,
                "ErrorLog " + root.resolve("error.log"),
                "LogLevel warn",
                "DocumentRoot " + root.resolve("htdocs"),
                "<Directory " + root.resolve("htdocs") + ">",
                "  AllowOverride All",
                "  Require all granted",
                "</Directory>", "");
        Files.writeString(root.resolve("apache.conf"), conf, StandardCharsets.UTF_8);
        // the workers (www-data when run as root) read the .htaccess
        try (var s = Files.walk(root)) {
            for (Path p : s.toList())
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        apache = new ProcessBuilder(APACHE.toString(), "-f", root.resolve("apache.conf").toString(), "-DFOREGROUND")
                .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                noFollow.send(HttpRequest.newBuilder(w3id("")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                break;
            } catch (ConnectException e) {
                if (!apache.isAlive() || System.nanoTime() > until)
                    throw new IllegalStateException("Apache did not start: " + log(), e);
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopApache() throws Exception {
        if (apache != null) {
            apache.destroy();
            if (!apache.waitFor(10, TimeUnit.SECONDS))
                apache.destroyForcibly();
        }
    }

    static URI w3id(String path) {
        return URI.create("http://127.0.0.1:" + port + "/soviet-policy-kg/" + path);
    }

    static String log() {
        try {
            return Files.readString(root.resolve("error.log")) + Files.readString(root.resolve("stdout.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static HttpResponse<String> ask(HttpClient client, String path, String accept) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(w3id(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_form_of_iri_redirects_to_the_same_path_on_the_server_whatever_the_accept() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : FORMS)
            for (String accept : List.of(HTML, TURTLE, "application/ld+json")) {
                HttpResponse<String> r = ask(noFollow, path, accept);
                String location = r.headers().firstValue("Location").orElse("");
                if (r.statusCode() != 303 || !location.equals(server.baseUrl() + "/" + path))
                    wrong.add(path + " (" + accept + "): " + r.statusCode() + " " + location);
                else if (!r.headers().firstValue("Access-Control-Allow-Origin").orElse("").equals("*"))
                    wrong.add(path + ": no CORS on the redirect");
            }
        assertEquals(List.of(), wrong, log());
        HttpResponse<String> base = ask(noFollow, "", HTML);
        assertEquals(303, base.statusCode());
        assertEquals(server.baseUrl() + "/", base.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void following_the_redirect_gives_a_200_of_the_type_asked_for_html_and_turtle() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : FORMS)
            for (String accept : List.of(HTML, TURTLE)) {
                HttpResponse<String> r = ask(follow, path, accept);
                String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
                if (r.statusCode() != 200 || !type.equals(accept))
                    wrong.add(path + " (" + accept + "): " + r.statusCode() + " " + type + " at " + r.uri());
                else if (accept.equals(TURTLE) && !r.body().contains("soviet-policy-kg"))
                    wrong.add(path + ": the Turtle does not describe it");
            }
        assertEquals(List.of(), wrong);
        HttpResponse<String> litvinov = ask(follow, "id/litvinov", HTML);
        assertEquals(URI.create(server.baseUrl() + "/id/litvinov"), litvinov.uri());
        assertTrue(litvinov.body().contains("Maxim Litvinov"), "his page");
    }

    @Test
    void the_context_the_dumps_the_endpoint_and_the_landing_page_resolve_through_it_too() throws Exception {
        HttpResponse<String> context = ask(follow, "context.jsonld", "application/ld+json");
        assertEquals(200, context.statusCode());
        assertTrue(context.body().contains("\"claimedBy\""), context.body());
        HttpResponse<String> nq = ask(follow, "dumps/dataset.nq", "*/*");
        assertEquals(200, nq.statusCode());
        assertEquals("application/n-quads", nq.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        // the query string goes along
        HttpResponse<String> ask = ask(follow, "kg/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("\"boolean\" : true") || ask.body().contains("\"boolean\":true"), ask.body());
        HttpResponse<String> home = ask(follow, "", HTML);
        assertEquals(200, home.statusCode());
        assertEquals(URI.create(server.baseUrl() + "/"), home.uri());
    }
}
