package org.sovietpolicykg.server.publish;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.interchange.WebAnnotations;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.Negotiation;
import org.sovietpolicykg.server.http.PublicUrl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Web Annotation Protocol, read side: {@code /annotations/NAME/} is the {@code AnnotationCollection} of a source text
 * (an LDP basic container: {@code Link} headers, {@code total}, the first page embedded, {@code last}), and
 * {@code /annotations/NAME/?page=N} its {@code AnnotationPage}s ({@code startIndex}, {@code next}, {@code prev}), as
 * {@code application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"}. The annotations themselves are
 * dereferenceable at their IRIs ({@code /anno/...}, the resource pages' route, by the same media type). A write (POST,
 * PUT, PATCH, DELETE) is a 405 with {@code Allow}, as for every route of this read-only server.
 */
public final class AnnotationsServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/annotations/";
    static final List<String> OFFERED = List.of("application/ld+json", "application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Supplier<WebAnnotations> annotations;

    public AnnotationsServlet(Supplier<WebAnnotations> annotations) {
        this.annotations = annotations;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebAnnotations annos = annotations.get();
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        String source = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (source.isEmpty() || source.contains("/") || annos.total(source).isEmpty())
            throw new NotFoundException("No annotations " + (source.isEmpty() ? "named" : "of \"" + source + "\"") + " here; the collections are "
                    + annos.sources().stream().map(s -> PATH + s + "/").toList(),
                    annos.sources().stream().map(s -> new Suggestion("The annotations of " + s, PATH + s + "/")).toList());
        String type = Negotiation.chooseMediaType(req, resp, OFFERED, OFFERED.get(0));
        String url = PublicUrl.of(req) + PATH + source + "/";
        String page = req.getParameter("page");
        ObjectNode body;
        if (page == null) {
            body = annos.collection(source, url).orElseThrow();
            resp.addHeader("Link", "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"");
            resp.addHeader("Link", "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"");
        } else {
            int n;
            try {
                n = Integer.parseInt(page);
            } catch (NumberFormatException e) {
                throw new BadRequestException("Illegal page=" + page + "; expected a page number from 0 to " + (annos.pages(source).orElse(1) - 1));
            }
            int pages = annos.pages(source).orElse(0);
            body = annos.page(source, url, n).orElseThrow(() -> new NotFoundException("No page " + page + " of " + PATH + source
                    + "/; its pages are 0 to " + (pages - 1), List.of(new Suggestion("the first page", PATH + source + "/?page=0"))));
        }
        resp.addHeader("Link", "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"");
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.addHeader("Vary", "Prefer");
        bytes(resp, type.equals("application/json") ? "application/json" : WebAnnotations.MEDIA_TYPE, json(body));
    }

    static byte[] json(ObjectNode o) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
