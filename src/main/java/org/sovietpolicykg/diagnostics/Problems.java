package org.sovietpolicykg.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a run so that they are reported together, not one at a time
 * (after RDF4J's {@code ParseErrorCollector}). {@link #throwIfAny(String)} ends the run.
 */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem p) {
        problems.add(p);
    }

    public void add(String file, int line, int column, String message) {
        problems.add(Problem.at(file, line, column, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    public List<Problem> list() {
        return problems.stream().sorted().distinct().toList();
    }

    /** Throws a {@link ProblemsException} carrying every problem collected, if there is any. */
    public void throwIfAny(String what) {
        if (!problems.isEmpty())
            throw new ProblemsException(what, list());
    }
}
