package org.sovietpolicykg.text;

import java.util.Objects;

/**
 * A verbatim passage cited from the essay, with optional text immediately before ({@code prefix}) and after
 * ({@code suffix}) it to tell apart passages that occur more than once. Empty prefix or suffix means none.
 */
public record Quote(String exact, String prefix, String suffix) {
    public Quote {
        Objects.requireNonNull(exact, "exact");
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        if (exact.isEmpty())
            throw new IllegalArgumentException("A quote cannot be empty");
    }

    public static Quote of(String exact) {
        return new Quote(exact, "", "");
    }
}
