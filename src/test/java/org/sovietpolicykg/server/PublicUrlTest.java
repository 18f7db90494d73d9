package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.config.KgConfig.Address;
import org.sovietpolicykg.config.KgConfig;

/**
 * Every absolute URL the server writes comes from one public URL: the configured one, else what a trusted proxy
 * forwards, else the listening address; never the {@code Host} a client sends. The test client sends any Host it
 * likes (surefire allows the restricted header), as an attacker would.
 */
class PublicUrlTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String CONSTRUCT = "CONSTRUCT { ?who <https://w3id.org/soviet-policy-kg/ontology#replaced> ?whom }"
            + " WHERE { ?who <https://w3id.org/soviet-policy-kg/ontology#replaced> ?whom }";
    /** Three servers: as started by default, behind a configured public URL, and trusting a proxy on loopback. */
    static KgServer plain;
    static KgServer published;
    static KgServer proxied;

    @BeforeAll
    static void start() {
        KgConfig config = KgConfig.defaults().withPort(0);
        plain = Servers.standard(TestGraphs.queryable(), config).start();
        published = Servers.standard(TestGraphs.queryable(), config.withAddress(new Address(Optional.of("https://kg.example.org/"), List.of())))
                .start();
        proxied = Servers.standard(TestGraphs.queryable(), config.withAddress(new Address(Optional.empty(), List.of("127.0.0.1", "::1"))))
                .start();
    }

    @AfterAll
    static void stop() {
        for (KgServer s : new KgServer[] {plain, published, proxied})
            if (s != null)
                s.stop();
    }

    static HttpResponse<String> send(KgServer server, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> construct(KgServer server, String host) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Accept", "application/ld+json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(CONSTRUCT, StandardCharsets.UTF_8)));
        if (host != null)
            b.header("Host", host);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_json_ld_answer_asked_with_another_host_names_the_honest_context_and_so_does_the_next_one() throws Exception {
        String honest = "\"@context\" : \"" + plain.baseUrl() + "/context.jsonld\"";
        HttpResponse<String> poisoned = construct(plain, "evil.example");
        assertEquals(200, poisoned.statusCode(), poisoned.body());
        assertFalse(poisoned.body().contains("evil.example"), poisoned.body());
        assertTrue(poisoned.body().replace("\": \"", "\" : \"").contains(honest), poisoned.body());
        // the next client, Host as it should be: the same honest answer, kept (no request id: not evaluated again)
        HttpResponse<String> next = construct(plain, null);
        assertEquals(poisoned.body(), next.body());
        assertEquals(poisoned.headers().firstValue("ETag"), next.headers().firstValue("ETag"));
        assertTrue(next.headers().firstValue("Fuseki-Request-Id").isEmpty(), "kept, not evaluated again");
        // the canned query link-graph too (a CONSTRUCT, as JSON-LD)
        HttpResponse<String> canned = send(plain, "/api/queries/link-graph?format=jsonld", Map.of("Host", "evil.example"));
        assertEquals(200, canned.statusCode(), canned.body());
        assertFalse(canned.body().contains("evil.example"), canned.body());
        assertTrue(canned.body().contains(plain.baseUrl() + "/context.jsonld"), canned.body());
    }

    @Test
    void two_thousand_hosts_get_one_and_the_same_void_description() throws Exception {
        byte[] first = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(plain.baseUrl() + "/void")).header("Accept", "text/turtle")
                    .header("Host", "h" + i + ".example").build();
            HttpResponse<byte[]> a = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, a.statusCode());
            if (first == null) {
                first = a.body();
                String turtle = new String(first, StandardCharsets.UTF_8);
                assertTrue(turtle.contains("<" + plain.sparqlUrl() + ">"), "the endpoint by the listening address: " + turtle);
                assertFalse(turtle.contains(".example"), turtle);
            } else {
                // made once: every Host gets the same bytes, so nothing was described (or kept) per Host
                assertArrayEquals(first, a.body(), "the answer to Host h" + i + ".example");
            }
        }
        System.out.printf("2,000 Hosts on /void: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        HttpResponse<String> sd = send(plain, "/kg/sparql", Map.of("Accept", "text/turtle", "Host", "other.example"));
        assertTrue(sd.body().contains("<" + plain.sparqlUrl() + ">") && !sd.body().contains("other.example"), sd.body());
    }

    @Test
    void a_configured_public_url_names_every_absolute_url_without_a_default_port() throws Exception {
        String base = "https://kg.example.org";
        Map<String, String> evil = Map.of("Host", "evil.example");
        HttpResponse<String> voidTurtle = send(published, "/void", Map.of("Accept", "text/turtle", "Host", "evil.example"));
        assertTrue(voidTurtle.body().contains("<" + base + "/kg/sparql>"), voidTurtle.body());
        assertTrue(voidTurtle.body().contains("<" + base + "/dumps/dataset.trig>"), voidTurtle.body());
        String dumps = send(published, "/dumps/", evil).body();
        assertTrue(dumps.contains("\"url\" : \"" + base + "/dumps/dataset.nq\""), dumps);
        String openapi = send(published, "/api/openapi.json", evil).body();
        assertTrue(openapi.contains("\"url\" : \"" + base + "\"") || openapi.contains("\"url\":\"" + base + "\""), openapi);
        String sd = send(published, "/kg/sparql", Map.of("Accept", "text/turtle")).body();
        assertTrue(sd.contains("<" + base + "/kg/sparql>"), sd);
        HttpResponse<String> jsonld = construct(published, "evil.example");
        assertTrue(jsonld.body().contains(base + "/context.jsonld"), jsonld.body());
        for (String body : List.of(voidTurtle.body(), dumps, openapi, sd, jsonld.body()))
            assertFalse(body.contains(":443") || body.contains("evil.example") || body.contains("localhost"), body);
    }

    @Test
    void forwarded_headers_count_from_a_trusted_proxy_and_from_nobody_else() throws Exception {
        Map<String, String> forwarded = Map.of("X-Forwarded-Host", "kg.example.org", "X-Forwarded-Proto", "https");
        String viaProxy = send(proxied, "/dumps/", forwarded).body();
        assertTrue(viaProxy.contains("\"url\" : \"https://kg.example.org/dumps/dataset.nq\""), viaProxy);
        // the same headers from a client the server does not trust: its listening address, as always
        String direct = send(plain, "/dumps/", forwarded).body();
        assertTrue(direct.contains("\"url\" : \"" + plain.baseUrl() + "/dumps/dataset.nq\""), direct);
        assertFalse(direct.contains("kg.example.org"), direct);
    }
}
