package org.sovietpolicykg.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.diagnostics.Problem;
import org.sovietpolicykg.diagnostics.ProblemsException;
import org.sovietpolicykg.graph.GraphBuilder;

/**
 * Bad curation files, one fixture each in src/test/resources/CurationErrorsTest/ ({@code *-bad-N.yaml}, whose first
 * line says why it is bad), with the problems the build must report in {@code *-bad-N.expected}: one line each,
 * in order, as {@code file:line:col: message} (each expected line is the start of the reported one). Every problem
 * of a file is reported in the same run.
 */
class CurationErrorsTest {
    static final Path FIXTURES = Path.of("src/test/resources/CurationErrorsTest");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.getFileName().toString().matches(".*-bad-\\d+\\.yaml")).sorted();
    }

    @Test
    void bad_wikidata_enrichment_reports_the_kind_of_match_and_the_entities_left_unlinked(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp);
        Files.writeString(project.resolve("data/enrichment/zz-bad.yaml"), String.join("\n",
                "wikidata:",
                "  - entity: litvinov",
                "    qid: Q1",
                "    match: similar",
                "    evidence: a file",
                "unlinked:",
                "  - entity: lenin",
                ""), StandardCharsets.UTF_8);
        ProblemsException e = assertThrows(ProblemsException.class, () -> GraphBuilder.create().projectDir(project).build());
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of("data/enrichment/zz-bad.yaml:4:12: 'similar' is not a kind of match; expected one of exact, close, broad"
                + " (exact: the same thing; close: nearly the same; broad: the Wikidata item is broader)",
                "data/enrichment/zz-bad.yaml:7:5: this entity left unlinked has no 'why'; expected why: <value>"), problems);

        // well formed, but an entity both linked and left unlinked, and one that is not declared
        Files.writeString(project.resolve("data/enrichment/zz-bad.yaml"), String.join("\n",
                "unlinked:",
                "  - entity: stalin",
                "    why: none found",
                "  - entity: nobody-at-all",
                "    why: none found",
                ""), StandardCharsets.UTF_8);
        e = assertThrows(ProblemsException.class, () -> GraphBuilder.create().projectDir(project).build());
        String all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
        assertTrue(all.contains("data/enrichment/zz-bad.yaml:2:13: 'stalin' is listed as left unlinked but has a Wikidata link; expected one or the other"), all);
        assertTrue(all.contains("data/enrichment/zz-bad.yaml:4:13: 'nobody-at-all'"), all);
    }

    @Test
    void the_curators_evidence_and_what_rests_on_their_claims_are_checked_at_the_line_of_the_declaration(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp);
        Files.writeString(project.resolve("data/sources/essay/curation/10-bad.yaml"), TestProjects.CURATORS_READING + String.join("\n",
                "statements:",
                "  - id: fixture-stalin-orchestrated",
                "    subject: stalin",
                "    predicate: orchestrated",
                "    object: search-for-alliance",
                "    claim: overy-search-for-alliance",
                "    interpretedIn: author-pact-end-of-process",
                "    quote: \"personally orchestrated the search\"",
                ""), StandardCharsets.UTF_8);
        ProblemsException e = assertThrows(ProblemsException.class, () -> GraphBuilder.create().projectDir(project).build());
        String all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
        assertTrue(all.contains("data/sources/essay/curation/10-bad.yaml:2:9: shape violation of spsh:CuratorsInferenceShape at claim:curators-fixture-reading"), all);
        assertTrue(all.contains("data/sources/essay/curation/10-bad.yaml:11:9: shape violation of spsh:InterpretedInShape at statement:fixture-stalin-orchestrated"), all);
        assertEquals(2, e.problems().size(), all);

        // an interpretedIn that names no claim is reported at its own line
        Files.writeString(project.resolve("data/sources/essay/curation/10-bad.yaml"), String.join("\n",
                "links:",
                "  - id: fixture-link",
                "    domestic: five-year-plans",
                "    foreign: collective-security",
                "    relation: enables",
                "    claim: author-industry-army",
                "    interpretedIn: curators-nothing-at-all",
                "    quote: \"especially Stalinism at home and abroad\"",
                ""), StandardCharsets.UTF_8);
        e = assertThrows(ProblemsException.class, () -> GraphBuilder.create().projectDir(project).build());
        all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
        assertTrue(all.contains("data/sources/essay/curation/10-bad.yaml:7:20: 'curators-nothing-at-all' in 'interpretedIn' of link 'fixture-link' is not a declared claim"), all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void bad_curation_file_reports_every_problem_with_file_and_line(Path fixture, @TempDir Path tmp) throws IOException {
        // read as bytes: some fixtures are, on purpose, not UTF-8 (their first line is ASCII)
        List<String> lines = new String(Files.readAllBytes(fixture), StandardCharsets.ISO_8859_1).lines().toList();
        assertTrue(lines.get(0).startsWith("# bad: "), fixture + ": the first line must say why the fixture is bad");
        Path project = TestProjects.withRealSources(tmp);
        Files.copy(fixture, project.resolve("data/sources/essay/curation/10-fixture.yaml"));

        ProblemsException e = assertThrows(ProblemsException.class,
                () -> GraphBuilder.create().projectDir(project).build());

        Path expectedFile = FIXTURES.resolve(fixture.getFileName().toString().replace(".yaml", ".expected"));
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        List<String> actual = e.problems().stream().map(Problem::toString).toList();
        assertEquals(expected.size(), actual.size(), "problems reported:\n" + String.join("\n", actual));
        for (int i = 0; i < expected.size(); i++)
            assertTrue(actual.get(i).startsWith(expected.get(i)),
                    "problem " + (i + 1) + "\n expected: " + expected.get(i) + "\n   actual: " + actual.get(i));
    }
}
