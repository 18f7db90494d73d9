package org.sovietpolicykg.queries;

import org.sovietpolicykg.Version;
import org.sovietpolicykg.formats.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 description of the canned-query API, generated from the queries' headers: one path per query, with
 * its summary, description, tags and typed parameters, and the result formats it can answer in.
 */
public final class OpenApi {
    private OpenApi() {}

    public static Map<String, Object> document(QueryCatalog catalog, String serverUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Soviet Policy KG: canned queries", "version", Version.NUMBER,
                "description", "Ready questions to the knowledge graph of an essay on Stalin's foreign policy and "
                        + "Socialism in One Country. Each answer comes from SPARQL queries whose text is in the catalogue (GET /api/queries).",
                "license", Map.of("name", "CC BY 4.0", "url", "https://creativecommons.org/licenses/by/4.0/")));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/queries", Map.of("get", Map.of("operationId", "listQueries", "summary", "The catalogue of canned queries",
                "tags", List.of("catalogue"), "responses", Map.of("200", Map.of("description", "The catalogue",
                        "content", Map.of("application/json", Map.of("schema", Map.of("type", "array", "items", Map.of("type", "object")))))))));
        for (CannedQuery q : catalog.all())
            paths.put("/api/queries/" + q.name(), Map.of("get", operation(q)));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", Map.of("Error", Map.of("type", "object", "required", List.of("status", "error"),
                "properties", Map.of("status", Map.of("type", "integer"), "error", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> operation(CannedQuery q) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", camel(q.name()));
        op.put("summary", q.summary());
        if (!q.description().isEmpty())
            op.put("description", q.description());
        op.put("tags", q.tags().isEmpty() ? List.of("queries") : q.tags());
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("in", "query");
            pm.put("required", p.required() && p.defaultValue().isEmpty());
            pm.put("description", (p.description().isEmpty() ? p.name() : p.description()) + " (" + p.typeName() + ")");
            Map<String, Object> schema = new LinkedHashMap<>(schema(p));
            p.defaultValue().ifPresent(d -> schema.put("default", typed(p, d)));
            pm.put("schema", schema);
            p.example().ifPresent(e -> pm.put("example", typed(p, e)));
            params.add(pm);
        }
        List<Format> fitting = Format.fitting(q.isTabular());
        List<String> formats = Format.keys(fitting);
        params.add(Map.of("name", "format", "in", "query", "required", false,
                "description", "Result format; overrides the Accept header",
                "schema", Map.of("type", "string", "enum", formats)));
        op.put("parameters", params);
        Map<String, Object> content = new LinkedHashMap<>();
        for (Format f : fitting)
            content.put(f.mediaType(), Map.of("schema", Map.of("type", "string")));
        Map<String, Object> error = Map.of("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "The results", "content", content));
        responses.put("400", merge(Map.of("description", "A parameter is missing or does not fit its type; the message names it"), error));
        responses.put("404", merge(Map.of("description", "No such query"), error));
        responses.put("503", merge(Map.of("description", "The query ran too long"), error));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> schema(Parameter p) {
        return switch (p.kind()) {
            case IRI -> Map.of("type", "string", "format", "uri");
            case TYPED -> switch (p.typeName()) {
                case "xsd:integer", "xsd:nonNegativeInteger" -> Map.of("type", "integer");
                case "xsd:decimal", "xsd:double" -> Map.of("type", "number");
                case "xsd:boolean" -> Map.of("type", "boolean");
                case "xsd:date" -> Map.of("type", "string", "format", "date");
                default -> Map.of("type", "string");
            };
            default -> Map.of("type", "string");
        };
    }

    private static Object typed(Parameter p, String value) {
        Object type = schema(p).get("type");
        try {
            if ("integer".equals(type))
                return Long.parseLong(value);
            if ("number".equals(type))
                return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
        if ("boolean".equals(type))
            return Boolean.parseBoolean(value);
        return value;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String camel(String slug) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : slug.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
