package org.sovietpolicykg.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The whole configuration of a run, parsed once (by the command line, from its options, else the system properties
 * of {@link Settings}, else the defaults) and passed down as one immutable value. Each component takes what it needs
 * from it; none reads settings on its own.
 * <pre>
 *   KgConfig config = KgConfig.defaults().withBase(BaseIri.of("https://example.org/kg/")).withPort(0);
 * </pre>
 */
public record KgConfig(BaseIri base, Path projectDir, Path datasetDir, int port, int queryTimeoutMs, Federation federation,
        Limits limits, Address address) {

    /**
     * Where clients reach the server: its public URL ({@code --public-url}, every absolute URL it writes starts with it),
     * or none; and the proxies whose {@code Forwarded} / {@code X-Forwarded-*} headers it believes ({@code --trusted-proxy}:
     * addresses, CIDR blocks). Without either, absolute URLs name the listening address; never a client's {@code Host}.
     */
    public record Address(Optional<String> publicUrl, List<String> trustedProxies) {
        public static final Address DEFAULT = new Address(Optional.empty(), List.of());

        public Address {
            publicUrl = publicUrl.map(u -> Settings.checkPublicUrl(u));
            trustedProxies = trustedProxies.stream().map(p -> Settings.checkProxy(p)).distinct().toList();
        }
    }

    /**
     * Where SERVICE may call: the allowed endpoints (exact IRIs) and aliases that send calls for one endpoint to
     * another (e.g. Wikidata's to a local mirror, which must itself be allowed).
     */
    public record Federation(List<String> allowedServices, Map<String, String> aliases) {
        public static final String WIKIDATA = "https://query.wikidata.org/sparql";
        public static final Federation DEFAULT = new Federation(List.of(WIKIDATA), Map.of());

        /**
         * Checks every endpoint (an absolute http(s) IRI) and that every alias target is itself allowed; an error names
         * the option ({@code --allow-service}, {@code --service-alias}) that gave the bad value.
         */
        public Federation {
            allowedServices = allowedServices.stream().map(u -> Settings.checkServiceIri("--allow-service", u)).distinct().toList();
            Map<String, String> checked = new LinkedHashMap<>();
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                String from = Settings.checkServiceIri("--service-alias", a.getKey());
                String to = Settings.checkServiceIri("--service-alias", a.getValue());
                if (!allowedServices.contains(to))
                    throw new ConfigException("Illegal --service-alias " + from + "=" + to + ": the target " + to
                            + " is not an allowed endpoint; add --allow-service " + to + " (allowed now: "
                            + (allowedServices.isEmpty() ? "none" : String.join(", ", allowedServices)) + ")");
                checked.put(from, to);
            }
            aliases = Collections.unmodifiableMap(checked);
        }

        /** The endpoint a SERVICE call for {@code target} goes to: its alias, else itself. */
        public String resolve(String target) {
            return aliases.getOrDefault(target, target);
        }

        /** Whether SERVICE may call this endpoint (after its alias, if any, was applied). */
        public boolean allows(String endpoint) {
            return allowedServices.contains(endpoint);
        }
    }

    /**
     * How much one request may ask of the server: body and query size, result size, concurrent queries; and how many
     * bytes of answers the server keeps (for the endpoint and the canned queries together; 0 keeps none).
     */
    public record Limits(int maxRequestBytes, long maxResultRows, long maxResultBytes, int queryWorkers, int queryQueue,
            long answerCacheBytes, long maxQueryReads) {
        /**
         * 192 KiB of request (below Jetty's 200,000-byte form limit), 100,000 rows, 64 MiB of answer, 4 queries at once and
         * 16 waiting, 8 MiB of answers kept, 20 million triples read by one query.
         */
        public static final Limits DEFAULT = new Limits(Settings.MAX_REQUEST_BYTES.defaultValue(), Settings.MAX_RESULT_ROWS.defaultValue(),
                Settings.MAX_RESULT_MB.defaultValue() * 1024L * 1024L, Settings.QUERY_WORKERS.defaultValue(), Settings.QUERY_QUEUE.defaultValue(),
                Settings.ANSWER_CACHE_MB.defaultValue() * 1024L * 1024L, Settings.MAX_QUERY_READS.defaultValue());

        public Limits {
            if (maxRequestBytes <= 0 || maxResultRows <= 0 || maxResultBytes <= 0 || queryWorkers <= 0 || queryQueue < 0 || answerCacheBytes < 0
                    || maxQueryReads <= 0)
                throw new ConfigException("Illegal limits " + maxRequestBytes + ", " + maxResultRows + ", " + maxResultBytes + ", "
                        + queryWorkers + ", " + queryQueue + ", " + answerCacheBytes + ", " + maxQueryReads + ": expected positive sizes and counts");
        }

        /** The limits with the default answer cache and read limit. */
        public Limits(int maxRequestBytes, long maxResultRows, long maxResultBytes, int queryWorkers, int queryQueue) {
            this(maxRequestBytes, maxResultRows, maxResultBytes, queryWorkers, queryQueue, Settings.ANSWER_CACHE_MB.defaultValue() * 1024L * 1024L,
                    Settings.MAX_QUERY_READS.defaultValue());
        }

        /** The same limits with another bound of the answer caches, in bytes. */
        public Limits withAnswerCacheBytes(long bytes) {
            return new Limits(maxRequestBytes, maxResultRows, maxResultBytes, queryWorkers, queryQueue, bytes, maxQueryReads);
        }

        /** The same limits with another bound of the triples one query may read. */
        public Limits withMaxQueryReads(long reads) {
            return new Limits(maxRequestBytes, maxResultRows, maxResultBytes, queryWorkers, queryQueue, answerCacheBytes, reads);
        }
    }

    public KgConfig {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(datasetDir, "datasetDir");
        Objects.requireNonNull(federation, "federation");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(address, "address");
        Settings.checkPort(Integer.toString(port));
        if (queryTimeoutMs <= 0)
            throw new ConfigException("Illegal query timeout=" + queryTimeoutMs + ": expected a positive number of milliseconds");
    }

    /** Every setting at its default. */
    public static KgConfig defaults() {
        return new KgConfig(Settings.BASE_IRI.defaultValue(), Settings.PROJECT_DIR.defaultValue(),
                Settings.DATASET_DIR.defaultValue(), Settings.PORT.defaultValue(), Settings.QUERY_TIMEOUT_MS.defaultValue(),
                Federation.DEFAULT, Limits.DEFAULT, Address.DEFAULT);
    }

    public KgConfig withBase(BaseIri b) {
        return new KgConfig(b, projectDir, datasetDir, port, queryTimeoutMs, federation, limits, address);
    }

    public KgConfig withProjectDir(Path dir) {
        return new KgConfig(base, dir, datasetDir, port, queryTimeoutMs, federation, limits, address);
    }

    public KgConfig withDatasetDir(Path dir) {
        return new KgConfig(base, projectDir, dir, port, queryTimeoutMs, federation, limits, address);
    }

    public KgConfig withPort(int p) {
        return new KgConfig(base, projectDir, datasetDir, p, queryTimeoutMs, federation, limits, address);
    }

    public KgConfig withQueryTimeoutMs(int ms) {
        return new KgConfig(base, projectDir, datasetDir, port, ms, federation, limits, address);
    }

    public KgConfig withFederation(Federation f) {
        return new KgConfig(base, projectDir, datasetDir, port, queryTimeoutMs, f, limits, address);
    }

    public KgConfig withLimits(Limits l) {
        return new KgConfig(base, projectDir, datasetDir, port, queryTimeoutMs, federation, l, address);
    }

    public KgConfig withAddress(Address a) {
        return new KgConfig(base, projectDir, datasetDir, port, queryTimeoutMs, federation, limits, a);
    }
}
