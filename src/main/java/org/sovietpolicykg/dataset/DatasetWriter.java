package org.sovietpolicykg.dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * Writes a dataset as TriG, N-Quads and JSON-LD, deterministically (N-Quads lines sorted; no blank nodes in the
 * data, and the ontology's blank nodes labelled by file and position), and atomically: the files are written to a
 * temporary folder beside the output, which then replaces the output in one move, so a failed write leaves the
 * last good output as it was.
 */
public final class DatasetWriter {
    public static final String TRIG = "dataset.trig";
    public static final String NQUADS = "dataset.nq";
    public static final String JSONLD = "dataset.jsonld";
    /** The union of all the named graphs as one graph, for tools that have no named graphs. */
    public static final String TURTLE = "dataset.ttl";
    /**
     * The named graphs in RDF Thrift, Jena's binary format, which it reads several times faster than N-Quads: what
     * {@code serve} loads. Not a download (the text formats are): the quads of {@link #NQUADS}, in the same order.
     */
    public static final String THRIFT = "dataset.rt";
    /** Every file a build wrote, with its sha256: only a folder that matches it is replaced by the next build. */
    public static final String MANIFEST = "manifest.sha256";

    private DatasetWriter() {}

    /**
     * The serialisations, by file name, as bytes: the named graphs as TriG, N-Quads and JSON-LD, and their union as
     * one Turtle graph (each triple once, however many graphs hold it). A quad of the default graph, if any, is left
     * out: the dumps are the named graphs.
     */
    /**
     * The downloads of a build, by file name: the serialisations, the Wikidata links as CSV, each source text as TEI
     * ({@code NAME.tei.xml}), and the JSON-LD context
     * the JSON-LD dump names (published at {@code <base>context.jsonld}; a copy beside the dumps, for offline use).
     */
    public static Map<String, byte[]> downloads(DatasetGraph dsg, BaseIri base) {
        Map<String, byte[]> files = serialise(dsg, base);
        files.put(WikidataLinks.CSV, WikidataLinks.csv(dsg, base));
        files.put(JsonLdContext.FILE, context(dsg, base).document());
        // each source text as TEI P5, its annotations marked up (essay.tei.xml)
        files.putAll(TeiDocument.all(dsg.getUnionGraph(), base));
        return files;
    }

    /** The JSON-LD context of a dataset: the terms of its ontology graph. */
    public static JsonLdContext context(DatasetGraph dsg, BaseIri base) {
        return JsonLdContext.of(dsg.getGraph(base.node(SPD.GRAPH_ONTOLOGY)), base);
    }

    public static Map<String, byte[]> serialise(DatasetGraph dsg, BaseIri base) {
        DatasetGraph named = namedGraphs(dsg);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TRIG, write(named, RDFFormat.TRIG_PRETTY));
        files.put(NQUADS, sortedLines(write(named, RDFFormat.NQUADS_UTF8)));
        files.put(JSONLD, context(dsg, base).write(named));
        files.put(TURTLE, union(named));
        return files;
    }

    /** The quads of a sorted N-Quads file, in its order, as RDF Thrift (so that the same sources give the same bytes). */
    public static byte[] thrift(byte[] sortedNquads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sortedNquads.length / 2);
        StreamRDF thrift = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
        thrift.start();
        // blank nodes keep the labels the N-Quads give them (a fresh label each parse would differ from build to build)
        RDFParser.source(new ByteArrayInputStream(sortedNquads)).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelAsGiven())
                .parse(new StreamRDFWrapper(thrift) {
            @Override
            public void start() {}

            @Override
            public void finish() {}
        });
        thrift.finish();
        return out.toByteArray();
    }

    /** The named graphs of a dataset without its default graph (a view: the graphs are not copied), with its prefixes. */
    public static DatasetGraph namedGraphs(DatasetGraph dsg) {
        if (dsg.getDefaultGraph().isEmpty())
            return dsg;
        DatasetGraph named = DatasetGraphFactory.createGeneral();
        dsg.listGraphNodes().forEachRemaining(g -> named.addGraph(g, dsg.getGraph(g)));
        dsg.prefixes().forEach((p, u) -> named.prefixes().add(p, u));
        return named;
    }

    /** The union of the named graphs as Turtle: the triples added in N-Triples order, so the output is the same each time. */
    private static byte[] union(DatasetGraph named) {
        Graph g = GraphFactory.createDefaultGraph();
        named.prefixes().forEach((p, u) -> g.getPrefixMapping().setNsPrefix(p, u));
        List<Triple> triples = new ArrayList<>();
        named.find().forEachRemaining(q -> triples.add(q.asTriple()));
        triples.sort(Comparator.comparing(t -> NodeFmtLib.str(t)));
        triples.forEach(g::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.TURTLE_PRETTY).output(out);
        return out.toByteArray();
    }

    /**
     * Writes the files (and any extra ones, e.g. a report) into {@code outDir}, replacing it as a whole, with a
     * {@value #MANIFEST} of every file and its sha256 (the format of {@code sha256sum}). A folder that exists must be
     * empty or hold exactly the files its manifest lists, unchanged: anything else (a file added, changed or missing, no
     * manifest) is refused with what differs, so that a mistyped {@code --out} never deletes a folder of the user's.
     */
    public static void writeAtomically(Path outDir, Map<String, byte[]> files) {
        Path dir = outDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null)
            throw new ConfigException("Illegal output folder=" + outDir + ": expected a folder below the root");
        if (Files.exists(dir)) {
            Optional<String> foreign = foreign(dir);
            if (foreign.isPresent())
                throw new ConfigException("Refusing to replace " + outDir + ": " + foreign.get() + "; expected a new or empty folder,"
                        + " or the output of an earlier build exactly as it wrote it (its " + MANIFEST + ")");
        }
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put(MANIFEST, manifest(files));
        files = all;
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-new-");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                // a name may have a folder ("text-index/_0.cfs")
                Path target = tmp.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            if (Files.exists(dir)) {
                old = parent.resolve("." + dir.getFileName() + "-old-" + System.nanoTime());
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException | UnsupportedOperationException e) {
            restore(old, dir);
            old = null;
            throw new KgException(outDir + ": cannot write the dataset: " + e.getMessage(), e);
        } finally {
            if (tmp != null)
                deleteTree(tmp);
            if (old != null)
                deleteTree(old);
        }
    }

    /** The manifest of some files: "sha256  name" lines, in name order. */
    static byte[] manifest(Map<String, byte[]> files) {
        Map<String, String> sums = new TreeMap<>();
        files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        return manifestOfSums(sums);
    }

    /** The manifest of files whose sha256 is known: "sha256  name" lines, in name order. */
    static byte[] manifestOfSums(Map<String, String> sums) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(sums).forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Why a folder is not one this program wrote (empty when it is, or when it is empty). */
    private static Optional<String> foreign(Path dir) {
        if (!Files.isDirectory(dir))
            return Optional.of("it is not a folder");
        List<String> present;
        // the files in it and in its folders (the text index's), by their names relative to it, '/' between folders
        try (Stream<Path> s = Files.walk(dir)) {
            present = s.filter(p -> !p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("it cannot be listed: " + e.getMessage());
        }
        if (present.isEmpty())
            return Optional.empty();
        if (!present.contains(MANIFEST))
            return Optional.of("it is not empty and holds no " + MANIFEST + " (it is not a dataset this program wrote)");
        Map<String, String> listed = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8))
                if (line.length() > 66)
                    listed.put(line.substring(66), line.substring(0, 64));
            for (String name : present) {
                if (name.equals(MANIFEST))
                    continue;
                Path f = dir.resolve(name);
                if (!listed.containsKey(name) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    return Optional.of(name + " in it is not a file the build wrote");
                if (!Sha256.hex(Files.readAllBytes(f)).equals(listed.get(name)))
                    return Optional.of(name + " in it has changed since the build wrote it");
            }
        } catch (IOException e) {
            return Optional.of("it cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The sha256 of some bytes, in lower-case hex. */

    /** Puts the last good output back where it was, after a failed replacement. */
    private static void restore(Path old, Path dir) {
        if (old == null || Files.exists(dir))
            return;
        try {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KgException("The last good output could not be put back from " + old + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] write(DatasetGraph dsg, RDFFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(dsg).format(format).output(out);
        return out.toByteArray();
    }

    private static byte[] sortedLines(byte[] nquads) {
        String[] lines = new String(nquads, StandardCharsets.UTF_8).split("\n");
        Arrays.sort(lines);
        return Arrays.stream(lines).filter(l -> !l.isEmpty()).map(l -> l + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless; the output itself is complete
        }
    }
}
