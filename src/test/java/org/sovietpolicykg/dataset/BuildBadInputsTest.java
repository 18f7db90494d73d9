package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestProjects;

/**
 * The build cannot be turned against its machine, and every bad input is named: it reads only files inside the
 * project (a link out of it is an error naming the link, and the target is never shown), a source record's file stays
 * in its folder, missing and empty inputs are named, all problems of all files come together, the canned queries are
 * checked, and {@code --out} replaces only a folder it wrote, unchanged. Each case runs the real command line on a
 * copy of the real project.
 */
class BuildBadInputsTest {
    /** A secret outside the project that no build may show. */
    static Path secret(Path tmp) throws IOException {
        Path f = tmp.resolve("outside/credentials.txt");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "token: s3cr3t-do-not-print\nentities: [not: yaml: here\n", StandardCharsets.UTF_8);
        return f;
    }

    static BuildCommandTest.Result build(Path project, Path tmp) {
        return BuildCommandTest.run("build", "--project", project.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void a_source_text_over_a_mebibyte_is_refused_at_once_naming_the_limit(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Path text = project.resolve("data/sources/essay/essay.txt");
        // the essay and then 50 MB of a committee's minutes: a build took minutes past 1 MB
        byte[] line = "The committee met again in the spring and argued about grain quotas for hours.\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(text, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 50 * 1024 * 1024 / line.length; i++)
                out.write(line);
        }
        long t0 = System.nanoTime();
        BuildCommandTest.Result r = build(project, tmp);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/sources/essay/source.yaml:4:7: the text file data/sources/essay/essay.txt has 52,"), r.err());
        assertTrue(r.err().contains("bytes; a source text may have at most 1,048,576 (1 MiB"), r.err());
        assertTrue(r.err().contains("split it into several sources, one per chapter"), r.err());
        assertTrue(ms < 30_000, "refused after " + ms + " ms");
    }

    @Test
    void a_curation_file_that_links_out_of_the_project_is_refused_by_name_and_never_read(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Files.createSymbolicLink(project.resolve("data/sources/essay/curation/95-link.yaml"), secret(tmp));
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/sources/essay/curation/95-link.yaml: is a symbolic link to a place outside the project;"
                + " expected a regular file inside it (the link is not followed)"), r.err());
        assertFalse(r.err().contains("s3cr3t") || r.out().contains("s3cr3t"), "the target's content is never shown");
    }

    @Test
    void an_ontology_file_or_a_source_folder_that_links_out_is_refused_too(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Path out = secret(tmp);
        Files.createSymbolicLink(project.resolve("ontology/extra.ttl"), out);
        Files.createSymbolicLink(project.resolve("data/sources/elsewhere"), out.getParent());
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("ontology/extra.ttl: is a symbolic link to a place outside the project"), r.err());
        assertTrue(r.err().contains("data/sources/elsewhere: is a symbolic link to a place outside the project"), r.err());
        assertFalse(r.err().contains("s3cr3t"), r.err());
    }

    @Test
    void a_source_record_whose_file_leaves_its_folder_is_refused(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Path record = project.resolve("data/sources/essay/source.yaml");
        Files.writeString(record, Files.readString(record, StandardCharsets.UTF_8).replace("file: essay.txt", "file: ../../../../etc/passwd"),
                StandardCharsets.UTF_8);
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/sources/essay/source.yaml:4:7: file '../../../../etc/passwd' is not a file name of"
                + " data/sources/essay/; expected the name of the text file beside source.yaml, e.g. essay.txt"), r.err());
        assertFalse(r.err().contains("root:"), r.err());
    }

    @Test
    void missing_sources_and_curation_folders_are_named(@TempDir Path tmp) throws IOException {
        Path none = TestProjects.copyOfReal(tmp.resolve("none"));
        TestProjects.deleteTree(none.resolve("data/sources"));
        BuildCommandTest.Result r = build(none, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/sources: no source: expected one folder per source text, e.g. data/sources/essay/"), r.err());

        Path bare = TestProjects.copyOfReal(tmp.resolve("bare"));
        TestProjects.deleteTree(bare.resolve("data/sources/essay/curation"));
        BuildCommandTest.Result b = build(bare, tmp);
        assertEquals(1, b.exit());
        assertTrue(b.err().contains("data/sources/essay/curation: missing: expected the folder of the text's curation files"), b.err());
    }

    @Test
    void an_empty_ontology_file_is_named(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Files.writeString(project.resolve("ontology/zz-empty.ttl"), "\n", StandardCharsets.UTF_8);
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("ontology/zz-empty.ttl: is empty; expected Turtle (ontology terms, concepts or shapes)"), r.err());
    }

    @Test
    void a_yaml_syntax_error_in_one_file_hides_no_problem_of_another(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Files.writeString(project.resolve("data/sources/essay/curation/90-broken.yaml"), "claims: [unclosed\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("data/sources/essay/curation/91-typo.yaml"),
                "claims:\n  - id: typo\n    by: essay-author\n    stance: asserts\n    sumary: misspelt\n    quote: x\n", StandardCharsets.UTF_8);
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("data/sources/essay/curation/90-broken.yaml:2:1: YAML syntax error"), r.err());
        assertTrue(r.err().contains("data/sources/essay/curation/91-typo.yaml:5:5: unknown key 'sumary' in a claim"), r.err());
    }

    @Test
    void a_broken_canned_query_fails_the_build_with_its_file_and_line(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        TestProjects.copyTree(Path.of("queries"), project.resolve("queries"));
        Files.writeString(project.resolve("queries/broken.rq"), "#+ summary: A query cut short\nSELECT ?x WHERE {\n  ?x ?y\n",
                StandardCharsets.UTF_8);
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("queries/broken.rq:3:6: SPARQL syntax error: Encountered \"<EOF>\""), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }

    /**
     * The validation runs while the downloads are written into a temporary folder: a violation found there fails the
     * build with its file:line, and the earlier output stays as it was, byte for byte, with no temporary folder left.
     */
    @Test
    void a_shape_violation_found_while_the_downloads_are_written_keeps_the_earlier_output(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        Path out = tmp.resolve("out");
        assertEquals(0, build(project, tmp).exit());
        byte[] manifest = Files.readAllBytes(out.resolve(DatasetWriter.MANIFEST));
        byte[] nquads = Files.readAllBytes(out.resolve(DatasetWriter.NQUADS));
        Files.writeString(project.resolve("data/sources/essay/curation/10-bad.yaml"), TestProjects.CURATORS_READING,
                StandardCharsets.UTF_8);
        BuildCommandTest.Result r = build(project, tmp);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("data/sources/essay/curation/10-bad.yaml:2:9: shape violation of spsh:CuratorsInferenceShape"
                + " at claim:curators-fixture-reading"), r.err());
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve(DatasetWriter.MANIFEST)));
        assertArrayEquals(nquads, Files.readAllBytes(out.resolve(DatasetWriter.NQUADS)));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("out", "p"), left.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary folder is left");
        }
    }

    @Test
    void out_replaces_only_a_folder_it_wrote_and_left_unchanged(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp.resolve("p"));
        TestProjects.copyTree(Path.of("queries"), project.resolve("queries"));
        Path out = tmp.resolve("out");
        assertEquals(0, build(project, tmp).exit());
        assertTrue(Files.readString(out.resolve(DatasetWriter.MANIFEST), StandardCharsets.UTF_8).contains("  dataset.nq\n"));
        assertEquals(0, build(project, tmp).exit(), "its own output, unchanged, is replaced");

        Files.writeString(out.resolve("notes.txt"), "a curator's notes", StandardCharsets.UTF_8);
        BuildCommandTest.Result added = build(project, tmp);
        assertEquals(1, added.exit());
        assertTrue(added.err().contains("notes.txt in it is not a file the build wrote"), added.err());
        assertEquals("a curator's notes", Files.readString(out.resolve("notes.txt"), StandardCharsets.UTF_8));

        Files.delete(out.resolve("notes.txt"));
        Files.writeString(out.resolve("coverage.json"), "{}", StandardCharsets.UTF_8);
        BuildCommandTest.Result changed = build(project, tmp);
        assertEquals(1, changed.exit());
        assertTrue(changed.err().contains("coverage.json in it has changed since the build wrote it"), changed.err());

        // a folder with a fingerprint.txt but no manifest is not taken for an output
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("fingerprint.txt"), "x", StandardCharsets.UTF_8);
        Files.writeString(other.resolve("thesis.tex"), "chapter 1", StandardCharsets.UTF_8);
        BuildCommandTest.Result foreign = BuildCommandTest.run("build", "--project", project.toString(), "--out", other.toString());
        assertEquals(1, foreign.exit());
        assertTrue(foreign.err().contains("holds no manifest.sha256"), foreign.err());
        assertTrue(Files.exists(other.resolve("thesis.tex")));
    }
}
