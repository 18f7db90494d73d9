package org.sovietpolicykg.dataset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.Version;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * A sha256 over everything a build reads (every file of ontology/ and data/, by relative path and content), the
 * base IRI, and the program that builds (its version, and the size and time of its jar or classes folder, so that a
 * rebuilt program does not serve a dataset an older one made). {@code build} writes it beside the dataset; {@code serve} loads that
 * dataset instead of building again only when the fingerprint of the sources still matches.
 */
public final class Fingerprint {
    public static final String FILE = "fingerprint.txt";

    private Fingerprint() {}

    public static String of(Path projectDir, BaseIri baseIri) {
        try {
            MessageDigest md = Sha256.digest();
            md.update((Version.FULL + "\n" + program() + "\n" + baseIri + "\n").getBytes(StandardCharsets.UTF_8));
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
        }
    }

    /**
     * The program's own compiled code (every entry under org/sovietpolicykg/: name, size and CRC-32, in name order),
     * whether it runs from the classes folder (as {@code mvn package} builds the dataset) or from the shaded jar (as
     * {@code serve} runs): the same code gives the same fingerprint either way, and the jar's own CRCs are read from
     * its directory without unpacking anything.
     */
    static String program() {
        try {
            Path code = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest md = Sha256.digest();
            SortedMap<String, String> entries = new TreeMap<>();
            if (Files.isDirectory(code)) {
                try (Stream<Path> s = Files.walk(code.resolve(OWN_CODE))) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        byte[] bytes = Files.readAllBytes(p);
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        entries.put(code.relativize(p).toString().replace('\\', '/'), bytes.length + " " + crc.getValue());
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(code.toFile())) {
                    jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(OWN_CODE))
                            .forEach(e -> entries.put(e.getName(), e.getSize() + " " + e.getCrc()));
                }
            }
            entries.forEach((name, sizeAndCrc) -> md.update((name + " " + sizeAndCrc + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static final String OWN_CODE = "org/sovietpolicykg/";

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
