package org.sovietpolicykg.config;

import java.nio.file.Path;
import java.util.List;

import org.sovietpolicykg.ConfigException;

/**
 * Every setting of the project in one place: key, description and default.
 * <pre>
 *   String base = Settings.get(Settings.BASE_IRI);
 * </pre>
 */
public final class Settings {
    private Settings() {}

    /** The default base IRI of the ontology and the data; the files in ontology/ are written against it. */
    public static final String DEFAULT_BASE = "https://w3id.org/soviet-policy-kg/";

    public static final Setting<String> BASE_IRI = new Setting<>("kg.base",
            "Base IRI of the ontology and the data; every IRI of the graph starts with it", DEFAULT_BASE,
            Settings::checkBase);

    public static final Setting<Path> PROJECT_DIR = new Setting<>("kg.project",
            "Folder holding ontology/, data/ and queries/", Path.of("."), Path::of);

    public static final Setting<Path> DATASET_DIR = new Setting<>("kg.dataset",
            "Folder of the built dataset: written by build, loaded by serve while the sources are unchanged",
            Path.of("target/dataset"), Path::of);

    public static final Setting<Integer> PORT = new Setting<>("kg.port",
            "HTTP port of the server (0 picks a free one)", 3030, Settings::checkPort);

    public static final Setting<Integer> QUERY_TIMEOUT_MS = new Setting<>("kg.queryTimeoutMs",
            "Longest time a SPARQL query may run before the server answers 503", 10_000,
            t -> checkPositive("kg.queryTimeoutMs", t));

    public static final List<Setting<?>> ALL = List.of(BASE_IRI, PROJECT_DIR, DATASET_DIR, PORT, QUERY_TIMEOUT_MS);

    /** The value of a setting: from the system property of its key when set, else its default. */
    public static <T> T get(Setting<T> setting) {
        String v = System.getProperty(setting.key());
        return v == null ? setting.defaultValue() : setting.parse(v);
    }

    static String checkBase(String base) {
        if (!base.matches("https?://[^\\s<>\"{}|\\\\^`]+/"))
            throw new ConfigException("Illegal base IRI=" + base + ": expected an http(s) IRI ending in '/'");
        return base;
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

    private static int checkPositive(String key, String text) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v > 0)
                return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("Illegal " + key + "=" + text + ": expected a positive whole number");
    }
}
