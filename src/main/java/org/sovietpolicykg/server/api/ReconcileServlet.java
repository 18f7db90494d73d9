package org.sovietpolicykg.server.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sovietpolicykg.Version;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.server.http.HttpErrors;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.RequestParameters;
import org.sovietpolicykg.server.http.SecurityHeaders;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Reconciliation Service API, version 0.2 (the version OpenRefine speaks), at {@code /reconcile}:
 * <ul>
 * <li>{@code GET /reconcile}: the service manifest (name, identifier and schema spaces, default types from our
 * classes, view and preview URLs of our entity pages, the suggest service);</li>
 * <li>{@code GET} or {@code POST /reconcile} with {@code queries=} (a JSON object of queries, each with
 * {@code query}, optionally {@code type} and {@code limit}): a batch of candidates, each with score, {@code match} and
 * features saying how it matched;</li>
 * <li>{@code GET /reconcile/suggest/entity?prefix=}: entity suggest.</li>
 * </ul>
 * JSON throughout; CORS is on for the whole server.
 */
public final class ReconcileServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/reconcile";
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;
    public static final int MAX_QUERIES = 500;
    /** The preview of an entity, {@code /reconcile/preview/ID}: a small page that OpenRefine may frame. */
    public static final String PREVIEW = "/preview/";
    static final int PREVIEW_WIDTH = 430;
    static final int PREVIEW_HEIGHT = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Made on the first request (its index of names is not needed to answer the first query). */
    private final transient Supplier<Reconciler> reconcilerOf;
    private final transient BaseIri base;

    public ReconcileServlet(Supplier<Reconciler> reconciler, BaseIri base) {
        this.reconcilerOf = reconciler;
        this.base = base;
    }

    /** POST is how OpenRefine sends batches (form-encoded {@code queries=}); it reads nothing and changes nothing. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getMethod().equals("POST")) {
            try {
                respond(req, resp);
            } catch (RuntimeException e) {
                HttpErrors.send(resp, e);
            }
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Map<String, String> params = RequestParameters.single(req);
        Object body;
        if (path.isEmpty() || path.equals("/"))
            body = params.containsKey("queries") ? batch(params.get("queries")) : manifest(PublicUrl.of(req));
        else if (path.equals("/suggest/entity"))
            body = suggest(params);
        else if (path.startsWith(PREVIEW)) {
            preview(path.substring(PREVIEW.length()), req, resp);
            return;
        } else
            throw new NotFoundException("No " + req.getRequestURI() + "; the reconciliation service has " + PATH + " (manifest, and queries=)"
                    + " and " + PATH + "/suggest/entity?prefix=");
        CatalogueServlet.json(resp, body);
    }

    Map<String, Object> manifest(String serverUrl) {
        String pages = serverUrl + base.localPath(reconcilerOf.get().identifierSpace()).orElse("/id/");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", List.of("0.2"));
        m.put("name", "Soviet Policy KG: the entities of an essay on Stalin's foreign policy");
        m.put("identifierSpace", reconcilerOf.get().identifierSpace());
        m.put("schemaSpace", reconcilerOf.get().schemaSpace());
        m.put("documentation", serverUrl + "/");
        m.put("serviceVersion", Version.FULL);
        m.put("view", Map.of("url", pages + "{{id}}"));
        // the entity pages may not be framed; the preview, which OpenRefine shows in a frame, may
        m.put("preview", Map.of("url", serverUrl + PATH + PREVIEW + "{{id}}", "width", PREVIEW_WIDTH, "height", PREVIEW_HEIGHT));
        List<Map<String, Object>> types = new ArrayList<>();
        for (Reconciler.Type t : reconcilerOf.get().types())
            types.add(Map.of("id", t.id(), "name", t.name()));
        m.put("defaultTypes", types);
        m.put("suggest", Map.of("entity", Map.of("service_url", serverUrl + PATH, "service_path", "/suggest/entity")));
        return m;
    }

    Map<String, Object> batch(String queriesJson) {
        JsonNode queries;
        try {
            queries = JSON.readTree(queriesJson);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Parameter 'queries' is not JSON: " + e.getOriginalMessage()
                    + "; expected an object of queries, e.g. {\"q0\": {\"query\": \"Litvinov\", \"type\": \"Person\", \"limit\": 3}}");
        }
        if (queries == null || !queries.isObject())
            throw new BadRequestException("Parameter 'queries' is not a JSON object; expected e.g. {\"q0\": {\"query\": \"Litvinov\"}}");
        if (queries.size() > MAX_QUERIES)
            throw new BadRequestException("Parameter 'queries' has " + queries.size() + " queries; expected at most " + MAX_QUERIES + " in one batch");
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = queries.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> q = it.next();
            try {
                out.put(q.getKey(), Map.of("result", candidates(q.getValue())));
            } catch (BadRequestException e) {
                problems.add("query '" + q.getKey() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty())
            throw new BadRequestException(String.join("; ", problems));
        return out;
    }

    private List<Map<String, Object>> candidates(JsonNode q) {
        if (!q.isObject() || !q.path("query").isTextual())
            throw new BadRequestException("expected an object with a 'query' string");
        List<String> types = new ArrayList<>();
        JsonNode t = q.path("type");
        if (t.isTextual())
            types.add(t.asText());
        else if (t.isArray())
            t.forEach(x -> types.add(x.asText()));
        else if (!t.isMissingNode() && !t.isNull())
            throw new BadRequestException("'type' is neither a type id nor a list of them");
        for (String type : types)
            if (reconcilerOf.get().types().stream().noneMatch(x -> x.id().equals(type) || x.iri().equals(type)))
                throw new BadRequestException("'type' " + type + " is not a type of this service; expected one of "
                        + String.join(", ", reconcilerOf.get().types().stream().map(Reconciler.Type::id).toList()));
        int limit = DEFAULT_LIMIT;
        if (!q.path("limit").isMissingNode()) {
            if (!q.path("limit").canConvertToInt() || q.path("limit").asInt() < 1)
                throw new BadRequestException("'limit' is not a positive whole number");
            limit = Math.min(MAX_LIMIT, q.path("limit").asInt());
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Reconciler.Candidate c : reconcilerOf.get().reconcile(q.path("query").asText(), types, limit))
            result.add(candidate(c));
        return result;
    }

    private Map<String, Object> candidate(Reconciler.Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Reconciler.Entity e = c.entity();
        m.put("id", e.id());
        m.put("name", e.label());
        e.description().ifPresent(d -> m.put("description", d));
        m.put("score", c.score());
        m.put("match", c.match());
        m.put("type", typesOf(e));
        List<Map<String, Object>> features = new ArrayList<>();
        for (Reconciler.MatchType t : Reconciler.MatchType.values())
            features.add(Map.of("id", "match_" + t.name().toLowerCase(Locale.ROOT), "value", c.type() == t));
        m.put("features", features);
        return m;
    }

    /** The classes of an entity, the most specific (fewest members) first: Person before Actor. */
    private List<Map<String, Object>> typesOf(Reconciler.Entity e) {
        List<Map<String, Object>> types = new ArrayList<>();
        reconcilerOf.get().types().stream().filter(t -> e.types().contains(t.id()))
                .sorted(Comparator.comparingInt(Reconciler.Type::count).thenComparing(Reconciler.Type::id))
                .forEach(t -> types.add(Map.of("id", t.id(), "name", t.name())));
        return types;
    }

    /**
     * The preview: label, classes, description, the names the essay uses, the QID, a link to the entity's page. No
     * script and nothing from elsewhere; the one page of the server that any site may frame
     * ({@link SecurityHeaders#framable}).
     */
    private void preview(String id, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Reconciler.Entity e = reconcilerOf.get().entity(id).orElseThrow(() -> new NotFoundException("No entity '" + id
                + "' to preview; expected the id of an entity, as the reconciliation candidates give it (e.g. litvinov)"));
        Map<String, Object> scope = new HashMap<>();
        scope.put("label", e.label());
        scope.put("types", typesOf(e).stream().map(t -> t.get("name")).toList());
        e.description().ifPresent(d -> scope.put("description", d));
        List<String> names = new ArrayList<>(e.aliases());
        names.addAll(e.variants());
        names.remove(e.label());
        scope.put("names", String.join(", ", new LinkedHashSet<>(names)));
        scope.put("hasNames", !names.isEmpty());
        e.qid().ifPresent(q -> scope.put("qid", q));
        scope.put("page", base.localPath(e.iri()).map(p -> PublicUrl.of(req) + p).orElse(e.iri()));
        scope.put("width", PREVIEW_WIDTH);
        SecurityHeaders.framable(resp);
        html(resp, Pages.render("preview", scope));
    }

    private Map<String, Object> suggest(Map<String, String> params) {
        String prefix = params.get("prefix");
        if (prefix == null || prefix.isBlank())
            throw new BadRequestException("Parameter 'prefix' is missing; expected the start of a name, e.g. prefix=Litv");
        int cursor = 0;
        if (params.containsKey("cursor")) {
            try {
                cursor = Integer.parseInt(params.get("cursor"));
            } catch (NumberFormatException ex) {
                cursor = -1;
            }
            if (cursor < 0)
                throw new BadRequestException("Parameter 'cursor' is not a whole number from 0");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        List<Reconciler.Entity> found = reconcilerOf.get().suggest(prefix, cursor + 10);
        for (Reconciler.Entity e : found.subList(Math.min(cursor, found.size()), found.size())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.label());
            e.description().ifPresent(d -> m.put("description", d));
            m.put("notable", typesOf(e));
            result.add(m);
        }
        return Map.of("result", result);
    }
}
