package org.sovietpolicykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Temporary project folders: the real ontology/ and essay, with curation files of a test's choosing. */
public final class TestProjects {
    private TestProjects() {}

    /** A project with the real ontology/ and data/source/, and no curation files. */
    public static Path withRealSources(Path tmp) {
        copyTree(Path.of("ontology"), tmp.resolve("ontology"));
        copyTree(Path.of("data/source"), tmp.resolve("data/source"));
        try {
            Files.createDirectories(tmp.resolve("data/curation"));
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
}
