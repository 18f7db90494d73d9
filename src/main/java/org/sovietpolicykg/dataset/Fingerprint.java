package org.sovietpolicykg.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.sovietpolicykg.KgException;

/**
 * A sha256 over everything a build reads (every file of ontology/ and data/, by relative path and content) and the
 * base IRI, with the version of this program. {@code build} writes it beside the dataset; {@code serve} loads that
 * dataset instead of building again only when the fingerprint of the sources still matches.
 */
public final class Fingerprint {
    public static final String FILE = "fingerprint.txt";
    static final String VERSION = "soviet-policy-kg 0.1.0";

    private Fingerprint() {}

    public static String of(Path projectDir, String baseIri) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((VERSION + "\n" + baseIri + "\n").getBytes(StandardCharsets.UTF_8));
            for (String dir : List.of("ontology", "data")) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(projectDir.resolve(dir))) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(projectDir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(Files.readAllBytes(f));
                    md.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new KgException(projectDir + ": cannot read the sources: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code dir} holds a dataset built from exactly these sources. */
    public static boolean matches(Path dir, String fingerprint) {
        Path f = dir.resolve(FILE);
        try {
            return Files.isRegularFile(f) && Files.isRegularFile(dir.resolve(DatasetWriter.NQUADS))
                    && Files.readString(f, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }
}
