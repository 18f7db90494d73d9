package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The essay as TEI on the real server: {@code /read/essay} (and {@code /essay}) with {@code Accept: application/tei+xml}
 * (RFC 6129) is the same document as the download {@code /dumps/essay.tei.xml}; a browser still gets the page.
 */
class TeiEndpointTest extends AbstractLiveServerTest {

    static HttpResponse<byte[]> bytes(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_reading_view_answers_tei_by_accept_and_it_is_the_download() throws Exception {
        HttpResponse<byte[]> tei = bytes("/read/essay", "application/tei+xml");
        assertEquals(200, tei.statusCode());
        assertTrue(tei.headers().firstValue("Content-Type").orElse("").startsWith("application/tei+xml"), tei.headers().toString());
        assertTrue(tei.headers().allValues("Vary").toString().contains("Accept"));
        String xml = new String(tei.body(), "UTF-8");
        assertTrue(xml.contains("<persName ref=\"https://w3id.org/soviet-policy-kg/id/litvinov\">Litvoniv</persName>"), "Litvoniv, marked up");
        HttpResponse<byte[]> dump = bytes("/dumps/essay.tei.xml", "*/*");
        assertEquals(200, dump.statusCode());
        assertEquals("application/tei+xml", dump.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", ""));
        assertArrayEquals(dump.body(), tei.body());
        assertArrayEquals(tei.body(), bytes("/essay", "application/tei+xml").body());
        assertArrayEquals(tei.body(), bytes("/read/essay?format=tei", "text/html").body());
    }

    @Test
    void a_browser_still_gets_the_page_and_the_dumps_list_the_tei() throws Exception {
        HttpResponse<String> page = get("/read/essay", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String list = get("/dumps/", "application/json").body();
        assertTrue(list.contains("essay.tei.xml") && list.contains("application/tei+xml"), list);
        assertTrue(get("/void", "text/turtle").body().contains("/dumps/essay.tei.xml"));
    }
}
