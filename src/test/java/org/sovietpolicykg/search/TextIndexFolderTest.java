package org.sovietpolicykg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine;

/**
 * The text index that {@code build} writes beside the dataset (and beside a TDB2 store): the same documents from the
 * same sources, the sources' fingerprint recorded with it, the same answers as the index made in memory, and an index
 * of other sources refused with both fingerprints.
 */
class TextIndexFolderTest {
    @TempDir
    static Path tmp;
    static String fingerprint;

    @BeforeAll
    static void build() {
        KgConfig config = KgConfig.defaults();
        fingerprint = Fingerprint.of(config.projectDir(), config.base());
        run("build", "--out", tmp.resolve("a").toString(), "--tdb2", tmp.resolve("store").toString());
        run("build", "--out", tmp.resolve("b").toString());
    }

    static void run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), out + "\n" + err);
    }

    @Test
    void build_writes_the_index_beside_the_dataset_and_the_store_with_the_sources_fingerprint() {
        for (String dir : List.of("a", "store")) {
            Path folder = tmp.resolve(dir).resolve(TextIndexFolder.FOLDER);
            assertTrue(Files.isRegularFile(folder.resolve("segments_1")) || Files.isRegularFile(folder.resolve("segments_2")), dir);
            TextIndexFolder.Record record = TextIndexFolder.record(folder);
            assertEquals(fingerprint, record.sources(), dir);
            assertEquals(TextSearch.documents(TestGraphs.queryable().getContext().get(TextQuery.textIndex)),
                    record.documents(), dir + ": as many documents as the index made in memory");
        }
    }

    @Test
    void the_same_sources_give_the_same_documents_as_in_memory() {
        TextIndexFolder.Record a = TextIndexFolder.record(tmp.resolve("a").resolve(TextIndexFolder.FOLDER));
        TextIndexFolder.Record b = TextIndexFolder.record(tmp.resolve("b").resolve(TextIndexFolder.FOLDER));
        assertEquals(a.digest(), b.digest(), "two builds");
        assertEquals(a, TextIndexFolder.record(tmp.resolve("store").resolve(TextIndexFolder.FOLDER)), "the TDB2 store's");
        assertEquals(a.digest(), TextIndexFolder.digest(TextSearch.index(TestGraphs.queryable(), BaseIri.DEFAULT)), "the index made in memory");
        TextIndex loaded = TextIndexFolder.open(tmp.resolve("a").resolve(TextIndexFolder.FOLDER), fingerprint, BaseIri.DEFAULT);
        assertEquals(a.digest(), TextIndexFolder.digest(loaded), "the index loaded");
    }

    @Test
    void the_loaded_index_answers_text_query_as_the_one_made_in_memory() {
        DatasetGraph built = Datasets.loadUnionView(tmp.resolve("a").resolve(DatasetWriter.THRIFT), BaseIri.DEFAULT);
        TextSearch.attach(built, TextIndexFolder.open(tmp.resolve("a").resolve(TextIndexFolder.FOLDER), fingerprint, BaseIri.DEFAULT));
        String q = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT ?s ?literal WHERE { (?s ?score ?literal) text:query (rdf:value "Rapallo purges") } ORDER BY ?s
                """;
        List<String> fromDisk = rows(built, q), inMemory = rows(TestGraphs.queryable(), q);
        assertEquals(inMemory, fromDisk);
        assertTrue(fromDisk.stream().anyMatch(r -> r.contains("Rapello")), "the sentence that spells it Rapello: " + fromDisk);
    }

    static List<String> rows(DatasetGraph dsg, String q) {
        List<String> rows = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> rows.add(s.get("s") + " " + s.get("literal")));
            }
        });
        return rows;
    }

    @Test
    void an_index_of_other_sources_is_refused_with_both_fingerprints() throws Exception {
        Path folder = tmp.resolve("other").resolve(TextIndexFolder.FOLDER);
        Files.createDirectories(folder);
        try (var files = Files.list(tmp.resolve("a").resolve(TextIndexFolder.FOLDER))) {
            for (Path f : files.toList())
                Files.copy(f, folder.resolve(f.getFileName()));
        }
        String other = "0123456789ab".repeat(5) + "cdef";
        Path record = folder.resolve(TextIndexFolder.RECORD);
        Files.writeString(record, Files.readString(record, StandardCharsets.UTF_8).replace(fingerprint, other));
        ConfigException e = assertThrows(ConfigException.class, () -> TextIndexFolder.open(folder, fingerprint, BaseIri.DEFAULT));
        assertTrue(e.getMessage().contains("the text index was built from other sources (fingerprint " + other + ", the sources now "
                + fingerprint + "); run build again"), e.getMessage());
    }

    @Test
    void a_second_build_into_the_same_folder_replaces_its_index() {
        Path out = tmp.resolve("twice");
        run("build", "--out", out.toString());
        run("build", "--out", out.toString());
        assertEquals(fingerprint, TextIndexFolder.record(out.resolve(TextIndexFolder.FOLDER)).sources());
    }
}
