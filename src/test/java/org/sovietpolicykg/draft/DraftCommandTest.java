package org.sovietpolicykg.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;

import picocli.CommandLine;

/**
 * {@code draft NAME} on a new text that names known and unknown people: it finds the known ones, proposes "Molotoff"
 * as a name of molotov, lists Ivan Maisky as a candidate with his sentence, the year 1939 and the sentence with nothing
 * in it; its draft.yaml builds; it never overwrites a curator's file; a wrong sha256 and a text that is not UTF-8 are
 * errors with file:line, nothing written.
 */
class DraftCommandTest {
    static final String LETTER = "Molotoff met Litvinov in 1939. Later Ivan Maisky wrote to Stalin about it.\nNothing else happened here.\n";

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    static Path withLetter(Path tmp, byte[] text, String sha) throws IOException {
        TestProjects.copyOfReal(tmp);
        Path letter = tmp.resolve("data/sources/letter");
        Files.createDirectories(letter.resolve("curation"));
        Files.write(letter.resolve("letter.txt"), text);
        Files.writeString(letter.resolve("source.yaml"), "file: letter.txt\nsha256: " + sha + "\ntitle: \"A letter (test fixture)\"\nlanguage: en\n",
                StandardCharsets.UTF_8);
        return tmp;
    }

    @Test
    void a_new_text_gets_its_known_people_their_new_names_candidates_years_and_a_draft_that_builds(@TempDir Path tmp) throws IOException {
        byte[] bytes = LETTER.getBytes(StandardCharsets.UTF_8);
        Path project = withLetter(tmp, bytes, Sha256.hex(bytes));
        Result r = run("draft", "letter", "--project", project.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("litvinov=1") && r.out.contains("stalin=1"), r.out);
        assertTrue(r.out.contains("[Molotoff] proposed as a name of molotov"), r.out);
        assertTrue(r.out.contains("Ivan Maisky (Person, p1-s2)"), r.out);
        assertTrue(r.out.contains("Years: {1939=[p1-s1]}"), r.out);
        assertTrue(r.out.contains("1 sentences with nothing found: p2-s1"), r.out);
        Path draft = project.resolve("data/sources/letter/curation/draft.yaml");
        String written = Files.readString(draft);
        assertTrue(written.startsWith(Draft.MARK), written);
        Map<String, Object> doc = new Yaml().load(written);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entities = (List<Map<String, Object>>) doc.get("entities");
        assertEquals(List.of("ivan-maisky"), entities.stream().map(e -> e.get("id")).toList());
        assertTrue(entities.get(0).get("description").toString().contains("unreviewed"));
        KnowledgeGraph kg = GraphBuilder.create().projectDir(project).build();
        assertTrue(kg.text("letter").mentions().stream().anyMatch(m -> m.entityId().equals("ivan-maisky")));
        assertTrue(kg.text("letter").mentions().stream().anyMatch(m -> m.entityId().equals("litvinov")));
        // its own file it writes again; a curator's it never touches
        assertEquals(0, run("draft", "letter", "--project", project.toString()).exit);
        Files.writeString(draft, "entities: []\n");
        Result refused = run("draft", "letter", "--project", project.toString());
        assertEquals(1, refused.exit);
        assertTrue(refused.err.contains("data/sources/letter/curation/draft.yaml:1:1: exists and was not written by draft"), refused.err);
        assertEquals("entities: []\n", Files.readString(draft));
    }

    @Test
    void a_wrong_sha256_and_a_text_that_is_not_utf8_are_errors_with_their_line_and_nothing_is_written(@TempDir Path tmp) throws IOException {
        Path project = withLetter(tmp.resolve("a"), LETTER.getBytes(StandardCharsets.UTF_8), "0".repeat(64));
        Result r = run("draft", "letter", "--project", project.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("data/sources/letter/source.yaml:2:") && r.err.contains("has the sha256"), r.err);
        assertFalse(Files.exists(project.resolve("data/sources/letter/curation/draft.yaml")));
        byte[] latin1 = "Molotoff met Litvinov in K\u00f6ln.\n".getBytes(StandardCharsets.ISO_8859_1);
        Path other = withLetter(tmp.resolve("b"), latin1, Sha256.hex(latin1));
        Result bad = run("draft", "letter", "--project", other.toString());
        assertEquals(1, bad.exit);
        assertTrue(bad.err.contains("data/sources/letter/source.yaml:1:") && bad.err.contains("UTF-8"), bad.err);
        assertFalse(Files.exists(other.resolve("data/sources/letter/curation/draft.yaml")));
    }
}
