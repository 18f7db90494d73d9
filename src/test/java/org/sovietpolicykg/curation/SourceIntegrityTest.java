package org.sovietpolicykg.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.diagnostics.ProblemsException;
import org.sovietpolicykg.graph.GraphBuilder;

/** The essay is never edited: a build against a changed text refuses to run and says why. */
class SourceIntegrityTest {

    @Test
    void copy_in_data_is_byte_for_byte_the_seed_essay_with_its_typos() throws IOException {
        String text = Files.readString(Path.of("data/sources/essay/essay.txt"), StandardCharsets.UTF_8);
        assertEquals(8500, text.codePointCount(0, text.length()));
        assertTrue(text.contains("the Jewish Litvoniv in 1939"));
        assertTrue(text.contains("a return to the days of Rapello"));
    }

    @Test
    void correcting_a_typo_in_the_essay_stops_the_build_with_both_sha256(@TempDir Path tmp) throws IOException {
        Path project = TestProjects.copyOfReal(tmp);
        Path essay = project.resolve("data/sources/essay/essay.txt");
        Files.writeString(essay, Files.readString(essay, StandardCharsets.UTF_8).replace("Litvoniv", "Litvinov"),
                StandardCharsets.UTF_8);

        ProblemsException e = assertThrows(ProblemsException.class, () -> GraphBuilder.create().projectDir(project).build());

        assertEquals(1, e.problems().size());
        String message = e.problems().get(0).toString();
        assertTrue(message.startsWith("data/sources/essay/essay.txt: the text has changed: its sha256 is "), message);
        assertTrue(message.contains("but the curation was made against b48cccbc0b0afec7fc2ba0926cdb6d27fa9b0c7e41b1aab21f209d818ff29069 (data/sources/essay/source.yaml:5:"), message);
    }
}
