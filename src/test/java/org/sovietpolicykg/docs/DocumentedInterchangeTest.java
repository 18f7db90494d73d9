package org.sovietpolicykg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.cli.Main;

import picocli.CommandLine;

/**
 * The README's examples of {@code import} and {@code draft} print what the commands print, on the files of
 * {@code docs/examples/}: the note and its Recogito export (and the same export with a position one short), the letter
 * and the {@code draft.yaml} it gets. Each block of output in the README is compared whole, with the test's project
 * folder taken out of the paths.
 */
class DocumentedInterchangeTest {
    static final Path EXAMPLES = Path.of("docs/examples");

    record Result(int exit, String out, String err) {}

    static Result run(Path project, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        int exit = cl.execute(all);
        String root = project.toString() + "/";
        return new Result(exit, out.toString().replace(root, ""), err.toString().replace(root, ""));
    }

    /** The content of the first fenced block after the one whose content is {@code command}, of the given info string. */
    static String blockAfter(String readme, String command, String info) {
        int at = readme.indexOf("```sh\n" + command + "\n```\n");
        if (at < 0)
            throw new AssertionError("README.md has no block ```sh " + command + "```");
        int open = readme.indexOf("```" + info + "\n", at + command.length() + 12);
        int start = open + info.length() + 4;
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    /** The project with a source NAME of one of the examples' texts, its record and an empty curation folder. */
    static Path withSource(Path tmp, String name) throws IOException {
        TestProjects.copyOfReal(tmp);
        Path dir = tmp.resolve("data/sources/" + name);
        Files.createDirectories(dir.resolve("curation"));
        byte[] text = Files.readAllBytes(EXAMPLES.resolve(name + ".txt"));
        Files.write(dir.resolve(name + ".txt"), text);
        Files.writeString(dir.resolve("source.yaml"), "file: " + name + ".txt\nsha256: " + Sha256.hex(text) + "\ntitle: \"A " + name
                + " (example)\"\nlanguage: en\n", StandardCharsets.UTF_8);
        return tmp;
    }

    @Test
    void the_import_example_prints_what_the_readme_says_and_so_does_its_miscounted_position(@TempDir Path tmp) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String command = "java -jar target/soviet-policy-kg.jar import recogito.json --source note";
        Path project = withSource(tmp.resolve("p"), "note");
        Path export = project.resolve("recogito.json");
        Files.copy(EXAMPLES.resolve("recogito.json"), export);
        Result r = run(project, "import", export.toString(), "--source", "note");
        assertEquals(0, r.exit, r.err);
        assertEquals(blockAfter(readme, command, ""), r.out);

        Path other = withSource(tmp.resolve("q"), "note");
        Files.writeString(other.resolve("recogito.json"), Files.readString(export).replace("\"start\": 49", "\"start\": 48"));
        r = run(other, "import", other.resolve("recogito.json").toString(), "--source", "note");
        assertEquals(1, r.exit);
        int error = readme.indexOf("nothing is written (exit 1):\n\n```\n");
        assertEquals(readme.substring(error + 34, readme.indexOf("```\n", error + 34)), r.err);
    }

    @Test
    void the_draft_example_prints_and_writes_what_the_readme_says(@TempDir Path tmp) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String command = "java -jar target/soviet-policy-kg.jar draft letter";
        Path project = withSource(tmp, "letter");
        Result r = run(project, "draft", "letter");
        assertEquals(0, r.exit, r.err);
        assertEquals(blockAfter(readme, command, ""), r.out);
        assertEquals(blockAfter(readme, command, "yaml"), Files.readString(project.resolve("data/sources/letter/curation/draft.yaml")));
    }
}
