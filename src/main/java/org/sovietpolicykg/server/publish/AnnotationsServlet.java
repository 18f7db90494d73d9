package org.sovietpolicykg.server.publish;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Web Annotation Protocol, read side: {@code /annotations/NAME/} is the {@code AnnotationCollection} of a source text
 * (an LDP basic container: {@code Link} headers, {@code total}, the first page embedded, {@code last}), and
 * {@code /annotations/NAME/?page=N} its {@code AnnotationPage}s ({@code startIndex}, {@code next}, {@code prev}), as
 * {@code application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"}. The annotations themselves are
 * dereferenceable at their IRIs ({@code /anno/...}, the resource pages' route, by the same media type). The protocol's
 * preferences are honoured ({@code Prefer: return=representation;include="...#PreferContainedIRIs"}: a page's items as
 * IRIs; {@code ldp#PreferMinimalContainer}: the collection without its first page embedded), with
 * {@code Preference-Applied} and {@code Vary: Prefer}. A write (POST,
 * PUT, PATCH, DELETE) is a 405 with {@code Allow}, as for every route of this read-only server.
 */
public final class AnnotationsServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/annotations/";
    static final List<String> OFFERED = List.of("application/ld+json", "application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The protocol's preferences (section 4.2): the annotations of a page as IRIs only, or as whole descriptions (the default). */
    static final String PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
    static final String PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";
    /** The collection alone, its first page named but not embedded. */
    static final String PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
    private static final Pattern INCLUDE = Pattern.compile("return\\s*=\\s*representation\\s*;\\s*include\\s*=\\s*\"([^\"]*)\"");

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
        Set<String> prefer = preferences(req);
        if (prefer.contains(PREFER_IRIS) || prefer.contains(PREFER_MINIMAL)) {
            body = body.deepCopy();
            ObjectNode items = body.has("first") && body.get("first").isObject() ? (ObjectNode) body.get("first") : body;
            if (prefer.contains(PREFER_MINIMAL) && body.has("first") && body.get("first").isObject())
                body.put("first", body.get("first").get("id").asText());
            else if (prefer.contains(PREFER_IRIS) && items.has("items")) {
                ArrayNode iris = JSON.createArrayNode();
                items.get("items").forEach(a -> iris.add(a.get("id").asText()));
                items.set("items", iris);
            }
            resp.setHeader("Preference-Applied", "return=representation");
        }
        bytes(resp, type.equals("application/json") ? "application/json" : WebAnnotations.MEDIA_TYPE, json(body));
    }

    /** The IRIs a request's {@code Prefer: return=representation; include="..."} headers name (RFC 7240, LDP section 7.2). */
    static Set<String> preferences(HttpServletRequest req) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : Collections.list(req.getHeaders("Prefer"))) {
            Matcher m = INCLUDE.matcher(h);
            while (m.find())
                out.addAll(Arrays.asList(m.group(1).trim().split("\\s+")));
        }
        return out;
    }

    static byte[] json(ObjectNode o) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
