package org.sovietpolicykg.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig;

/** A test class that talks real HTTP to the whole server (graph, API, pages) started on a free port, stopped after. */
abstract class AbstractLiveServerTest {
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        server = Servers.standard(TestGraphs.queryable(), KgConfig.defaults().withPort(0)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null)
            server.stop();
        server = null;
    }

    /** GET a path of the server, with an Accept header unless null. */
    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
