package org.sovietpolicykg.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One typed setting with a stable key, a description and a default, after RDF4J's {@code RioSetting}.
 * All settings live in {@link Settings}; a value is read from a Java system property of the same key
 * (e.g. {@code -Dkg.base=https://example.org/kg/}) or else takes the default.
 */
public final class Setting<T> {
    private final String key;
    private final String description;
    private final T defaultValue;
    private final Function<String, T> parser;

    Setting(String key, String description, T defaultValue, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.description = Objects.requireNonNull(description);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.parser = Objects.requireNonNull(parser);
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Parses a textual value, with the setting's own checks. */
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String toString() {
        return key + " (default " + defaultValue + "): " + description;
    }
}
