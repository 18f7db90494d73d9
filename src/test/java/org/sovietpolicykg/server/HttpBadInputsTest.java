package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests, one fixture each in src/test/resources/HttpBadInputsTest/: {@code NAME-bad-N.http} is the request
 * (first line {@code # bad: why}, then the request line, headers, a blank line and the body), {@code NAME-bad-N.expected}
 * the answer (its status, or the first digits of it, and a line of the message). Each gets its 4xx and a short message;
 * no answer shows a stack trace or the name of a Java class.
 */
class HttpBadInputsTest extends AbstractLiveServerTest {
    static final Path FIXTURES = Path.of("src/test/resources/HttpBadInputsTest");
    /** What a body must never show: a stack frame, an exception class, a Java package. */
    static final Pattern LEAK = Pattern.compile("\\bat (org|java|jakarta)\\.|\\w+(Exception|Error)\\b|\\b(java|jakarta|org\\.apache|org\\.eclipse)\\.[a-z]+\\.");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.getFileName().toString().matches(".*-bad-\\d+\\.http")).sorted();
    }

    @Test
    void there_are_fixtures_enough() throws IOException {
        assertTrue(fixtures().count() >= 20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void a_bad_request_gets_its_4xx_and_a_message_without_java_names(Path fixture) throws Exception {
        String text = Files.readString(fixture, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# bad: "), fixture + ": the first line says why it is bad");
        String[] parts = text.substring(text.indexOf('\n') + 1).split("\n\n", 2);
        List<String> head = List.of(parts[0].split("\n"));
        String body = parts.length > 1 ? parts[1] : "";
        Answer r = send(head, body);

        List<String> expected = Files.readAllLines(Path.of(fixture.toString().replace(".http", ".expected")), StandardCharsets.UTF_8);
        String status = expected.get(0).strip();
        assertTrue(Integer.toString(r.status()).startsWith(status), fixture + ": status " + r.status() + ", expected "
                + status + "\n" + r.body());
        assertTrue(r.status() >= 400 && r.status() < 500, fixture + ": a 4xx, got " + r.status());
        if (expected.size() > 1 && !expected.get(1).isBlank())
            assertTrue(r.body().contains(expected.get(1).strip()), fixture + ": expected the message\n" + expected.get(1) + "\nin\n" + r.body());
        // the refused IRIs the user sent (<java:org.apache...>) may be quoted back; nothing else of Java may show
        assertFalse(LEAK.matcher(r.body().replaceAll("<[^>\\s]*>", "<>")).find(), fixture + ": the answer names Java internals:\n" + r.body());
    }

    record Answer(int status, String body) {}

    /**
     * Sends a request as it is written, byte for byte, over a plain socket to the server on 127.0.0.1 (Java's HTTP
     * client refuses to send a malformed URI such as {@code ?format=%zz}, which is the point of some fixtures), as
     * HTTP/1.0 so that the answer is not chunked and ends with the connection.
     */
    static Answer send(List<String> head, String body) throws IOException {
        String[] line = head.get(0).split(" ", 2);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder(line[0] + " " + line[1] + " HTTP/1.0\r\nHost: 127.0.0.1:" + server.port() + "\r\n");
        for (String h : head.subList(1, head.size()))
            req.append(h).append("\r\n");
        if (content.length > 0)
            req.append("Content-Length: ").append(content.length).append("\r\n");
        req.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : answer.substring(split + 4));
        }
    }
}
