package org.sovietpolicykg.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;

/**
 * The dataset in an Apache Jena TDB2 store on disk, in its queryable form (the named graphs, and their union as the
 * default graph, as the server serves it), for a corpus larger than memory: {@code build --tdb2 DIR} writes it,
 * {@code serve --store tdb2:DIR} serves it. The store records the fingerprint of the sources it was built from
 * ({@value #FINGERPRINT}); serve refuses a store of other sources. A store is written beside its folder and moved in
 * place when complete, so a failed build leaves the previous store as it was; a folder that is not one of our stores
 * is never replaced.
 */
public final class Tdb2Store {
    /** The file in the store's folder that names the sources' fingerprint. */
    public static final String FINGERPRINT = "kg-fingerprint.txt";

    private Tdb2Store() {}

    /** Writes the queryable form of the named graphs into a new store at {@code dir}. */
    public static void write(Path dir, DatasetGraph named, String fingerprint) {
        write(dir, named, fingerprint, Map.of());
    }

    /**
     * The same, with some files beside the store in its folder, by their names there (the text index's,
     * {@code text-index/...}), moved in place with it.
     */
    public static void write(Path dir, DatasetGraph named, String fingerprint, Map<String, byte[]> beside) {
        if (Files.exists(dir) && !isStore(dir) && !isEmpty(dir))
            throw new ConfigException(dir + ": not replaced: it is not a store that build wrote (no " + FINGERPRINT
                    + "); expected an empty or missing folder, or a previous store");
        Path tmp = dir.resolveSibling(dir.getFileName() + ".building");
        DatasetWriter.deleteTree(tmp);
        Path old = dir.resolveSibling(dir.getFileName() + ".previous");
        DatasetGraph store = null;
        try {
            Files.createDirectories(tmp);
            store = TDB2Factory.connectDataset(tmp.toString()).asDatasetGraph();
            bulkLoad(store, named, dir);
            TDBInternal.expel(store);
            store = null;
            for (Map.Entry<String, byte[]> f : beside.entrySet()) {
                Path target = tmp.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Files.writeString(tmp.resolve(FINGERPRINT), fingerprint + "\n", StandardCharsets.UTF_8);
            // the previous store is moved aside, not deleted, until the new one is in its place
            DatasetWriter.deleteTree(old);
            if (Files.exists(dir))
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            DatasetWriter.deleteTree(old);
        } catch (IOException | RuntimeException e) {
            if (store != null)
                TDBInternal.expel(store);
            DatasetWriter.deleteTree(tmp);
            // the previous store back in its place, if it was moved aside and the new one did not take it
            if (Files.notExists(dir) && Files.exists(old)) {
                try {
                    Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            if (e instanceof KgException k)
                throw k;
            throw new KgException(dir + ": the TDB2 store could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * The quads of the named graphs, and each again in the default graph (their union: the store keeps a triple once,
     * however many graphs hold it), through TDB2's phased bulk loader, the one {@code tdb2.tdbloader} uses: streamed from
     * the dataset as it is, never copied into a second dataset in memory (at a hundred texts that copy, about 800 bytes a
     * quad, was what ran a {@code -Xmx1g} build out of memory).
     */
    private static void bulkLoad(DatasetGraph store, DatasetGraph named, Path dir) {
        DataLoader loader = LoaderFactory.phasedLoader(store, (fmt, args) -> {});
        long[] quads = new long[1];
        loader.startBulk();
        try {
            StreamRDF into = loader.stream();
            named.find().forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    into.quad(q);
                    into.triple(q.asTriple());
                    quads[0]++;
                }
            });
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        checkIndexes(store, quads[0], dir);
        Txn.executeWrite(store, () -> named.prefixes().forEach((p, u) -> store.prefixes().add(p, u)));
    }

    /**
     * That the loader wrote every index whole: its threads log a failure (a full disk, say) and go on, so that the load
     * would seem to end well with an index short. Every quad index must hold each quad given, and the triple indexes
     * (the union) agree with each other, with at most one triple a quad.
     */
    static void checkIndexes(DatasetGraph store, long quads, Path dir) {
        Txn.executeRead(store, () -> {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(store);
            List<String> wrong = new ArrayList<>();
            // each index counted once: a count walks the whole B+tree (ten million records at a thousand texts)
            for (TupleIndex index : tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
                long n = index.size();
                if (n != quads)
                    wrong.add("quad index " + index.getName() + " holds " + n + " of the " + quads + " quads");
            }
            TupleIndex[] union = tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes();
            long triples = union[0].size();
            if ((quads > 0 && triples < 1) || triples > quads)
                wrong.add("triple index " + union[0].getName() + " holds " + triples + " triples of the union; expected at least one and"
                        + " at most one a quad (" + quads + ")");
            for (int i = 1; i < union.length; i++) {
                long n = union[i].size();
                if (n != triples)
                    wrong.add("triple index " + union[i].getName() + " holds " + n + " triples of the union; expected as many as "
                            + union[0].getName() + " (" + triples + ")");
            }
            if (!wrong.isEmpty())
                throw new KgException(dir + ": the TDB2 store was not loaded whole (" + String.join("; ", wrong)
                        + "); the previous store, if any, is kept; see the log above for the loader's error, then run build --tdb2 again");
        });
    }

    /** The store at {@code dir}, which must have been built from the sources of {@code fingerprint}. */
    public static DatasetGraph open(Path dir, String fingerprint) {
        Optional<String> built = fingerprint(dir);
        if (built.isEmpty())
            throw new ConfigException(dir + ": no TDB2 store that build wrote (no " + FINGERPRINT + "); expected the folder of build --tdb2 DIR");
        if (!built.get().equals(fingerprint))
            throw new ConfigException(dir + ": the store was built from other sources (fingerprint " + built.get().substring(0, 12)
                    + "…, the sources now " + fingerprint.substring(0, 12) + "…); run build --tdb2 " + dir + " again");
        return TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
    }

    private static Optional<String> fingerprint(Path dir) {
        try {
            Path f = dir.resolve(FINGERPRINT);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isStore(Path dir) {
        return fingerprint(dir).isPresent();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
