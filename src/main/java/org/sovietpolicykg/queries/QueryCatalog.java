package org.sovietpolicykg.queries;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.XSD;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The canned queries of queries/: one query per {@code .rq} file, its name the file name, its metadata in a header
 * of {@code #+} YAML comment lines (the grlc convention), so the file is valid SPARQL and works unchanged with grlc.
 * <pre>
 * #+ summary: What happened in a given year, at home and abroad
 * #+ tags: [timeline, domestic, foreign]
 * #+ defaults:
 * #+   - year: 1937
 * #+ parameters:
 * #+   year: The year, e.g. 1937
 * SELECT ... WHERE { ... FILTER(YEAR(?date) = ?_year_integer) }
 * </pre>
 * Loading checks every file and reports every problem with file:line.
 */
public final class QueryCatalog {
    public static final String DIR = "queries";
    private static final Pattern PARAM_VAR = Pattern.compile("^(__?)([a-zA-Z][a-zA-Z0-9]*)(?:_(.+))?$");
    private static final Set<String> HEADER_KEYS = Set.of("summary", "description", "tags", "defaults", "parameters",
            "example", "method", "endpoint", "pagination", "enumerate");
    private static final Set<String> XSD_TYPES = Set.of("integer", "decimal", "double", "boolean", "date", "dateTime",
            "gYear", "string", "nonNegativeInteger");

    private final Map<String, CannedQuery> queries;
    private final BaseIri base;

    private QueryCatalog(Map<String, CannedQuery> queries, BaseIri base) {
        this.queries = queries;
        this.base = base;
    }

    /** The base the queries were moved to: their parameters' IRIs are bound against it. */
    public BaseIri base() {
        return base;
    }

    /**
     * Loads queries/ of a project for a dataset under {@code base}: each query's IRIs are moved to that base here, once,
     * so that binding and running change nothing more. Throws with every problem found if any file is bad.
     */
    public static QueryCatalog load(Path projectDir, BaseIri base) {
        Problems problems = new Problems();
        Map<String, CannedQuery> out = new TreeMap<>();
        Path dir = projectDir.resolve(DIR);
        List<Path> files = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
            } catch (IOException e) {
                problems.add(DIR, 0, 0, "cannot list: " + e.getMessage());
            }
        }
        for (Path f : files)
            read(f, DIR + "/" + f.getFileName(), problems).map(q -> rebase(q, base)).ifPresent(q -> out.put(q.name(), q));
        problems.throwIfAny("the canned queries cannot be read");
        return new QueryCatalog(out, base);
    }

    /** A query written against the default base, with its text, its IRIs and its parameters' values moved to {@code base}. */
    private static CannedQuery rebase(CannedQuery q, BaseIri base) {
        List<Parameter> params = q.parameters().stream().map(p -> new Parameter(p.name(), p.variable(), p.required(), p.kind(),
                p.datatypeOrLang(), p.description(), p.defaultValue().map(base::iri), p.example().map(base::iri))).toList();
        Map<String, String> example = new LinkedHashMap<>();
        q.example().forEach((k, v) -> example.put(k, base.iri(v)));
        return new CannedQuery(q.name(), q.file(), q.summary(), q.description(), q.tags(), params, base.sparql(q.text()),
                base.query(q.parsed()), example);
    }

    public List<CannedQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<CannedQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    public CannedQuery get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("No canned query named '" + name
                + "'; the catalogue has: " + String.join(", ", queries.keySet())));
    }

    static Optional<CannedQuery> read(Path file, String display, Problems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        String name = file.getFileName().toString().replaceAll("\\.rq$", "");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            problems.add(display, 0, 0, "the file name '" + name + "' is not a slug; expected lower-case words joined by hyphens");
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#+"))
                header.append(line.length() > 2 && line.charAt(2) == ' ' ? line.substring(3) : line.substring(2)).append('\n');
            else
                header.append('\n'); // keep line numbers of the header equal to those of the file
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        try {
            Object y = new Yaml(new LoaderOptions()).load(new StringReader(header.toString()));
            if (y instanceof Map<?, ?> m)
                m.forEach((k, v) -> meta.put(String.valueOf(k), v));
            else if (y != null)
                problems.add(display, 1, 0, "the #+ header must be YAML key: value lines");
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            problems.add(display, m == null ? 0 : m.getLine() + 1, 0, "the #+ header is not valid YAML: " + e.getProblem());
            return Optional.empty();
        }
        for (String k : meta.keySet())
            if (!HEADER_KEYS.contains(k))
                problems.add(display, lineOf(text, "#+ " + k), 0, "unknown header key '" + k + "'; expected one of " + new TreeSet<>(HEADER_KEYS));
        String summary = meta.get("summary") instanceof String s ? s.strip() : null;
        if (summary == null || summary.isEmpty())
            problems.add(display, 1, 0, "no '#+ summary:'; expected a one-line summary of what the query answers");

        Query parsed;
        try {
            parsed = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            problems.add(display, e.getLine(), e.getColumn(), "SPARQL syntax error: " + e.getMessage());
            return Optional.empty();
        }
        Map<String, String> defaults = defaults(meta.get("defaults"), display, problems);
        Map<String, String> docs = stringMap(meta.get("parameters"), "parameters", display, problems);
        Map<String, String> example = stringMap(meta.get("example"), "example", display, problems);

        List<Parameter> params = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Var v : variables(parsed)) {
            Matcher m = PARAM_VAR.matcher(v.getVarName());
            if (!v.getVarName().startsWith("_"))
                continue;
            if (!m.matches()) {
                problems.add(display, lineOf(text, "?" + v.getVarName()), 0, "variable ?" + v.getVarName()
                        + " starts with '_' but is not a parameter; expected ?_name, ?__name or ?_name_type");
                continue;
            }
            String pname = m.group(2);
            if (!seen.add(pname)) {
                problems.add(display, lineOf(text, "?" + v.getVarName()), 0, "parameter '" + pname + "' is declared by two variables");
                continue;
            }
            boolean required = m.group(1).length() == 1;
            String suffix = m.group(3);
            Parameter.Kind kind;
            String dt = null;
            if (suffix == null) {
                kind = Parameter.Kind.STRING;
            } else if (suffix.equals("iri")) {
                kind = Parameter.Kind.IRI;
            } else if (XSD_TYPES.contains(suffix)) {
                kind = Parameter.Kind.TYPED;
                dt = XSD.NS + suffix;
            } else if (suffix.startsWith("xsd_") && XSD_TYPES.contains(suffix.substring(4))) {
                kind = Parameter.Kind.TYPED;
                dt = XSD.NS + suffix.substring(4);
            } else if (suffix.matches("[a-z]{2,3}")) {
                kind = Parameter.Kind.LANG;
                dt = suffix;
            } else {
                problems.add(display, lineOf(text, "?" + v.getVarName()), 0, "parameter ?" + v.getVarName() + " has an unknown type '"
                        + suffix + "'; expected iri, a language tag (en) or an XSD type " + new TreeSet<>(XSD_TYPES));
                continue;
            }
            params.add(new Parameter(pname, v.getVarName(), required, kind, dt, docs.getOrDefault(pname, ""),
                    Optional.ofNullable(defaults.get(pname)), Optional.ofNullable(example.get(pname))));
        }
        for (String d : defaults.keySet())
            if (!seen.contains(d))
                problems.add(display, lineOf(text, d + ":"), 0, "a default is given for '" + d + "', which the query has no variable for");
        for (String d : docs.keySet())
            if (!seen.contains(d))
                problems.add(display, lineOf(text, d + ":"), 0, "'" + d + "' is described under parameters but the query has no ?_" + d + " variable");
        List<String> tags = meta.get("tags") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        String description = meta.get("description") instanceof String s ? s.strip() : "";
        return Optional.of(new CannedQuery(name, display, summary == null ? "" : summary, description, tags,
                List.copyOf(params), text, parsed, example));
    }

    /** The variables of a query in order of appearance in its text (the parser's sets are unordered). */
    private static List<Var> variables(Query q) {
        Set<String> names = new LinkedHashSet<>();
        // the parser's own serialisation: comments gone, variables in the order they are written
        Matcher m = Pattern.compile("[?$]([A-Za-z0-9_]+)").matcher(q.serialize());
        while (m.find())
            names.add(m.group(1));
        return names.stream().map(Var::alloc).toList();
    }

    private static Map<String, String> defaults(Object o, String display, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null)
            return out;
        if (o instanceof List<?> list) { // grlc: a list of one-key maps
            for (Object item : list)
                if (item instanceof Map<?, ?> m)
                    m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else {
            problems.add(display, 0, 0, "'defaults' must be a list of name: value");
        }
        return out;
    }

    private static Map<String, String> stringMap(Object o, String key, String display, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null)
            return out;
        if (o instanceof Map<?, ?> m)
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        else
            problems.add(display, 0, 0, "'" + key + "' must be a mapping of parameter name to text");
        return out;
    }

    private static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        return i < 0 ? 0 : (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
    }
}
