package org.sovietpolicykg.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.cli.Main;

import picocli.CommandLine;

/**
 * The README's run command starts with the class-data-sharing archive that {@code package} makes: the same file, made
 * by a {@code serve --check} of the jar that the command runs; and {@code serve --check} is a start that answers and
 * stops (as package runs it).
 */
class DocumentedRunCommandTest {
    static final Pattern RUN = Pattern.compile("```sh\nmvn -B -q -DskipTests package && java (.*) -jar (\\S+) serve\n```");

    @Test
    void the_run_command_names_the_archive_package_makes_from_the_same_jar() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher run = RUN.matcher(readme);
        assertTrue(run.find(), "README.md's first command builds and serves");
        Matcher archive = Pattern.compile("-XX:SharedArchiveFile=(\\S+)").matcher(run.group(1));
        assertTrue(archive.find(), "the run command names an archive: " + run.group(1));
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher made = Pattern.compile("<argument>-XX:ArchiveClassesAtExit=(\\S+)</argument>\\s*(?:<argument>[^<]*</argument>\\s*)*?"
                + "<argument>-jar</argument>\\s*<argument>(\\S+)</argument>\\s*<argument>serve</argument>").matcher(pom);
        assertTrue(made.find(), "pom.xml's package makes an archive from a serve of the jar");
        assertEquals(archive.group(1), made.group(1), "the archive the README names is the one package makes");
        assertEquals(run.group(2), made.group(2), "made from the jar the README runs");
        assertTrue(pom.contains("<argument>--check</argument>"), "by a start that stops itself");
        assertTrue(pom.indexOf("<artifactId>maven-shade-plugin</artifactId>\n        <executions>") < pom.indexOf("<id>class-data-sharing</id>"),
                "the jar is shaded before it is started");
    }

    @Test
    void serve_check_answers_a_first_query_and_stops(@TempDir Path tmp) {
        Path project = TestProjects.copyOfReal(tmp.resolve("project"));
        TestProjects.copyTree(Path.of("queries"), project.resolve("queries"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("serve", "--project", project.toString(), "--dataset", tmp.resolve("none").toString(), "--port", "0", "--check");
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().matches("(?s)Ready in \\d+ ms, serving the sources, built and validated in memory; checked, stopping\\.\\n"),
                out.toString());
    }
}
