package org.sovietpolicykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Temporary project folders: the real ontology/ and essay, with curation files of a test's choosing. */
public final class TestProjects {
    private TestProjects() {}

    /** The essay's folder in a project. */
    public static final String ESSAY = "data/sources/essay";
    /** The essay's curation folder in a project. */
    public static final String ESSAY_CURATION = ESSAY + "/curation";

    /**
     * A project with the real ontology/, the essay and its record, and no curation files. The record's {@code author}
     * is left out: it names an entity of the curation, and a fixture declares only what it needs.
     */
    public static Path withRealSources(Path tmp) {
        copyTree(Path.of("ontology"), tmp.resolve("ontology"));
        try {
            Files.createDirectories(tmp.resolve(ESSAY_CURATION));
            Files.copy(Path.of(ESSAY, "essay.txt"), tmp.resolve(ESSAY).resolve("essay.txt"));
            List<String> record = Files.readAllLines(Path.of(ESSAY, "source.yaml"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("author:")).toList();
            Files.write(tmp.resolve(ESSAY).resolve("source.yaml"), record, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tmp;
    }

    /** A full copy of the real project's ontology/ and data/. */
    public static Path copyOfReal(Path tmp) {
        copyTree(Path.of("ontology"), tmp.resolve("ontology"));
        copyTree(Path.of("data"), tmp.resolve("data"));
        return tmp;
    }

    /** A full copy of the real project with a second source text, the fixture of {@code SecondSourceTest}. */
    public static Path withSecondSource(Path tmp) {
        copyOfReal(tmp);
        copyTree(Path.of("src/test/resources/SecondSourceTest/second"), tmp.resolve("data/sources/second"));
        return tmp;
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(target);
                else
                    Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A claim of the curators' that gives the author's inference as its evidence: a violation of
     * spsh:CuratorsInferenceShape, at its line 2 (its id) in the file it is written into.
     */
    public static final String CURATORS_READING = String.join("\n",
            "claims:",
            "  - id: curators-fixture-reading",
            "    role: context",
            "    by: curators",
            "    stance: suggests",
            "    evidence: [authors-inference]",
            "    about: [stalin]",
            "    summary: \"Read between the lines: a fixture.\"",
            "    quote: \"Stalin personally orchestrated\"",
            "");
}
