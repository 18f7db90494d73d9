package org.sovietpolicykg.dataset;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.atlas.io.BufferingWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriterRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.formats.NonClosingOutputStream;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.interchange.TextAnchors;
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
     * A file of a build, written into a stream as it is made: no dump is held whole in memory (at a hundred texts the
     * N-Quads alone are 260 MB).
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;

        /** Bytes made already (a report, the context, a small table). */
        static Content of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /**
     * The downloads of a build, by file name: the serialisations, the Wikidata links as CSV, each source text as TEI
     * ({@code NAME.tei.xml}), and the JSON-LD context the JSON-LD dump names (published at {@code <base>context.jsonld};
     * a copy beside the dumps, for offline use). In memory: for the server's dumps of a dataset built in memory and for
     * the release; {@code build} streams them ({@link #contents}).
     */
    public static Map<String, byte[]> downloads(DatasetGraph dsg, BaseIri base) {
        Map<String, Content> contents = contents(dsg, base);
        contents.remove(THRIFT);
        return bytes(contents);
    }

    /**
     * What {@code build} writes of a dataset, by file name, each to be streamed: the downloads ({@link #downloads}) and
     * the RDF Thrift file {@code serve} loads. Each is made when it is written, in a read transaction of its own (so
     * that they can be written at once on several threads).
     */
    public static Map<String, Content> contents(DatasetGraph dsg, BaseIri base) {
        Map<String, Content> files = serialisations(dsg, base);
        DatasetGraph named = namedGraphs(dsg);
        Content nquads = files.get(NQUADS);
        files.put(THRIFT, nquads instanceof SortedQuads sorted ? sorted.thrift() : inRead(dsg, out -> thrift(named, out)));
        files.put(WikidataLinks.CSV, inRead(dsg, out -> out.write(WikidataLinks.csv(dsg, base))));
        files.put(JsonLdContext.FILE, inRead(dsg, out -> out.write(context(dsg, base).document())));
        // each source text as TEI P5, its annotations marked up (essay.tei.xml), one file a task
        for (String source : read(dsg, () -> TextAnchors.names(dsg.getUnionGraph(), base)))
            files.put(TeiDocument.fileName(source), inRead(dsg, out -> out.write(TeiDocument.of(dsg.getUnionGraph(), base, source)
                    .orElseThrow(() -> new IllegalStateException("No TEI of the source " + source)).bytes())));
        return files;
    }

    /** The JSON-LD context of a dataset: the terms of its ontology graph. */
    public static JsonLdContext context(DatasetGraph dsg, BaseIri base) {
        return JsonLdContext.of(dsg.getGraph(base.node(SPD.GRAPH_ONTOLOGY)), base);
    }

    /**
     * The serialisations, by file name, as bytes: the named graphs as TriG, N-Quads and JSON-LD, and their union as
     * one Turtle graph (each triple once, however many graphs hold it). A quad of the default graph, if any, is left
     * out: the dumps are the named graphs.
     */
    public static Map<String, byte[]> serialise(DatasetGraph dsg, BaseIri base) {
        return bytes(serialisations(dsg, base));
    }

    /** The serialisations of {@link #serialise}, to be streamed. */
    public static Map<String, Content> serialisations(DatasetGraph dsg, BaseIri base) {
        DatasetGraph named = namedGraphs(dsg);
        Map<String, Content> files = new LinkedHashMap<>();
        files.put(TRIG, inRead(dsg, out -> {
            if (isLarge(named))
                trigBlocks(named, out);
            else
                pretty(named, RDFFormat.TRIG_PRETTY, out);
        }));
        SortedQuads sorted = new SortedQuads(dsg, named);
        files.put(NQUADS, sorted);
        files.put(JSONLD, inRead(dsg, out -> context(dsg, base).writeDataset(named, out)));
        files.put(TURTLE, inRead(dsg, out -> union(named, sorted, out, isLarge(named))));
        return files;
    }

    /**
     * The N-Quads file: the quads in the order of their sorted lines, each line written from the terms the sort
     * formatted (Jena's N-Triples formatter, as Jena's N-Quads writer formats them), never collected as text. The
     * order is made once, for the N-Quads, the RDF Thrift file and the union's Turtle.
     */
    private static final class SortedQuads implements Content {
        private final DatasetGraph dsg;
        private final DatasetGraph named;
        private List<QuadOrder.Line> sorted;

        SortedQuads(DatasetGraph dsg, DatasetGraph named) {
            this.dsg = dsg;
            this.named = named;
        }

        private synchronized List<QuadOrder.Line> sorted() {
            if (sorted == null)
                sorted = read(dsg, () -> QuadOrder.nquads(named));
            return sorted;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (Writer w = writer(out)) {
                for (QuadOrder.Line l : sorted())
                    w.append(l.s()).append(' ').append(l.p()).append(' ').append(l.o()).append(' ').append(l.g()).append(" .\n");
            }
        }

        /** The union's triples, each once, in the order of the lines. */
        void forEachUnionTriple(Consumer<Triple> action) {
            QuadOrder.forEachUnionTriple(sorted(), action);
        }

        /** The same quads, in the same order, as RDF Thrift. */
        Content thrift() {
            return out -> writeThrift(sorted(), out);
        }
    }

    /** The quads of a dataset's N-Quads file, in its order, as RDF Thrift (so that the same sources give the same bytes). */
    private static void thrift(DatasetGraph named, OutputStream out) {
        writeThrift(QuadOrder.nquads(named), out);
    }

    private static void writeThrift(List<QuadOrder.Line> sorted, OutputStream out) {
        StreamRDF thrift = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
        thrift.start();
        // blank nodes with the labels the N-Quads give them (a fresh label each parse would differ from build to build)
        for (QuadOrder.Line l : sorted)
            thrift.quad(QuadOrder.asReadBack(l.quad()));
        thrift.finish();
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

    /**
     * Above this many quads TriG and Turtle are written as Jena's streaming blocks ({@code TRIG_BLOCKS},
     * {@code TURTLE_BLOCKS}: each subject's triples together, prefixes, no nesting), not pretty: the pretty writers
     * hold the union as a second graph and look at the whole of it, which at a hundred texts (a million quads) neither
     * fits in -Xmx1g nor is read by anyone; a reader of that size loads the data into a tool.
     */
    static final long PRETTY_AT_MOST = 250_000;

    private static boolean isLarge(DatasetGraph named) {
        Iterator<Quad> it = named.find();
        long n = 0;
        while (it.hasNext() && n <= PRETTY_AT_MOST) {
            it.next();
            n++;
        }
        return n > PRETTY_AT_MOST;
    }

    /**
     * The union of the named graphs as Turtle, each triple once, in the order of the N-Quads lines: added in that order
     * to a graph written pretty, or, for a large dataset, streamed in that order as blocks.
     */
    private static void union(DatasetGraph named, SortedQuads sorted, OutputStream out, boolean large) throws IOException {
        if (large) {
            try (Writer w = writer(out)) {
                StreamRDF blocks = new Blocks(w);
                blocks.start();
                named.prefixes().forEach(blocks::prefix);
                sorted.forEachUnionTriple(blocks::triple);
                blocks.finish();
            }
            return;
        }
        Graph g = GraphFactory.createDefaultGraph();
        named.prefixes().forEach((p, u) -> g.getPrefixMapping().setNsPrefix(p, u));
        sorted.forEachUnionTriple(g::add);
        try (Writer w = writer(out)) {
            RDFWriterRegistry.getWriterGraphFactory(RDFFormat.TURTLE_PRETTY).create(RDFFormat.TURTLE_PRETTY)
                    .write(w, g, PrefixMapFactory.createForOutput(g.getPrefixMapping()), null, RIOT.getContext().copy());
        }
    }

    /** The named graphs as TriG blocks: the graphs in IRI order, each subject's triples together (the graph's own order). */
    private static void trigBlocks(DatasetGraph named, OutputStream out) throws IOException {
        List<Node> graphs = new ArrayList<>();
        named.listGraphNodes().forEachRemaining(graphs::add);
        graphs.sort(Comparator.comparing(Node::toString));
        try (Writer w = writer(out)) {
            StreamRDF blocks = new Blocks(w);
            blocks.start();
            named.prefixes().forEach(blocks::prefix);
            for (Node g : graphs)
                named.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(blocks::quad);
            blocks.finish();
        }
    }

    /**
     * Jena's streaming blocks writer ({@code TRIG_BLOCKS}, {@code TURTLE_BLOCKS}), each term formatted by it once while
     * it comes again and again (a predicate, a class, an entity a million triples name), not at every use: the same
     * bytes. The forms are kept in a bounded cache, so that a dataset of ten million distinct terms does not hold them all.
     */
    static final class Blocks extends WriterStreamRDFBlocks {
        private final Cache<Node, String> forms = Caffeine.newBuilder().maximumSize(1 << 16).executor(Runnable::run).build();

        Blocks(Writer w) {
            super(RiotLib.create(w), RIOT.getContext().copy());
        }

        @Override
        protected void prefixSetup(String prefix, String iri) {
            super.prefixSetup(prefix, iri);
            // a term formatted before a prefix is declared may abbreviate differently after
            forms.invalidateAll();
        }

        @Override
        protected void outputNode(Node n) {
            out.print(forms.get(n, this::form));
        }

        private String form(Node n) {
            return QuadOrder.format(fmt, n);
        }
    }

    /**
     * A dataset in one of Jena's pretty formats, through a writer that takes a character at a time without a lock (the
     * formatters write IRIs and strings a character at a time; {@code RDFWriter.output(OutputStream)} puts a
     * {@code BufferedWriter} under them, whose every {@code write(int)} takes its lock).
     */
    private static void pretty(DatasetGraph dsg, RDFFormat format, OutputStream out) throws IOException {
        try (Writer w = writer(out)) {
            RDFWriterRegistry.getWriterDatasetFactory(format).create(format)
                    .write(w, dsg, PrefixMapFactory.createForOutput(dsg.prefixes()), null, RIOT.getContext().copy());
        }
    }

    private static Writer writer(OutputStream out) {
        return new BufferingWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
    }


    /** A content written inside a read transaction of the dataset (one per thread), or as it is if it has none. */
    private static Content inRead(DatasetGraph dsg, Content c) {
        return out -> {
            IOException[] failed = new IOException[1];
            read(dsg, () -> {
                try {
                    c.writeTo(out);
                } catch (IOException e) {
                    failed[0] = e;
                }
                return null;
            });
            if (failed[0] != null)
                throw failed[0];
        };
    }

    /** Reads in a read transaction of the dataset's own, unless it has none or this thread is in one already. */
    private static <T> T read(DatasetGraph dsg, Supplier<T> reading) {
        if (!dsg.supportsTransactions() || dsg.isInTransaction())
            return reading.get();
        dsg.begin(TxnType.READ);
        try {
            return reading.get();
        } finally {
            dsg.end();
        }
    }

    /** Contents written into memory, by name. */
    private static Map<String, byte[]> bytes(Map<String, Content> contents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        contents.forEach((name, c) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                c.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(name, out.toByteArray());
        });
        return files;
    }

    /** What a build wrote: each file's sha256 and how long it took to write, in milliseconds. */
    public record Written(Map<String, String> sha256, Map<String, Long> millis) {}

    /** {@link #writeAtomically(Path, Map, int)} of bytes made already, on one thread. */
    public static Written writeAtomically(Path outDir, Map<String, byte[]> files) {
        Map<String, Content> contents = new LinkedHashMap<>();
        files.forEach((name, b) -> contents.put(name, Content.of(b)));
        return writeAtomically(outDir, contents, 1);
    }

    /**
     * Writes the files (and any extra ones, e.g. a report) into {@code outDir}, replacing it as a whole, with a
     * {@value #MANIFEST} of every file and its sha256 (the format of {@code sha256sum}). Each file is streamed into a
     * temporary folder beside the output, its sha256 computed as it is written, on {@code threads} threads at once in
     * the order given (the longest first is best); the folder then replaces the output in one move, so a failed build
     * leaves the last good output as it was. A folder that exists must be empty or hold exactly the files its manifest
     * lists, unchanged: anything else (a file added, changed or missing, no manifest) is refused with what differs, so
     * that a mistyped {@code --out} never deletes a folder of the user's.
     */
    public static Written writeAtomically(Path outDir, Map<String, Content> files, int threads) {
        return writeAtomically(outDir, files, threads, () -> {});
    }

    /**
     * {@link #writeAtomically(Path, Map, int)}, replacing the output only if {@code gate} returns (the build's
     * validation, which runs while the files are written): if it throws, the files being written are stopped, the
     * temporary folder is deleted, the output is left as it was, and what it threw is thrown.
     */
    public static Written writeAtomically(Path outDir, Map<String, Content> files, int threads, Runnable gate) {
        Path dir = outDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null)
            throw new ConfigException("Illegal output folder=" + outDir + ": expected a folder below the root");
        if (threads < 1)
            throw new IllegalArgumentException("Illegal threads=" + threads + ": expected 1 or more");
        if (Files.exists(dir)) {
            Optional<String> foreign = foreign(dir);
            if (foreign.isPresent())
                throw new ConfigException("Refusing to replace " + outDir + ": " + foreign.get() + "; expected a new or empty folder,"
                        + " or the output of an earlier build exactly as it wrote it (its " + MANIFEST + ")");
        }
        Path tmp = null;
        Path old = null;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-new-");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> sums = new ConcurrentHashMap<>();
            Map<String, Long> millis = new ConcurrentHashMap<>();
            List<Future<?>> tasks = new ArrayList<>();
            Path into = tmp;
            for (Map.Entry<String, Content> f : files.entrySet())
                tasks.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    sums.put(f.getKey(), writeFile(into, f.getKey(), f.getValue()));
                    millis.put(f.getKey(), (System.nanoTime() - t0) / 1_000_000);
                    return null;
                }));
            try {
                gate.run();
            } catch (RuntimeException | Error e) {
                tasks.forEach(t -> t.cancel(true));
                throw e;
            }
            for (Future<?> t : tasks)
                await(t, tasks);
            byte[] manifest = manifestOfSums(sums);
            Files.write(tmp.resolve(MANIFEST), manifest);
            if (Files.exists(dir)) {
                old = parent.resolve("." + dir.getFileName() + "-old-" + System.nanoTime());
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            Map<String, String> all = new TreeMap<>(sums);
            all.put(MANIFEST, Sha256.hex(manifest));
            Map<String, Long> times = new LinkedHashMap<>();
            files.keySet().forEach(name -> times.put(name, millis.get(name)));
            return new Written(all, times);
        } catch (IOException | UnsupportedOperationException e) {
            restore(old, dir);
            old = null;
            throw new KgException(outDir + ": cannot write the dataset: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            if (tmp != null) {
                // a file stopped half-way is deleted only after its writer has stopped
                try {
                    pool.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                deleteTree(tmp);
            }
            if (old != null)
                deleteTree(old);
        }
    }

    /** Streams one file into a folder (a name may have a folder: "text-index/_0.cfs"); its sha256. */
    private static String writeFile(Path folder, String name, Content content) throws IOException {
        Path target = folder.resolve(name);
        Files.createDirectories(target.getParent());
        MessageDigest md = Sha256.digest();
        try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(target), md), 1 << 16)) {
            content.writeTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Waits for a file to be written; the first failure cancels the rest and is thrown as it was. */
    private static void await(Future<?> task, List<Future<?>> all) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(t -> t.cancel(true));
            throw new KgException("Interrupted while writing the dataset", e);
        } catch (ExecutionException e) {
            all.forEach(t -> t.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof IOException io)
                throw io;
            if (cause instanceof UncheckedIOException io)
                throw io.getCause();
            if (cause instanceof RuntimeException r)
                throw r;
            if (cause instanceof Error err)
                throw err;
            throw new KgException("The dataset could not be written: " + cause, cause);
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
                if (!sha256Of(f).equals(listed.get(name)))
                    return Optional.of(name + " in it has changed since the build wrote it");
            }
        } catch (IOException e) {
            return Optional.of("it cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The sha256 of a file, read through once (a dump of an earlier build may be hundreds of MB). */
    private static String sha256Of(Path f) throws IOException {
        MessageDigest md = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

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
