package org.sovietpolicykg.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
public record Dump(String name, String mediaType, byte[] bytes, String sha256) {

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

    /** The dumps in the folder of a build, read as it wrote them. */
    public static List<Dump> inFolder(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                if (mediaTypeOf(p.getFileName().toString()).isPresent())
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new KgException(dir + ": cannot read the built dataset: " + e.getMessage(), e);
        }
        return publishable(files);
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
