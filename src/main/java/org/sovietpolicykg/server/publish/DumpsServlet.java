package org.sovietpolicykg.server.publish;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.server.http.ConditionalGet;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The downloads of the dataset at {@code /dumps/NAME}: whatever files of the built dataset it is given
 * ({@link Dump#publishable}), each with a strong {@code ETag} (its sha256), {@code Last-Modified} (when the dataset
 * was written), {@code Content-Length}, HEAD, and {@code 304 Not Modified} on {@code If-None-Match} or (without it)
 * {@code If-Modified-Since}. Gzip, when the client asks for it, is Jetty's {@code GzipHandler} around the server
 * (KgServer). {@code /dumps/} lists them as JSON; {@code /dumps/manifest.sha256} gives their checksums for {@code sha256sum -c}.
 */
public final class DumpsServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/dumps/";

    /** The dumps, made once on first use by the supplier the server gives (serialising is not start-up work). */
    private final transient Supplier<List<Dump>> dumpsOf;
    /** The dumps by name with their manifest: made on the first request that needs them (the dataset does not change). */
    private transient volatile Map<String, Dump> byName;
    /** Seconds since the epoch, as HTTP dates carry them. */
    private final long lastModified;

    public DumpsServlet(Supplier<List<Dump>> dumps, Instant lastModified) {
        this.dumpsOf = dumps;
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
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
        if (ConditionalGet.revalidate(req, resp, d.etag(), "public, max-age=300, must-revalidate", lastModified))
            return;
        resp.setStatus(200);
        resp.setContentType(d.mediaType());
        resp.setContentLengthLong(d.bytes().length);
        if (!req.getMethod().equals("HEAD"))
            resp.getOutputStream().write(d.bytes());
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        String base = PublicUrl.of(req) + PATH;
        for (Dump d : dumps().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", base + d.name());
            m.put("mediaType", d.mediaType());
            m.put("bytes", d.bytes().length);
            m.put("sha256", d.sha256());
            list.add(m);
        }
        bytes(resp, "application/json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("dumps", list)));
    }
}
