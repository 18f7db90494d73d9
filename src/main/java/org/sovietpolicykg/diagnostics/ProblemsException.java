package org.sovietpolicykg.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

import org.sovietpolicykg.errors.KgException;

/** The sources (essay, curation files, ontology, shapes) do not make a valid graph; carries every problem found. */
public class ProblemsException extends KgException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ProblemsException(String what, List<Problem> problems) {
        super(format(what, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String what, List<Problem> problems) {
        return what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
