package org.sovietpolicykg.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.sovietpolicykg.ConfigException;
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

    public static final List<Setting<?>> ALL = List.of(BASE_IRI, PROJECT_DIR, DATASET_DIR, PORT, QUERY_TIMEOUT_MS);

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
