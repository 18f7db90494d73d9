package org.sovietpolicykg.server.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

import org.sovietpolicykg.server.cache.AnswerCache.Answer;
import org.sovietpolicykg.server.cache.AnswerCache.Header;
import org.sovietpolicykg.server.cache.AnswerCache.Key;
import org.sovietpolicykg.server.http.ForwardingOutputStream;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.ResponseLimitFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The answers of the SPARQL endpoint, kept in the server's one {@link AnswerCache}: the dataset cannot change while
 * the server runs, so the same query in the same format always has the same answer. An answer is kept as the endpoint wrote it (status 200, its headers, its
 * bytes), so that a kept answer is byte for byte a fresh one; keyed by the query in its normal form (parsed and written
 * again by Jena: the same query however it is spaced, commented or sent, GET or form POST), the other parameters and
 * the headers the format is chosen by ({@code Accept}, {@code Accept-Charset}), and the public URL (a JSON-LD answer
 * names the context by it). Each
 * answer that may be kept carries a strong ETag (the dataset's fingerprint and the key), {@code Cache-Control}, and a
 * 304 on revalidation. A kept answer skips the query pool: it runs nothing.
 * <p>
 * Never kept: an error (any status but 200), an answer stopped before its end (time, rows, bytes), one larger than an
 * eighth of the bound, and a query with {@code SERVICE}, whose answer depends on another endpoint that may change or
 * fail at any time, so it carries neither ETag nor a promise of freshness. A body sent as {@code
 * application/sparql-query} goes through uncached (reading it here would take it from the endpoint).
 */
public final class EndpointAnswers implements Filter {
    /** The base the endpoint parses queries against (Fuseki's), so that a relative IRI has one normal form. */
    private static final String PARSE_BASE = "http://server/unset-base/";
    /** Conservative: the word anywhere in the normal form (a literal too) keeps the answer out of the cache. */
    private static final Pattern SERVICE = Pattern.compile("\\bSERVICE\\b", Pattern.CASE_INSENSITIVE);
    /** Headers of an answer that are not kept with it: per request, or the cache's own. */
    private static final Set<String> NOT_KEPT = Set.of("fuseki-request-id", "cache-control", "pragma", "expires", "etag",
            "content-length", "content-type", "date");
    /** The normal form of a query that is not kept (it does not parse, or it calls SERVICE). */
    private static final String NOT_CACHEABLE = "";

    private final AnswerCache answers;
    private final int maxQueryChars;
    /** The query text as sent, to its normal form: a repeated text is not parsed again. */
    private final Cache<String, String> normalForms;

    /**
     * Keeps the endpoint's answers in {@code answers} (and as many bytes again of query texts); queries longer than
     * {@code maxQueryChars} go through to the endpoint, which refuses them.
     */
    public EndpointAnswers(AnswerCache answers, long maxQueryTextBytes, int maxQueryChars) {
        this.answers = answers;
        this.maxQueryChars = maxQueryChars;
        this.normalForms = Caffeine.newBuilder().maximumWeight(maxQueryTextBytes)
                .weigher((String k, String v) -> 2 * (k.length() + v.length()) + 64).build();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        Key key = answers.keeps() ? key(req) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (answers.revalidate(req, resp, key)) {
            resp.addHeader("Vary", "Accept");
            return;
        }
        // not yet known to be an answer to keep: the tag goes on with its first byte (Capture)
        Answer kept = answers.getIfPresent(key);
        if (kept != null) {
            answers.send(resp, key, kept);
            return;
        }
        Capture capture = new Capture(resp, answers.etag(key));
        chain.doFilter(request, capture);
        Answer fresh = capture.answer();
        if (fresh != null && req.getAttribute(ResponseLimitFilter.STOPPED) == null)
            answers.put(key, fresh);
    }

    /** The key of a request whose answer may be kept, or null. */
    private Key key(HttpServletRequest req) {
        String m = req.getMethod();
        if (m.equals("POST")) {
            String type = req.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                return null;
        } else if (!m.equals("GET"))
            return null;
        String[] given = req.getParameterValues("query");
        // none, or twice (the endpoint refuses that): nothing to key on
        if (given == null || given.length != 1)
            return null;
        String query = given[0];
        if (query == null || query.length() > maxQueryChars || req.getParameter("update") != null)
            return null;
        String normal = normalForms.get(query, EndpointAnswers::normalForm);
        if (normal.isEmpty())
            return null;
        StringBuilder request = new StringBuilder(normal.length() + 128).append(normal);
        Map<String, String[]> params = new TreeMap<>(req.getParameterMap());
        params.remove("query");
        params.forEach((name, values) -> request.append('\n').append(name).append('=').append(String.join("\u0000", values)));
        String format = "Accept: " + header(req, "Accept") + "\nAccept-Charset: " + header(req, "Accept-Charset");
        return AnswerCache.key("sparql", request.toString(), format, PublicUrl.of(req));
    }

    private static String header(HttpServletRequest req, String name) {
        String v = req.getHeader(name);
        return v == null ? "" : v.strip();
    }

    /** The query as Jena writes it once parsed, or {@link #NOT_CACHEABLE}. */
    private static String normalForm(String query) {
        try {
            String normal = QueryFactory.create(query, PARSE_BASE, Syntax.syntaxARQ).serialize();
            return SERVICE.matcher(normal).find() ? NOT_CACHEABLE : normal;
        } catch (RuntimeException | StackOverflowError e) {
            // the endpoint parses it again and says what is wrong
            return NOT_CACHEABLE;
        }
    }

    /**
     * The response as the endpoint writes it, passed on as it comes, and copied: the headers it sets and its bytes. The
     * ETag and Cache-Control go on once the first byte of a 200 is written, and come off again if the answer is then
     * replaced by an error.
     */
    private final class Capture extends HttpServletResponseWrapper {
        private final String etag;
        private final List<Header> headers = new ArrayList<>();
        private ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean tagged;
        private boolean unkept;
        private ServletOutputStream out;

        Capture(HttpServletResponse resp, String etag) {
            super(resp);
            this.etag = etag;
        }

        /** The answer to keep, or null. */
        Answer answer() {
            if (unkept || body == null || getStatus() != HttpServletResponse.SC_OK || !tagged || getContentType() == null)
                return null;
            return new Answer(getContentType(), headers, body.toByteArray());
        }

        private void record(String name, String value, boolean add) {
            if (name != null && value != null && !NOT_KEPT.contains(name.toLowerCase(Locale.ROOT)))
                headers.add(new Header(name, value, add));
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value, false);
            if (!(tagged && isCacheHeader(name)))
                super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value, true);
            if (!(tagged && isCacheHeader(name)))
                super.addHeader(name, value);
        }

        private static boolean isCacheHeader(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.equals("cache-control") || n.equals("pragma") || n.equals("expires") || n.equals("etag");
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            if (sc != HttpServletResponse.SC_OK)
                untag();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            untag();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            untag();
            super.sendError(sc);
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            untag();
        }

        @Override
        public void reset() {
            super.reset();
            untag();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            // the endpoint writes answers as bytes; text through a writer (an error page) is not copied
            unkept = true;
            return super.getWriter();
        }

        /** A 200 is about to be written: it may be kept, so it says so. */
        private void tag() {
            if (tagged || unkept || getStatus() != HttpServletResponse.SC_OK || isCommitted())
                return;
            tagged = true;
            super.setHeader("ETag", etag);
            super.setHeader("Cache-Control", AnswerCache.CACHE_CONTROL);
            super.setHeader("Pragma", null);
            super.setHeader("Expires", null);
        }

        /** Not an answer to keep after all: nothing of the cache's stays on it. */
        private void untag() {
            unkept = true;
            body = null;
            if (tagged && !isCommitted()) {
                super.setHeader("ETag", null);
                super.setHeader("Cache-Control", "no-store");
            }
            tagged = false;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null)
                out = new Tee(super.getOutputStream());
            return out;
        }

        /** Passes every byte on, and copies it. */
        private final class Tee extends ForwardingOutputStream {
            Tee(ServletOutputStream inner) {
                super(inner);
            }

            private void copy(byte[] b, int off, int len) {
                tag();
                if (body == null)
                    return;
                if (body.size() + (long) len > answers.maxAnswerBytes()) {
                    body = null;
                    unkept = true;
                    return;
                }
                body.write(b, off, len);
            }

            @Override
            protected boolean beforeWrite(byte[] b, int off, int len) {
                copy(b, off, len);
                return true;
            }

            @Override
            public void flush() throws IOException {
                tag();
                super.flush();
            }

            @Override
            public void close() throws IOException {
                tag();
                super.close();
            }
        }
    }
}
