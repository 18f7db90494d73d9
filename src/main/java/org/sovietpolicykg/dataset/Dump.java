package org.sovietpolicykg.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * One download of the dataset, as the server publishes it under {@code /dumps/}: a file the build writes, its media
 * type and its sha256. Which files are downloads is decided by their kind alone (RDF, CSV or TEI, by extension), so a new file of the build (a table, another serialisation) is published without a change here.
 */
public record Dump(String name, String mediaType, long size, String sha256, Optional<Path> file, byte[] held) {

    /** A dump held in memory (serialised now). */
    public Dump(String name, String mediaType, byte[] bytes, String sha256) {
        this(name, mediaType, bytes.length, sha256, Optional.empty(), bytes);
    }

    /**
     * A dump's bytes: those held, or read from its file now. A server serves a file dump from the disk without this
     * (its memory holds none of it).
     */
    public byte[] bytes() {
        if (held != null)
            return held;
        try {
            return Files.readAllBytes(file.orElseThrow());
        } catch (IOException e) {
            throw new KgException(file.get() + ": cannot read the dump: " + e.getMessage(), e);
        }
    }

    /** The dump of a file of the build, if it is one (RDF or CSV); the build's own records (manifest, report) are not. */
    public static Optional<Dump> of(String name, byte[] bytes) {
        if (name.equals(JsonLdContext.FILE))
            return Optional.empty(); // the JSON-LD context is published at <base>context.jsonld, not as data
        return mediaTypeOf(name).map(m -> new Dump(name, m, bytes, Sha256.hex(bytes)));
    }

    /** The dumps among the files of a build, in name order. */
    public static List<Dump> publishable(Map<String, byte[]> files) {
        return new TreeMap<>(files).entrySet().stream().flatMap(e -> of(e.getKey(), e.getValue()).stream()).toList();
    }

    /** The dumps of the dataset serialised now (as {@code build} writes them, the Wikidata links as CSV too). */
    public static List<Dump> of(DatasetGraph dsg, BaseIri base) {
        return publishable(DatasetWriter.downloads(dsg, base));
    }

    /**
     * The dumps in the folder of a build, as files: each one's size and sha256 (read through once, in a stream), none
     * held in memory (at a hundred texts they come to hundreds of MB).
     */
    public static List<Dump> inFolder(Path dir) {
        List<Dump> dumps = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals(JsonLdContext.FILE))
                    continue;
                Optional<String> type = mediaTypeOf(name);
                if (type.isPresent())
                    dumps.add(new Dump(name, type.get(), Files.size(p), sha256Of(p), Optional.of(p), null));
            }
        } catch (IOException e) {
            throw new KgException(dir + ": cannot read the built dataset: " + e.getMessage(), e);
        }
        return List.copyOf(dumps);
    }

    private static String sha256Of(Path p) throws IOException {
        MessageDigest md = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The name of the checksum list of the downloads. */
    public static final String MANIFEST = DatasetWriter.MANIFEST;

    /**
     * The checksums of some dumps as {@code sha256sum} writes them ("sha256  name" lines, in name order), itself a
     * download: {@code sha256sum -c manifest.sha256} in a folder of downloaded dumps checks them all.
     */
    public static Dump manifestOf(List<Dump> dumps) {
        Map<String, String> sums = new TreeMap<>();
        dumps.forEach(d -> sums.put(d.name(), d.sha256()));
        byte[] bytes = DatasetWriter.manifestOfSums(sums);
        return new Dump(MANIFEST, "text/plain; charset=UTF-8", bytes, Sha256.hex(bytes));
    }

    /** The strong entity tag of the dump: its sha256, quoted. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }

    private static Optional<String> mediaTypeOf(String name) {
        if (name.endsWith(TeiDocument.EXTENSION))
            return Optional.of(TeiDocument.MEDIA_TYPE);
        return Format.ofFile(name).map(Format::mediaType);
    }
}
