package org.sovietpolicykg.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.errors.LengthRequiredException;
import org.sovietpolicykg.errors.MethodNotAllowedException;
import org.sovietpolicykg.errors.TooLargeException;
import org.sovietpolicykg.errors.UriTooLongException;

/**
 * The first check of every request, before anything parses it: TRACE is refused (405); a query string with bad
 * percent-encoding or bad UTF-8 is a 400 that says so; a body larger than the limit is a 413 before a byte of it is
 * parsed; a body of unknown length (chunked) is a 411, since its size cannot be checked first.
 */
public final class RequestLimitFilter implements Filter {
    private static final Pattern PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** A refused body up to this many times the limit is read and discarded so that its sender sees the 413. */
    static final int DRAIN_FACTOR = 64;

    private final int maxBytes;

    public RequestLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        try {
            if (req.getMethod().equals("TRACE") || req.getMethod().equals("TRACK"))
                throw new MethodNotAllowedException("Method " + req.getMethod() + " is not allowed on this server");
            String qs = req.getQueryString();
            if (qs != null && qs.length() > maxBytes)
                throw new UriTooLongException("The query string has " + qs.length() + " characters; this server takes at most " + maxBytes
                        + " (send a long query with POST)");
            checkQueryString(qs);
            long declared = req.getContentLengthLong();
            if (declared > maxBytes) {
                refuseAndDrain(req, resp, declared, new TooLargeException("The request body has " + declared
                        + " bytes; this server takes at most " + maxBytes + " (for the whole graph, download the dumps)"));
                return;
            }
            if (declared < 0 && hasBody(req))
                throw new LengthRequiredException("The request body has no Content-Length; expected one (at most " + maxBytes
                        + " bytes), so that its size can be checked before it is read");
        } catch (KgException e) {
            HttpErrors.send(resp, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Sends the 413 at once (with {@code Connection: close}), then reads and discards the body if it is at most
     * {@link #DRAIN_FACTOR} times the limit. A server that closes a connection with unread bytes in its receive
     * buffer resets it, and a client still sending its body then sees the reset, never the 413 that explains it. A
     * larger body is not read: the connection is closed under it.
     */
    private void refuseAndDrain(HttpServletRequest req, HttpServletResponse resp, long declared, KgException e) throws IOException {
        resp.setHeader("Connection", "close");
        HttpErrors.send(resp, e);
        resp.flushBuffer();
        if (declared > (long) maxBytes * DRAIN_FACTOR)
            return;
        byte[] sink = new byte[16 * 1024];
        try (var in = req.getInputStream()) {
            while (in.read(sink) >= 0) {
                // discarded: the request has been answered; the connection's idle timeout bounds a stalled sender
            }
        } catch (IOException gone) {
            // the client stopped sending once it read the answer: nothing more to do
        }
    }

    /** A query string must be valid percent-encoding of UTF-8, as the URI and HTML specifications have it. */
    public static void checkQueryString(String qs) {
        if (qs == null || qs.isEmpty())
            return;
        if (PERCENT.matcher(qs).find())
            throw new BadRequestException("The query string has a '%' that is not followed by two hexadecimal digits;"
                    + " expected percent-encoding such as %20");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < qs.length(); i++) {
            char c = qs.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(qs.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new BadRequestException("The query string is not UTF-8 once percent-decoded; expected UTF-8 text, e.g. %C3%B6 for ö");
        }
    }

    private static boolean hasBody(HttpServletRequest req) {
        String te = req.getHeader("Transfer-Encoding");
        return te != null && !te.isBlank();
    }
}
