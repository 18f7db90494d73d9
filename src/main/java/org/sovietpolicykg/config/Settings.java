package org.sovietpolicykg.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Every setting of the project in one place: key, options, description and default. Read once, by the command line,
 * into a {@link KgConfig}; nothing else reads system properties.
 */
public final class Settings {
    private Settings() {}

    public static final Setting<BaseIri> BASE_IRI = new Setting<>("kg.base", List.of("--base"),
            "Base IRI of the ontology and the data; every IRI of the graph starts with it", BaseIri.DEFAULT_IRI, BaseIri::of);

    public static final Setting<Path> PROJECT_DIR = new Setting<>("kg.project", List.of("--project"),
            "Folder holding ontology/, data/ and queries/", ".", Path::of);

    public static final Setting<Path> DATASET_DIR = new Setting<>("kg.dataset", List.of("--dataset", "--out"),
            "Folder of the built dataset: written by build, loaded by serve while the sources are unchanged",
            "target/dataset", Path::of);

    public static final Setting<Integer> PORT = new Setting<>("kg.port", List.of("--port"),
            "HTTP port of the server (0 picks a free one)", "3030", Settings::checkPort);

    public static final Setting<Integer> QUERY_TIMEOUT_MS = new Setting<>("kg.queryTimeoutMs", List.of("--query-timeout"),
            "Longest time in milliseconds a SPARQL query may run before it is stopped (the server answers 503)", "10000",
            t -> checkPositive("query timeout", t));

    public static final Setting<List<String>> ALLOW_SERVICE = new Setting<>("kg.allowService", List.of("--allow-service"),
            "A SPARQL endpoint that SERVICE may call (repeat the option, or separate with commas; giving it replaces the"
                    + " default). Any other target is refused before a connection is made", KgConfig.Federation.WIKIDATA,
            t -> splitList(t).stream().map(u -> checkServiceIri("--allow-service", u)).toList());

    public static final Setting<Map<String, String>> SERVICE_ALIAS = new Setting<>("kg.serviceAlias", List.of("--service-alias"),
            "FROM=TO: SERVICE calls for endpoint FROM go to TO instead (e.g. Wikidata's to a local mirror); TO must be"
                    + " allowed with --allow-service (repeat the option, or separate with commas)", "",
            Settings::parseAliases);

    public static final Setting<Integer> MAX_REQUEST_BYTES = new Setting<>("kg.maxRequestBytes", List.of("--max-request-bytes"),
            "Largest request body or query string in bytes (larger: 413, or 414 for a URI)", Integer.toString(192 * 1024),
            t -> checkPositive("request limit", t));

    public static final Setting<Integer> MAX_RESULT_ROWS = new Setting<>("kg.maxResultRows", List.of("--max-result-rows"),
            "Most rows (or triples) a query may answer with (more: a 400 that says to page with LIMIT and OFFSET)", "100000",
            t -> checkPositive("row limit", t));

    public static final Setting<Integer> MAX_RESULT_MB = new Setting<>("kg.maxResultMb", List.of("--max-result-mb"),
            "Largest answer in MiB (larger: a 400, or a broken-off connection once the answer has started)", "64",
            t -> checkPositive("answer limit", t));

    public static final Setting<Integer> QUERY_WORKERS = new Setting<>("kg.queryWorkers", List.of("--query-workers"),
            "Queries run at once, for the endpoint and for the canned queries each", "4", t -> checkPositive("query workers", t));

    public static final Setting<Integer> QUERY_QUEUE = new Setting<>("kg.queryQueue", List.of("--query-queue"),
            "Queries that may wait for a worker (beyond: 503 with Retry-After)", "16", t -> checkPositive("query queue", t));

    public static final Setting<Integer> MAX_QUERY_READS = new Setting<>("kg.maxQueryReads", List.of("--max-query-reads"),
            "Most triples one query may read from the graph, counted as it runs (more: a 400 that says what reads so much,"
                    + " such as a path of * or + over every property); the canned queries read at most about 7,000 on the essay",
            "20000000", t -> checkPositive("read limit", t));

    public static final Setting<Integer> ANSWER_CACHE_MB = new Setting<>("kg.answerCacheMb", List.of("--answer-cache-mb"),
            "MiB of answers kept in memory (the dataset does not change while it is served), for the endpoint and the"
                    + " canned queries together; 0 keeps none", "8", t -> checkNonNegative("answer cache", t));

