package org.sovietpolicykg.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed setting with a stable key, its command-line options, a description and a default, after RDF4J's
 * {@code RioSetting}. All settings live in {@link Settings}; the command line reads each one once, from its option, or
 * else from a Java system property of the same key ({@code -Dkg.base=https://example.org/kg/}), or else the default,
 * into one {@link KgConfig}.
 */
public final class Setting<T> {
    private final String key;
    private final List<String> options;
    private final String description;
    private final String defaultText;
    private final Function<String, T> parser;

    Setting(String key, List<String> options, String description, String defaultText, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.options = List.copyOf(options);
        this.description = Objects.requireNonNull(description);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.parser = Objects.requireNonNull(parser);
        parser.apply(defaultText); // a default must pass its own checks
    }

    public String key() {
        return key;
    }

    /** The command-line options that set it, e.g. {@code --base}. */
    public List<String> options() {
        return options;
    }

    public String description() {
        return description;
    }

    /** The default, as it would be written on the command line. */
    public String defaultText() {
        return defaultText;
    }

    public T defaultValue() {
        return parser.apply(defaultText);
    }

    /** Parses a textual value with the setting's own checks; a bad value is a {@code ConfigException} naming it. */
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String toString() {
        return key + " (default " + defaultText + "): " + description;
    }
}
