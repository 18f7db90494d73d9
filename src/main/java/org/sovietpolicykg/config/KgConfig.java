package org.sovietpolicykg.config;

import java.nio.file.Path;
import java.util.Objects;

import org.sovietpolicykg.ConfigException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The whole configuration of a run, parsed once (by the command line, from its options, else the system properties
 * of {@link Settings}, else the defaults) and passed down as one immutable value. Each component takes what it needs
 * from it; none reads settings on its own.
 * <pre>
 *   KgConfig config = KgConfig.defaults().withBase(BaseIri.of("https://example.org/kg/")).withPort(0);
 * </pre>
 */
public record KgConfig(BaseIri base, Path projectDir, Path datasetDir, int port, int queryTimeoutMs) {

    public KgConfig {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(datasetDir, "datasetDir");
        Settings.checkPort(Integer.toString(port));
        if (queryTimeoutMs <= 0)
            throw new ConfigException("Illegal query timeout=" + queryTimeoutMs + ": expected a positive number of milliseconds");
    }

    /** Every setting at its default. */
    public static KgConfig defaults() {
        return new KgConfig(Settings.BASE_IRI.defaultValue(), Settings.PROJECT_DIR.defaultValue(),
                Settings.DATASET_DIR.defaultValue(), Settings.PORT.defaultValue(), Settings.QUERY_TIMEOUT_MS.defaultValue());
    }

    public KgConfig withBase(BaseIri b) {
        return new KgConfig(b, projectDir, datasetDir, port, queryTimeoutMs);
    }

    public KgConfig withProjectDir(Path dir) {
        return new KgConfig(base, dir, datasetDir, port, queryTimeoutMs);
    }

    public KgConfig withDatasetDir(Path dir) {
        return new KgConfig(base, projectDir, dir, port, queryTimeoutMs);
    }

    public KgConfig withPort(int p) {
        return new KgConfig(base, projectDir, datasetDir, p, queryTimeoutMs);
    }

    public KgConfig withQueryTimeoutMs(int ms) {
        return new KgConfig(base, projectDir, datasetDir, port, ms);
    }
}
