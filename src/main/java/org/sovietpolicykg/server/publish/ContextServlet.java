package org.sovietpolicykg.server.publish;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.server.http.ConditionalGet;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;

/**
 * The JSON-LD context at {@code /context.jsonld} (the IRI {@code <base>context.jsonld} that every JSON-LD answer and
 * the JSON-LD dump name): {@code application/ld+json}, a strong {@code ETag} (its sha256), {@code Cache-Control}, and
 * {@code 304} on {@code If-None-Match}. JSON-LD processors fetch it once per document they read, so it is cheap.
 */
public final class ContextServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = PublicUrl.CONTEXT_PATH;

    private final byte[] document;
    private final String etag;

    public ContextServlet(JsonLdContext context) {
        this.document = context.document();
        this.etag = "\"" + Sha256.hex(document) + "\"";
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (ConditionalGet.revalidate(req, resp, etag, "public, max-age=3600, must-revalidate", -1))
            return;
        resp.setContentLength(document.length);
        if (req.getMethod().equals("HEAD")) {
            resp.setStatus(200);
            resp.setContentType(JsonLdContext.MEDIA_TYPE);
            return;
        }
        bytes(resp, JsonLdContext.MEDIA_TYPE, document);
    }
}
