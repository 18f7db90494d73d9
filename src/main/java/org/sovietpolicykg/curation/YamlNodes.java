package org.sovietpolicykg.curation;

import org.sovietpolicykg.diagnostics.InputFiles;
import org.sovietpolicykg.diagnostics.Loc;
import org.sovietpolicykg.diagnostics.Problem;
import org.sovietpolicykg.diagnostics.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as SnakeYAML's node tree, which keeps the line and column of every key and value, and takes
 * values out of it with checks that report to a {@link Problems} collector instead of stopping at the first.
 */
final class YamlNodes {
    private final String file;
    private final Problems problems;

    YamlNodes(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Parses a file of the project (read through {@link InputFiles}: a link out of the project, an empty, binary or
     * non-UTF-8 file is a problem with its name); a syntax error becomes a problem with its line and column, and the
     * result is empty. An unclosed quotation is reported where the quotation opens, not where the file ends.
     */
    static Optional<Node> parse(Path projectDir, Path path, String displayName, String expected, Problems problems) {
        Optional<String> text = InputFiles.readText(projectDir, path, displayName, expected, problems);
        if (text.isEmpty())
            return Optional.empty();
        LoaderOptions options = new LoaderOptions(); // duplicate keys are reported by mapping(), with both lines
        try {
            Node node = new Yaml(options).compose(new StringReader(text.get()));
            if (node == null)
                problems.add(displayName, 0, 0, "holds no YAML value (only comments); expected " + expected);
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            boolean unclosed = e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark() != null;
            Mark m = unclosed ? e.getContextMark() : e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = unclosed ? "a quotation opened here is not closed (" + e.getProblem() + ")"
                    : (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem();
            problems.add(displayName, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "YAML syntax error: " + what + "; expected well-formed YAML (see data/README.md)");
        } catch (YAMLException e) {
            problems.add(displayName, 0, 0, "YAML error: " + e.getMessage());
        }
        return Optional.empty();
    }

    Loc loc(Node node) {
        Mark m = node.getStartMark();
        return new Loc(file, m.getLine() + 1, m.getColumn() + 1);
    }

    void problem(Node node, String message) {
        problems.add(loc(node).problem(message));
    }

    /**
     * The entries of a mapping by key, in the file's order; reports a node that is not a mapping, duplicate keys and
     * keys not in {@code allowed} (when allowed is not empty... an empty set allows any key).
     */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(node, what + " must be a mapping of key: value; found " + describe(node));
            return out;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), "a key of " + what + " must be a plain word");
                continue;
            }
            String key = k.getValue();
            if (!allowed.isEmpty() && !allowed.contains(key)) {
                problem(k, "unknown key '" + key + "' in " + what + "; expected one of " + sorted(allowed));
                continue;
            }
            if (out.containsKey(key)) {
                problem(k, "duplicate key '" + key + "' in " + what);
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** A list of nodes: a sequence, or a single node taken as a list of one. */
    List<Node> list(Node node) {
        if (node == null || isNull(node))
            return List.of();
        if (node instanceof SequenceNode seq)
            return seq.getValue();
        return List.of(node);
    }

    /** A scalar's text, or empty after reporting a problem if the node is not a scalar. */
    Optional<Ref> scalar(Node node, String what) {
        if (node == null || isNull(node))
            return Optional.empty();
        if (node instanceof ScalarNode s)
            return Optional.of(new Ref(s.getValue(), loc(node)));
        problem(node, what + " must be a single value; found " + describe(node));
        return Optional.empty();
    }

    /** A required scalar: reports its absence at the node of the enclosing item. */
    Optional<Ref> required(Map<String, Node> map, String key, Node owner, String what) {
        Node n = map.get(key);
        if (n == null || isNull(n)) {
            problem(owner, what + " has no '" + key + "'; expected " + key + ": <value>");
            return Optional.empty();
        }
        return scalar(n, "'" + key + "' of " + what);
    }

    Optional<Ref> optional(Map<String, Node> map, String key, String what) {
        return scalar(map.get(key), "'" + key + "' of " + what);
    }

    /** A list of scalars under a key (a single scalar counts as a list of one). */
    List<Ref> scalars(Map<String, Node> map, String key, String what) {
        List<Ref> out = new ArrayList<>();
        for (Node n : list(map.get(key)))
            scalar(n, "each item of '" + key + "' in " + what).ifPresent(out::add);
        return out;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node node) {
        if (node instanceof MappingNode)
            return "a mapping";
        if (node instanceof SequenceNode)
            return "a list";
        if (node instanceof ScalarNode s)
            return "'" + s.getValue() + "'";
        return "nothing";
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
