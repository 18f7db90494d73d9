package org.sovietpolicykg.server.publish;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.resource.MemoryResource;
import org.eclipse.jetty.util.resource.ResourceFactory;

import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The downloads of the dataset at {@code /dumps/NAME}: whatever files of the built dataset it is given
 * ({@link Dump#publishable}), served by Jetty's own resource serving ({@link ResourceServlet} and its
 * {@code ResourceService}), which does the HTTP of a file: {@code Content-Length}, HEAD, {@code 304 Not Modified} on
 * {@code If-None-Match} or (without it) {@code If-Modified-Since}, {@code 412} on {@code If-Match}, and ranges
 * ({@code Accept-Ranges: bytes}, {@code 206} with {@code Content-Range}, {@code If-Range}, {@code 416}), so that an
 * interrupted download resumes ({@code curl -C -}, {@code wget -c}). What it serves is given here: each dump's bytes
 * with its strong {@code ETag} (its sha256) and {@code Last-Modified} (when the dataset was written). Gzip, when the
 * client asks for it, is Jetty's {@code GzipHandler} around the server (KgServer). {@code /dumps/} lists them as JSON;
 * {@code /dumps/manifest.sha256} gives their checksums for {@code sha256sum -c}. Jetty 12.1's {@code ResourceService}
 * does not read {@code If-Range}; its one rule (RFC 9110 13.1.5: a range of a copy that is not the current one is
 * the whole file) is here, by hiding the {@code Range} from Jetty when the client's copy is of another version.
 */
public final class DumpsServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/dumps/";

    /** The dumps, made once on first use by the supplier the server gives (serialising is not start-up work). */
    private final transient Supplier<List<Dump>> dumpsOf;
    /** The dumps by name with their manifest: made on the first request that needs them (the dataset does not change). */
    private transient volatile Map<String, Dump> byName;
    /** When the dataset was written, to the second (as HTTP dates carry it). */
    private final Instant lastModified;
    /** Jetty's resource serving, over the dumps in memory. */
    private transient JettyFiles files;

    public DumpsServlet(Supplier<List<Dump>> dumps, Instant lastModified) {
        this.dumpsOf = dumps;
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void init() throws ServletException {
        files = new JettyFiles();
        files.init(getServletConfig());
        // what Jetty serves: the dump of a path, by this servlet's own table (never a file of the disk)
        files.getResourceService().setHttpContentFactory(path -> {
            Dump d = path.startsWith("/") ? dumps().get(path.substring(1)) : null;
            return d == null ? null : new DumpContent(d, lastModified);
        });
    }

    /** The dumps by name, and their checksums ({@link Dump#MANIFEST}), made once. */
    private Map<String, Dump> dumps() {
        Map<String, Dump> m = byName;
        if (m == null) {
            m = new LinkedHashMap<>();
            List<Dump> dumps = dumpsOf.get();
            for (Dump d : dumps)
                m.put(d.name(), d);
            m.put(Dump.MANIFEST, Dump.manifestOf(dumps));
            byName = m;
        }
        return m;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Dump> dumps = dumps();
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            list(req, resp);
            return;
        }
        Dump d = dumps.get(path.substring(1));
        if (d == null)
            throw new NotFoundException("No dump at " + req.getRequestURI() + "; the dumps are " + dumps.keySet() + " under " + PATH);
        // a download keeps its name when saved (the CSV opens in a spreadsheet, the RDF in a tool)
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + d.name() + "\"");
        try {
            files.service(ifRangeHolds(req, d) ? req : new WholeFile(req), resp);
        } catch (ServletException e) {
            throw new KgException("The dump " + d.name() + " could not be sent: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a {@code Range} may be served: there is no {@code If-Range}, or it names this version, by its strong tag
     * or by exactly its {@code Last-Modified} date (RFC 9110 13.1.5; a weak tag never matches).
     */
    private boolean ifRangeHolds(HttpServletRequest req, Dump d) {
        String ifRange = req.getHeader("If-Range");
        if (ifRange == null || req.getHeader("Range") == null)
            return true;
        ifRange = ifRange.strip();
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/"))
            return ifRange.equals(d.etag());
        try {
            return req.getDateHeader("If-Range") == lastModified.toEpochMilli();
        } catch (IllegalArgumentException e) {
            return false; // neither a tag nor a date: no range
        }
    }

    /** A request whose {@code Range} and {@code If-Range} Jetty does not see: it answers with the whole file. */
    private static final class WholeFile extends HttpServletRequestWrapper {
        private static final Set<String> HIDDEN = Set.of("range", "if-range");

        WholeFile(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getHeader(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !HIDDEN.contains(n.toLowerCase(Locale.ROOT))).toList());
        }
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        String base = PublicUrl.of(req) + PATH;
        for (Dump d : dumps().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", base + d.name());
            m.put("mediaType", d.mediaType());
            m.put("bytes", d.size());
            m.put("sha256", d.sha256());
            list.add(m);
        }
        bytes(resp, "application/json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("dumps", list)));
    }

    /**
     * Jetty's resource servlet as the dumps use it, with the settings of a download (its own init parameters, as
     * StaticAssets gives them): ranges, ETags, no folders, the path after {@code /dumps}.
     */
    private static final class JettyFiles extends ResourceServlet {
        private static final long serialVersionUID = 1L;
        private static final Map<String, String> PARAMS = Map.of("pathInfoOnly", "true", "dirAllowed", "false", "etags", "true",
                "acceptRanges", "true", "cacheControl", "public, max-age=300, must-revalidate", "redirectWelcome", "false",
                "useFileMappedBuffer", "false");

        @Override
        public String getInitParameter(String name) {
            return PARAMS.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(PARAMS.keySet());
        }
    }

    /**
     * A dump as Jetty serves it: its file (read from the disk as it is sent) or its bytes, its media type, its strong
     * tag (the sha256), when it was written.
     */
    private static final class DumpContent extends HttpContent.Wrapper {
        private final HttpField etag;
        private final Instant written;
        private final HttpField lastModified;

        DumpContent(Dump d, Instant written) {
            super(new ResourceHttpContent(d.file().isPresent() ? ResourceFactory.root().newResource(d.file().get()) : new Bytes(d, written),
                    d.mediaType(), ByteBufferPool.SIZED_NON_POOLING));
            this.etag = new PreEncodedHttpField(HttpHeader.ETAG, d.etag());
            this.written = written;
            this.lastModified = new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(written));
        }

        @Override
        public HttpField getETag() {
            return etag;
        }

        @Override
        public HttpField getLastModified() {
            return lastModified;
        }

        @Override
        public Instant getLastModifiedInstant() {
            return written;
        }
    }

    /** The bytes of a dump as a resource of Jetty's, dated when the dataset was written. */
    private static final class Bytes extends MemoryResource {
        private final Instant written;

        Bytes(Dump d, Instant written) {
            super(URI.create("dump:" + d.name()), d.bytes());
            this.written = written;
        }

        @Override
        public Instant lastModified() {
            return written;
        }
    }
}