    public static final Setting<String> PUBLIC_URL = new Setting<>("kg.publicUrl", List.of("--public-url"),
            "The URL clients reach the server at (behind a proxy: the public one, e.g. https://kg.example.org); every absolute"
                    + " URL the server writes starts with it. Unset: the address of a --trusted-proxy's request, else the listening"
                    + " address, never a client's Host header", "", t -> t.isBlank() ? "" : checkPublicUrl(t));

    public static final Setting<List<String>> TRUSTED_PROXY = new Setting<>("kg.trustedProxy", List.of("--trusted-proxy"),
            "A proxy whose Forwarded / X-Forwarded-* headers are believed (an address or a CIDR block such as 127.0.0.1 or"
                    + " 10.0.0.0/8; repeat the option, or separate with commas); from anyone else they are ignored", "",
            t -> splitList(t).stream().map(Settings::checkProxy).toList());

    public static final List<Setting<?>> ALL = List.of(BASE_IRI, PROJECT_DIR, DATASET_DIR, PORT, QUERY_TIMEOUT_MS, ALLOW_SERVICE,
            SERVICE_ALIAS, MAX_REQUEST_BYTES, MAX_RESULT_ROWS, MAX_RESULT_MB, QUERY_WORKERS, QUERY_QUEUE, MAX_QUERY_READS, ANSWER_CACHE_MB, PUBLIC_URL,
            TRUSTED_PROXY);

    /**
     * A public URL: absolute http(s) with a host, no user name, query or fragment; written without a trailing slash
     * ({@code https://kg.example.org}, {@code https://example.org/kg}).
     */
    public static String checkPublicUrl(String text) {
        return checkHttpUrl("--public-url", text, false, "https://kg.example.org").replaceAll("/+$", "");
    }

    /** A trusted proxy: an IP address or a CIDR block (no host names: they would be looked up on every request). */
    public static String checkProxy(String text) {
        String t = text.strip();
        if (!t.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?"))
            throw new ConfigException("Illegal --trusted-proxy " + text + ": expected an IP address or a CIDR block such as 127.0.0.1,"
                    + " ::1 or 10.0.0.0/8");
        return t;
    }

    /** The setting a command-line option sets. */
    public static Optional<Setting<?>> byOption(String option) {
        return ALL.stream().filter(s -> s.options().contains(option)).findFirst();
    }

    public static int checkPort(String text) {
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Illegal port=" + text + ": expected a whole number from 0 to 65535");
        }
        if (port < 0 || port > 65535)
            throw new ConfigException("Illegal port=" + port + ": expected a whole number from 0 to 65535");
        return port;
    }

    /** The items of a comma-separated list, blank ones left out. */
    static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * An endpoint IRI SERVICE may name: absolute, http or https, with a host, no user info and no fragment; the error
     * names the option it came from.
     */
    public static String checkServiceIri(String option, String text) {
        return checkHttpUrl(option, text, true, KgConfig.Federation.WIKIDATA);
    }

    /**
     * An absolute http(s) URL with a host, no user name and no fragment (and no query unless {@code query}); the error
     * names the option it came from and gives an example.
     */
    private static String checkHttpUrl(String option, String text, boolean query, String example) {
        String t = text.strip();
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new ConfigException("Illegal " + option + " " + text + ": not an IRI (" + e.getReason()
                    + "); expected an absolute http(s) IRI such as " + example);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || u.getRawFragment() != null || (!query && u.getRawQuery() != null))
            throw new ConfigException("Illegal " + option + " " + text + ": expected an absolute http(s) IRI with a host, no user"
                    + " name" + (query ? "" : ", no query") + " and no fragment, such as " + example);
        return t;
    }

    /** {@code FROM=TO[,FROM=TO...]} as an ordered map; each side an endpoint IRI. */
    public static Map<String, String> parseAliases(String text) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String item : splitList(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1)
                throw new ConfigException("Illegal --service-alias " + item + ": expected FROM=TO, two endpoint IRIs, e.g. "
                        + KgConfig.Federation.WIKIDATA + "=http://localhost:7001/sparql");
            String from = checkServiceIri("--service-alias", item.substring(0, eq));
            String to = checkServiceIri("--service-alias", item.substring(eq + 1));
            if (aliases.containsKey(from))
                throw new ConfigException("Illegal --service-alias " + item + ": " + from + " already has an alias, " + aliases.get(from));
            aliases.put(from, to);
        }
        return aliases;
    }

    private static int checkNonNegative(String what, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= 0)
                return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("Illegal " + what + "=" + text + ": expected a whole number, 0 or more");
    }

    private static int checkPositive(String what, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0)
                return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("Illegal " + what + "=" + text + ": expected a positive whole number");
    }
}
