package org.sovietpolicykg.diagnostics;

/** Where something was written: file and 1-based line and column. */
public record Loc(String file, int line, int column) {

    public Problem problem(String message) {
        return Problem.at(file, line, column, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
