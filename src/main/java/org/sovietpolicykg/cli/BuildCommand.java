package org.sovietpolicykg.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.apache.jena.riot.system.PrefixMap;

import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.DatasetWriter.Content;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.dataset.Statistics;
import org.sovietpolicykg.dataset.Tdb2Store;
import org.sovietpolicykg.dataset.WikidataLinks;
import org.sovietpolicykg.docs.OntologyDocs;
import org.sovietpolicykg.graph.Coverage;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.search.TextIndexFolder;
import org.sovietpolicykg.vocabulary.SPD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build}: the sources in, the validated dataset out (TriG, N-Quads, JSON-LD, the union as Turtle, the Wikidata
 * links as CSV), with a summary: triples per graph, entities per class, the Wikidata links and every entity left
 * unlinked with why, coverage.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build and validate the knowledge graph; write dataset.trig, dataset.nq, dataset.jsonld and dataset.ttl (the union of the graphs).")
final class BuildCommand implements Callable<Integer> {
    static final String COVERAGE = "coverage.json";
    static final String ONTOLOGY_DOCS = "ontology.html";

    /** The dumps are written at once on this many threads: two, where there are two cores. */
    static final int WRITERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "kg.dataset", converter = Converters.Folder.class)
    Path out;

    @Option(names = "--tdb2", paramLabel = "DIR", converter = Converters.Folder.class,
            description = "Also write the dataset, in the form the server serves, into a TDB2 store at DIR (for serve --store tdb2:DIR)")
    Path tdb2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        PrintWriter progress = spec.commandLine().getErr();
        progress.println("build: reading, building and validating the sources of " + project.config().projectDir().toAbsolutePath().normalize()
                .getFileName() + " ...");
        progress.flush();
        // the validation against the shapes runs on a core of its own while the downloads are made and written into a
        // temporary folder, which replaces the output only once the validation has passed
        ExecutorService aside = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "validation");
            t.setDaemon(true);
            return t;
        });
        try {
            GraphBuilder.Pending pending = GraphBuilder.of(project.config()).buildValidatingAside(aside);
            try {
                return build(t0, progress, pending);
            } catch (RuntimeException e) {
                // a graph that breaks the shapes may break what is made from it too: its violations are what to report
                pending.validated();
                throw e;
            }
        } finally {
            aside.shutdownNow();
        }
    }

    private int build(long t0, PrintWriter progress, GraphBuilder.Pending pending) {
        KnowledgeGraph kg = pending.kg();
        Runnable gate = () -> {
            long tWait = System.nanoTime();
            pending.validated();
            long done = System.nanoTime();
            progress.printf("build: validated against the shapes %d ms after the build began (waited %d ms for it)%n",
                    (done - t0) / 1_000_000, (done - tWait) / 1_000_000);
            progress.flush();
        };
        // the statistics the report ends with, made once, here
        Statistics stats = Statistics.of(kg.dataset(), kg.baseIri().node(SPD.GRAPH_CURATED));
        progress.printf("build: %,d triples built in %d ms; validating them against the shapes while the downloads are made ...%n",
                stats.totalTriples(), (System.nanoTime() - t0) / 1_000_000);
        progress.flush();
        // the canned queries are sources too: a broken one fails the build, with its file:line, not the server later
        QueryCatalog.load(project.config().projectDir(), kg.baseIri());
        long tMade = System.nanoTime();
        Map<String, Content> contents = DatasetWriter.contents(kg.dataset(), kg.baseIri());
        List<String> named = new ArrayList<>(contents.keySet());
        // the longest first, so that the two threads end together; N-Quads before RDF Thrift, which reuses its order
        Map<String, Content> files = new LinkedHashMap<>();
        for (String big : new String[] {DatasetWriter.JSONLD, DatasetWriter.TURTLE, DatasetWriter.TRIG, DatasetWriter.NQUADS, DatasetWriter.THRIFT})
            files.put(big, contents.remove(big));
        files.putAll(contents);
        Map<String, Coverage> coverage = Coverage.of(kg);
        Map<String, Object> coverageJson = new LinkedHashMap<>();
        coverage.forEach((text, c) -> coverageJson.put(text, c.toMap()));
        files.put(COVERAGE, Content.of(json(coverageJson)));
        String fingerprint = Fingerprint.of(project.project, kg.baseIri());
        files.put(Fingerprint.FILE, Content.of((fingerprint + "\n").getBytes(StandardCharsets.UTF_8)));
        files.put(ONTOLOGY_DOCS, Content.of(OntologyDocs.html(kg.graph(SPD.GRAPH_ONTOLOGY), kg.baseIri()).getBytes(StandardCharsets.UTF_8)));
        progress.printf("build: coverage and the ontology's page made in %d ms%n", (System.nanoTime() - tMade) / 1_000_000);
        // the text index of text:query and /search, which serve loads with the dataset (and with the TDB2 store)
        long tIndex = System.nanoTime();
        Map<String, byte[]> textIndex = TextIndexFolder.files(kg.dataset(), kg.baseIri(), fingerprint);
        textIndex.forEach((name, b) -> files.put(name, Content.of(b)));
        progress.printf("build: text index written in %d ms%n", (System.nanoTime() - tIndex) / 1_000_000);
        progress.flush();
        long tWrite = System.nanoTime();
        DatasetWriter.Written written = DatasetWriter.writeAtomically(out, files, WRITERS, gate);
        long[] tei = new long[2];
        written.millis().forEach((name, ms) -> {
            if (name.endsWith(TeiDocument.EXTENSION)) {
                tei[0]++;
                tei[1] += ms;
            } else if (ms >= 100)
                progress.printf("build:   %s written in %d ms%n", name, ms);
        });
        if (tei[0] > 0)
            progress.printf("build:   %d TEI documents written in %d ms together%n", tei[0], tei[1]);
        progress.printf("build: %d files written in %d ms on %d threads%n", files.size(), (System.nanoTime() - tWrite) / 1_000_000, WRITERS);
        progress.flush();
        PrintWriter w = spec.commandLine().getOut();
        List<String> wrote = Stream.concat(named.stream(), files.keySet().stream().filter(f -> !named.contains(f)))
                .filter(f -> !f.startsWith(TextIndexFolder.FOLDER + "/")).map(f -> out.resolve(f).toString()).toList();
        // what the files were made from (the sorted quads of N-Quads and RDF Thrift among them) is let go before the store is loaded
        files.clear();
        if (tdb2 != null) {
            long t1 = System.nanoTime();
            Tdb2Store.write(tdb2, kg.dataset(), fingerprint, textIndex);
            w.printf("Wrote the TDB2 store %s in %d ms (serve --store tdb2:%s)%n", tdb2, (System.nanoTime() - t1) / 1_000_000, tdb2);
        }
        PrefixMap pm = kg.baseIri().prefixes();
        w.printf("Built %d triples in %d named graphs in %d ms; wrote %s%n", stats.totalTriples(),
                stats.triplesPerGraph().size(), (System.nanoTime() - t0) / 1_000_000, String.join(", ", wrote) + ", "
                + out.resolve(TextIndexFolder.FOLDER) + "/");
        w.println("Triples per graph:");
        stats.triplesPerGraph().forEach((g, n) -> w.printf("  %6d  <%s>%n", n, g));
        w.println("Entities per class (curated graph):");
        stats.instancesPerClass().forEach((c, n) -> w.printf("  %6d  %s%n", n, abbreviate(pm, c)));
        w.println("Wikidata (" + out.resolve(WikidataLinks.CSV) + "):");
        WikidataLinks.report(kg.curation(), kg.dataset(), kg.baseIri()).forEach(w::println);
        kg.texts().forEach(t -> {
            w.println("Coverage of " + t.curation().folder() + " (" + out.resolve(COVERAGE) + ", \"" + t.name() + "\"):");
            coverage.get(t.name()).summary().forEach(w::println);
        });
        w.flush();
        return 0;
    }

    static byte[] json(Object o) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(PrefixMap pm, String iri) {
        String a = pm.abbreviate(iri);
        return a == null ? "<" + iri + ">" : a;
    }
}
