package org.sovietpolicykg.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;

/**
 * {@code serve --watch}: watches the sources (every folder under {@code data/}, {@code ontology/} and {@code queries/})
 * and, once a change has settled (no event for {@value #QUIET_MS} ms), builds and validates the graph again in memory
 * and swaps it in ({@link KgServer#swap}): requests in flight finish on the dataset they began on, new ones go to the
 * new one, and every answer names its dataset's fingerprint. A change to {@code queries/} alone (the fingerprint is of
 * ontology/ and data/) keeps the dataset and loads the queries again. Sources that do not build are reported, all their
 * problems together, and the last good dataset goes on being served.
 * <pre>
 *   try (SourceWatch watch = SourceWatch.start(server, queryable, dumps, config, log)) { ... }
 * </pre>
 */
public final class SourceWatch implements AutoCloseable {
    /** The folders of the project that are watched, with every folder under them. */
    public static final List<String> FOLDERS = List.of("data", GraphBuilder.ONTOLOGY_DIR, "queries");
    /** How long the sources must be quiet after a change before the build starts (an editor writes a file in steps). */
    static final long QUIET_MS = 300;

    private final KgServer server;
    private final KgConfig config;
    private final PrintWriter log;
    private final WatchService watcher;
    private final Thread thread;
    private final AtomicInteger swaps = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** The dataset served now, in its queryable form, and its dumps: kept when only the queries change. */
    private DatasetGraph served;
    private Supplier<List<Dump>> dumps;
    private Instant written;

    private SourceWatch(KgServer server, DatasetGraph served, Supplier<List<Dump>> dumps, Instant written, KgConfig config,
            PrintWriter log) throws IOException {
        this.server = Objects.requireNonNull(server, "server");
        this.served = Objects.requireNonNull(served, "served");
        this.dumps = Objects.requireNonNull(dumps, "dumps");
        this.written = Objects.requireNonNull(written, "written");
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
        this.watcher = FileSystems.getDefault().newWatchService();
        for (String folder : FOLDERS)
            registerAll(config.projectDir().resolve(folder));
        this.thread = new Thread(this::run, "source-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Watches the sources of {@code config} for the server, which serves {@code served} (its queryable form, with its
     * dumps, written at {@code written}) now.
     */
    public static SourceWatch start(KgServer server, DatasetGraph served, Supplier<List<Dump>> dumps, Instant written, KgConfig config,
            PrintWriter log) {
        try {
            SourceWatch w = new SourceWatch(server, served, dumps, written, config, log);
            w.thread.start();
            return w;
        } catch (IOException e) {
            throw new KgException("Cannot watch the sources in " + config.projectDir() + ": " + e.getMessage(), e);
        }
    }

    /** How many times a new dataset (or new queries) has been swapped in. */
    public int swaps() {
        return swaps.get();
    }

    /** How many times changed sources did not build, and the last good dataset was kept. */
    public int refused() {
        return refused.get();
    }

    private void registerAll(Path root) throws IOException {
        if (!Files.isDirectory(root))
            return;
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList())
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // the change, and what follows it until the sources are quiet
                while (key != null) {
                    newFolders(key);
                    key.reset();
                    key = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS);
                }
                refresh();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the watch ends
        }
    }

    /** A folder made under a watched one (a new source) is watched too. */
    private void newFolders(WatchKey key) {
        if (!(key.watchable() instanceof Path dir))
            return;
        for (WatchEvent<?> e : key.pollEvents())
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name) {
                try {
                    registerAll(dir.resolve(name));
                } catch (IOException ex) {
                    log.println("watch: cannot watch " + dir.resolve(name) + ": " + ex.getMessage());
                }
            }
    }

    /** Builds again and swaps, or says why not and keeps what is served. */
    private void refresh() {
        long t0 = System.nanoTime();
        try {
            String fingerprint = Fingerprint.of(config.projectDir(), config.base());
            boolean sameData = fingerprint.equals(server.fingerprint());
            if (sameData) {
                log.println("watch: queries/ changed; loading the canned queries again ...");
            } else {
                log.println("watch: the sources changed; building and validating them in memory ...");
                log.flush();
                KnowledgeGraph kg = GraphBuilder.of(config).build();
                if (!Fingerprint.of(config.projectDir(), config.base()).equals(fingerprint)) {
                    // changed again while it was built: the events of that change start the next build
                    log.println("watch: the sources changed again while they were built; building them once more");
                    log.flush();
                    return;
                }
                DatasetGraph named = kg.dataset();
                served = Datasets.unionView(named);
                dumps = () -> Dump.of(named, config.base());
                written = Instant.now();
            }
            log.flush();
            server.swap(Servers.standard(served, config, fingerprint, dumps, written));
            swaps.incrementAndGet();
            log.printf("watch: now serving %s (fingerprint %s), swapped in %d ms after the change settled%n",
                    sameData ? "the same dataset with the queries of queries/" : "the sources as they are now", fingerprint,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (KgException e) {
            refused.incrementAndGet();
            log.println("watch: the changed sources were not served; still serving " + server.fingerprint() + ":");
            log.println(e.getMessage());
        }
        log.flush();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watcher.close();
            thread.join(5_000);
        } catch (IOException e) {
            // closing a watch service only releases it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
