package org.sovietpolicykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.config.KgConfig.Address;
import org.sovietpolicykg.config.KgConfig.Limits;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.dataset.Tdb2Store;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.search.TextIndexFolder;
import org.sovietpolicykg.search.TextSearch;
import org.sovietpolicykg.server.KgServer;
import org.sovietpolicykg.server.Servers;
import org.sovietpolicykg.server.SourceWatch;

import com.sun.management.HotSpotDiagnosticMXBean;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: serve the built dataset (or build in memory) over SPARQL until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the knowledge graph, read-only, with embedded Fuseki: the built dataset while the sources are unchanged, else built in memory.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--port", paramLabel = "N", descriptionKey = "kg.port", converter = Converters.Port.class)
    int port;

    @Option(names = "--dataset", paramLabel = "DIR", descriptionKey = "kg.dataset", converter = Converters.Folder.class)
    Path dataset;

    @Option(names = "--max-request-bytes", paramLabel = "N", descriptionKey = "kg.maxRequestBytes", converter = Converters.RequestBytes.class)
    int maxRequestBytes;

    @Option(names = "--max-result-rows", paramLabel = "N", descriptionKey = "kg.maxResultRows", converter = Converters.ResultRows.class)
    int maxResultRows;

    @Option(names = "--max-result-mb", paramLabel = "N", descriptionKey = "kg.maxResultMb", converter = Converters.ResultMb.class)
    int maxResultMb;

    @Option(names = "--query-workers", paramLabel = "N", descriptionKey = "kg.queryWorkers", converter = Converters.Workers.class)
    int queryWorkers;

    @Option(names = "--query-queue", paramLabel = "N", descriptionKey = "kg.queryQueue", converter = Converters.Queue.class)
    int queryQueue;

    @Option(names = "--max-query-reads", paramLabel = "N", descriptionKey = "kg.maxQueryReads", converter = Converters.QueryReads.class)
    int maxQueryReads;

    @Option(names = "--answer-cache-mb", paramLabel = "N", descriptionKey = "kg.answerCacheMb", converter = Converters.AnswerCache.class)
    int answerCacheMb;

    @Option(names = "--public-url", paramLabel = "URL", descriptionKey = "kg.publicUrl", converter = Converters.PublicUrl.class)
    String publicUrl;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",", descriptionKey = "kg.trustedProxy",
            converter = Converters.TrustedProxy.class)
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--store", paramLabel = "STORE", converter = Converters.Store.class,
            description = "Where the served dataset lives: memory (the default: the built dataset, or the sources built in memory), or tdb2:DIR, a TDB2 store on disk written by build --tdb2 DIR from the same sources")
    Path store;

    @Option(names = "--rebuild", description = "Build in memory even if a built dataset of the same sources exists")
    boolean rebuild;

    @Option(names = "--check", description = "Start, answer a first query, say ready, and stop: that the dataset serves (package runs"
            + " it once, to record the classes a start loads in the class-data-sharing archive target/soviet-policy-kg.jsa)")
    boolean check;

    @Option(names = "--watch", description = "Watch data/, ontology/ and queries/; on a change build again in memory and swap the new"
            + " dataset in without a failed request (sources that do not build are reported, and the last good dataset is kept)")
    boolean watch;

    @Spec
    CommandSpec spec;

    /** Whether this JVM ends on an OutOfMemoryError (-XX:+ExitOnOutOfMemoryError), so a supervisor can restart it. */
    static boolean exitsOnOutOfMemory() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory
                .getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return hotspot != null && "true".equals(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue());
    }

    /** How long past the query time limit a stop may take before the process is halted. */
    static final long STOP_GRACE_MS = 3_000;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        if (watch && store != null)
            throw new ConfigException("--watch builds the changed sources in memory; a TDB2 store (--store) is written by build --tdb2:"
                    + " expected one of --watch and --store");
        KgConfig config = project.config().withPort(port).withDatasetDir(dataset)
                .withLimits(new Limits(maxRequestBytes, maxResultRows, maxResultMb * 1024L * 1024L, queryWorkers, queryQueue,
                        answerCacheMb * 1024L * 1024L, maxQueryReads))
                .withAddress(new Address(Optional.ofNullable(publicUrl), trustedProxies));
        // Jena's subsystems set up once, here, before any other thread uses them (set up from several threads at
        // once, their class initialisers can wait on each other for ever)
        JenaSystem.init();
        // the built dataset is read while the sources' fingerprint is computed (two cores: both at once); if the
        // fingerprint then differs, what was read is dropped
        Path thrift = config.datasetDir().resolve(DatasetWriter.THRIFT);
        CompletableFuture<DatasetGraph> reading = store == null && !rebuild && Files.isRegularFile(thrift)
                ? CompletableFuture.supplyAsync(() -> Datasets.loadUnionView(thrift, config.base()))
                : null;
        String fingerprint = Fingerprint.of(config.projectDir(), config.base());
        DatasetGraph queryable;
        QueryCatalog catalog = null;
        Supplier<List<Dump>> dumps;
        Instant written;
        String origin;
        if (store != null) {
            // a TDB2 store on disk, built from exactly these sources; its dumps are serialised on first request
            DatasetGraph tdb = Tdb2Store.open(store, fingerprint);
            queryable = tdb;
            dumps = () -> Txn.calculateRead(tdb, () -> Dump.of(DatasetWriter.namedGraphs(tdb), config.base()));
            written = lastModified(store.resolve(Tdb2Store.FINGERPRINT));
            origin = "the TDB2 store in " + store + " (same sources)" + attachBuiltIndex(queryable, store, openingIndex(store, fingerprint, config),
                    System.nanoTime());
        } else if (!rebuild && Fingerprint.matches(config.datasetDir(), fingerprint)) {
            // built and validated by `build` (mvn package runs it) from exactly these sources
            Path built = config.datasetDir();
            // its text index opens while the dataset is read, and the canned queries are read meanwhile (on two cores)
            long tIndex = System.nanoTime();
            CompletableFuture<TextIndex> index = openingIndex(built, fingerprint, config);
            catalog = QueryCatalog.load(config.projectDir(), config.base());
            // RDF Thrift, several times faster to read than the N-Quads (a build of an older program has only these)
            queryable = reading != null ? joined(reading) : Datasets.loadUnionView(config.datasetDir().resolve(DatasetWriter.NQUADS), config.base());
            dumps = () -> Dump.inFolder(built);
            written = lastModified(config.datasetDir().resolve(DatasetWriter.MANIFEST));
            origin = "the built dataset in " + config.datasetDir() + " (same sources)" + attachBuiltIndex(queryable, built, index, tIndex);
        } else {
            if (reading != null)
                reading.cancel(true);
            KnowledgeGraph kg = GraphBuilder.of(config).build();
            queryable = Datasets.unionView(kg.dataset());
            DatasetGraph named = kg.dataset();
            dumps = () -> Dump.of(named, config.base());
            written = Instant.now();
            origin = "the sources, built and validated in memory";
        }
        if (catalog == null)
            catalog = QueryCatalog.load(config.projectDir(), config.base());
        KgServer server = Servers.standard(queryable, config, fingerprint, dumps, written, catalog).start();
        PrintWriter w = spec.commandLine().getOut();
        if (check) {
            w.printf("Ready in %d ms, serving %s; checked, stopping.%n", (System.nanoTime() - t0) / 1_000_000, origin);
            w.flush();
            server.stop();
            return 0;
        }
        SourceWatch watching = watch ? SourceWatch.start(server, queryable, dumps, written, config, spec.commandLine().getErr()) : null;
        // Ctrl-C (SIGINT) or SIGTERM: stop the server, then say so
        // what is in flight gets the time limit and a second (the server's graceful stop); whatever still runs after
        // that and two seconds more cannot hold the process: it is halted
        long grace = config.queryTimeoutMs() + STOP_GRACE_MS;
        if (!exitsOnOutOfMemory())
            spec.commandLine().getErr().println("Warning: started without -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError could leave a"
                    + " process that is alive and answers nothing; start it with java -XX:+ExitOnOutOfMemoryError -jar ..., under a"
                    + " supervisor that restarts it");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(grace);
                } catch (InterruptedException e) {
                    return;
                }
                w.println("Stopped: what still ran " + grace + " ms after the signal was cut off.");
                w.flush();
                Runtime.getRuntime().halt(1);
            }, "halt-after-grace");
            halt.setDaemon(true);
            halt.start();
            if (watching != null)
                watching.close();
            server.stop();
            w.println("Stopped.");
            w.flush();
        }, "shutdown"));
        w.printf("Ready in %d ms, serving %s. SPARQL endpoint: %s%n", (System.nanoTime() - t0) / 1_000_000, origin, server.sparqlUrl());
        w.printf("Home page: %s/  (Ctrl-C stops)%n", server.baseUrl());
        if (watching != null)
            w.printf("Watching %s of %s: a change is built and swapped in%n", String.join(", ", SourceWatch.FOLDERS.stream().map(f -> f + "/").toList()),
                    config.projectDir().toAbsolutePath().normalize());
        w.flush();
        server.join();
        return 0;
    }

    /**
     * Sets the text index that build wrote beside a dataset (opening since {@code t0}; refused if it is of other
     * sources) in its context; a dataset built by an older program has none ({@code null}), and is indexed in memory
     * when the server starts. What was loaded, for the ready line.
     */
    private String attachBuiltIndex(DatasetGraph queryable, Path dir, CompletableFuture<TextIndex> opening, long t0) {
        if (opening == null) {
            spec.commandLine().getErr().println("Note: " + dir + " holds no " + TextIndexFolder.FOLDER + "/ (built by an older version):"
                    + " the text index is made in memory; run build again to have it made once");
            return "";
        }
        TextSearch.attach(queryable, joined(opening));
        return ", with the text index in " + dir.resolve(TextIndexFolder.FOLDER) + " (loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
    }

    /** The text index that build wrote beside a dataset, opening on another thread; null if there is none. */
    private static CompletableFuture<TextIndex> openingIndex(Path dir, String fingerprint, KgConfig config) {
        return TextIndexFolder.isIn(dir)
                ? CompletableFuture.supplyAsync(() -> TextIndexFolder.open(dir.resolve(TextIndexFolder.FOLDER), fingerprint, config.base()))
                : null;
    }

    /** The value of a finished reading, or the error it ended with, as it was thrown. */
    private static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            throw e;
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
