package org.sovietpolicykg.diagnostics;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an input file: where it is (file, 1-based line and column; 0 when unknown),
 * what was wrong and what was expected. Printed as {@code file:line:col: message}.
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem at(String file, int line, int column, String message) {
        return new Problem(file, line, column, message);
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0)
                sb.append(':').append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
