package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine;

/** The build command: deterministic output, a summary, and no harm done to the last good output on failure. */
class BuildCommandTest {

    @Test
    void two_builds_write_byte_identical_files(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, run("build", "--out", a.toString()).exit);
        assertEquals(0, run("build", "--out", b.toString()).exit);
        for (String f : new String[] {DatasetWriter.TRIG, DatasetWriter.NQUADS, DatasetWriter.JSONLD, DatasetWriter.TURTLE, WikidataLinks.CSV,
                DatasetWriter.THRIFT})
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }

    @Test
    void the_dumps_of_a_build_are_its_rdf_files_as_its_manifest_lists_them(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, run("build", "--out", out.toString()).exit);
        List<Dump> dumps = Dump.inFolder(out);
        assertEquals(List.of("dataset.jsonld", "dataset.nq", "dataset.trig", "dataset.ttl", "essay.tei.xml", "wikidata-links.csv"),
                dumps.stream().map(Dump::name).toList(), "the build's records (manifest, fingerprint, coverage, ontology page) are not downloads");
        String manifest = Files.readString(out.resolve(DatasetWriter.MANIFEST), StandardCharsets.UTF_8);
        for (Dump d : dumps) {
            assertTrue(manifest.contains(d.sha256() + "  " + d.name() + "\n"), d.name() + " in\n" + manifest);
            assertEquals("\"" + d.sha256() + "\"", d.etag());
        }
        assertEquals("text/turtle", dumps.get(3).mediaType());
        assertEquals("application/n-quads", dumps.get(1).mediaType());
    }

    @Test
    void the_build_writes_the_quads_as_rdf_thrift_too_in_its_manifest_not_a_download(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, run("build", "--out", out.toString()).exit);
        byte[] thrift = Files.readAllBytes(out.resolve(DatasetWriter.THRIFT));
        assertTrue(Files.readString(out.resolve(DatasetWriter.MANIFEST), StandardCharsets.UTF_8)
                .contains(Sha256.hex(thrift) + "  " + DatasetWriter.THRIFT + "\n"), "listed in the manifest");
        assertTrue(Dump.inFolder(out).stream().noneMatch(d -> d.name().equals(DatasetWriter.THRIFT)), "not a download");
        // blank nodes keep their labels (both formats write them as given), so the quads compare as they are
        Set<Quad> fromThrift = quads(out.resolve(DatasetWriter.THRIFT), Lang.RDFTHRIFT);
        Set<Quad> fromNquads = quads(out.resolve(DatasetWriter.NQUADS), Lang.NQUADS);
        assertEquals(17_906, fromNquads.size(), "the essay's quads (12,972 before issue 25: its relations, their anchors, and every anchor's absolute position)");
        assertEquals(fromNquads, fromThrift, "the same quads as the N-Quads");
        // and serve loads it into the queryable form: the named graphs and their union as the default graph
        DatasetGraph served = Datasets.loadUnionView(out.resolve(DatasetWriter.THRIFT), BaseIri.DEFAULT);
        assertEquals(fromNquads.size(), Iter.count(DatasetWriter.namedGraphs(served).find()));
        assertEquals(fromNquads.stream().map(Quad::asTriple).distinct().count(), served.getDefaultGraph().size());
    }

    private static Set<Quad> quads(Path file, Lang lang) {
        Set<Quad> quads = new HashSet<>();
        RDFParser.source(file).lang(lang).labelToNode(LabelToNode.createUseLabelAsGiven()).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                quads.add(q);
            }
        });
        return quads;
    }

    @Test
    void summary_counts_triples_per_graph_and_entities_per_class(@TempDir Path tmp) {
        Result r = run("build", "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("<https://w3id.org/soviet-policy-kg/graph/curated>"), r.out);
        assertTrue(r.out.contains("<https://w3id.org/soviet-policy-kg/graph/source>"), r.out);
        assertTrue(r.out.contains("Entities per class (curated graph):"), r.out);
        assertTrue(r.out.contains("<https://w3id.org/soviet-policy-kg/graph/inferred>"), r.out);
        assertTrue(r.out.contains("\n      58  spo:Claim\n"), r.out);
        assertTrue(r.out.contains("\n      14  spo:DomesticForeignLink\n"), r.out);
        assertTrue(r.out.contains("\n       5  spo:Historian\n"), "Figes, Preston, Conquest, Kudryashov, Overy\n" + r.out);
    }

    @Test
    void build_writes_the_wikidata_links_as_csv_and_reports_every_entity_left_unlinked_with_why(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Result r = run("build", "--out", out.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("  36 links to Wikidata (1 broad, 8 close, 27 exact); wikidata-links.csv"), r.out);
        assertTrue(r.out.contains("  64 entities left unlinked:"), r.out);
        assertTrue(r.out.contains("\n    expected-western-attack            the attack Stalin expected, an idea the curators named"), r.out);
        assertTrue(r.out.contains("\n    litvinov                           no citable pairing found"), r.out);
        assertTrue(r.out.contains("\n    kudryashov                         the essay gives a surname only"), r.out);
        List<String> csv = Files.readAllLines(out.resolve(WikidataLinks.CSV), StandardCharsets.UTF_8);
        assertEquals("iri,label,qid,mapping,match,evidence", csv.get(0));
        assertEquals(37, csv.size(), "a header and 36 links");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/goering,Hermann Göring,Q47906,spo:wikidata,exact,")),
                String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/great-patriotic-war,Great Patriotic War,Q189266,"
                + "spo:wikidataCloseMatch,close,")), String.join("\n", csv));
        // issue 21: the item for the term is a close match too; Weimar Germany is linked, the Red Army purge closely
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/great-patriotic-war,Great Patriotic War,Q19896779,"
                + "spo:wikidataCloseMatch,close,")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/weimar-germany,Weimar Germany,Q41304,spo:wikidata,exact,")),
                String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/red-army-purge,Purge of the Red Army officers,Q2631954,"
                + "spo:wikidataCloseMatch,close,")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("https://w3id.org/soviet-policy-kg/id/soviet-revolution,October Revolution,Q8729,"
                + "spo:wikidataBroadMatch,broad,\"github.com/SpocWiki/_Standards/")), String.join("\n", csv));
    }

    @Test
    void a_failed_build_leaves_the_last_good_output_untouched(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("project"));
        Path out = tmp.resolve("out");
        assertEquals(0, run("build", "--project", project.toString(), "--out", out.toString()).exit);
        byte[] good = Files.readAllBytes(out.resolve(DatasetWriter.NQUADS));

        Path broken = project.resolve("data/sources/essay/curation/99-broken.yaml");
        Files.writeString(broken, "claims:\n  - id: broken\n    by: nobody-at-all\n    stance: asserts\n    summary: x\n    quote: no such passage in the essay\n",
                StandardCharsets.UTF_8);
        Result r = run("build", "--project", project.toString(), "--out", out.toString());

        assertEquals(1, r.exit);
        assertTrue(r.err.contains("data/sources/essay/curation/99-broken.yaml:3:9: 'nobody-at-all' in 'by' of claim 'broken' is not a declared entity"), r.err);
        assertTrue(r.err.contains("data/sources/essay/curation/99-broken.yaml:6:12: the quote of claim 'broken' is not in data/sources/essay/essay.txt"), r.err);
        assertArrayEquals(good, Files.readAllBytes(out.resolve(DatasetWriter.NQUADS)), "the last good output is kept");
        try (var s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary folder is left behind");
        }
    }

    @Test
    void the_fingerprint_of_a_build_matches_its_sources_until_one_byte_of_them_changes(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("project"));
        Path out = tmp.resolve("out");
        assertEquals(0, run("build", "--project", project.toString(), "--out", out.toString()).exit);
        BaseIri base = BaseIri.DEFAULT;
        assertTrue(Fingerprint.matches(out, Fingerprint.of(project, base)));
        assertTrue(!Fingerprint.matches(out, Fingerprint.of(project, BaseIri.of("https://example.org/kg/"))), "another base IRI");
        Path f = project.resolve("data/sources/essay/curation/05-paragraph-5.yaml");
        Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n# a curator's note\n", StandardCharsets.UTF_8);
        assertTrue(!Fingerprint.matches(out, Fingerprint.of(project, base)), "serve must not load a dataset of older sources");
    }

    @Test
    void build_refuses_to_replace_a_folder_that_is_not_its_own_output(@TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(mine.resolve("draft.txt"), "a curator's notes", StandardCharsets.UTF_8);
        Result r = run("build", "--out", mine.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("Refusing to replace " + mine + ": it is not empty and holds no manifest.sha256 (it is not a dataset this program wrote)"), r.err);
        assertEquals("a curator's notes", Files.readString(mine.resolve("draft.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void a_bad_option_value_is_refused_with_the_option_and_what_was_expected() {
        Result base = run("build", "--base", "example.org/kg");
        assertEquals(2, base.exit);
        assertTrue(base.err.contains("Invalid value for option '--base': Illegal base IRI=example.org/kg: expected an http(s) IRI"
                + " ending in '/'"), base.err);
        Result port = run("serve", "--port", "70000");
        assertEquals(2, port.exit);
        assertTrue(port.err.contains("Invalid value for option '--port': Illegal port=70000: expected a whole number from 0 to 65535"),
                port.err);
    }

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
