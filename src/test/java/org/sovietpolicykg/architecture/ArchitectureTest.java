package org.sovietpolicykg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering of {@code src/main}, checked on the compiled classes by ArchUnit: data flows one way, from the text
 * through the curation and the graph to the dataset and the server, and no two packages depend on each other.
 */
class ArchitectureTest {
    static final String ROOT = "org.sovietpolicykg";
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertTrue(classes.size() > 80, "the program's classes are imported: " + classes.size());
    }

    @Test
    void no_package_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_stages_before_the_server_know_nothing_of_it_or_of_the_command_line() {
        noClasses().that().resideInAnyPackage(ROOT + ".text..", ROOT + ".curation..", ROOT + ".graph..", ROOT + ".validation..",
                ROOT + ".dataset..", ROOT + ".queries..", ROOT + ".docs..", ROOT + ".html..", ROOT + ".vocabulary..",
                ROOT + ".diagnostics..", ROOT + ".formats..", ROOT + ".config..", ROOT + ".interchange..", ROOT + ".draft..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".server..", ROOT + ".cli..").check(classes);
    }

    @Test
    void the_text_and_the_diagnostics_depend_on_no_later_stage() {
        noClasses().that().resideInAnyPackage(ROOT + ".text..", ROOT + ".diagnostics..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".curation..", ROOT + ".graph..", ROOT + ".dataset..",
                        ROOT + ".queries..", ROOT + ".validation..")
                .check(classes);
    }

    static final String SERVER = ROOT + ".server";

    /**
     * The server's rooms, on floors: the request pipeline (http) below all; the SPARQL service and the answer cache on
     * it; the API, the pages, publishing and operations above those; the composition root (server itself) on top. No
     * room reaches up, and none of the rooms above the service knows another of its floor.
     */
    @Test
    void the_server_rooms_depend_downwards_only() {
        String http = SERVER + ".http..", sparql = SERVER + ".sparql..", cache = SERVER + ".cache..";
        String api = SERVER + ".api..", pages = SERVER + ".pages..", publish = SERVER + ".publish..", ops = SERVER + ".ops..";
        noClasses().that().resideInAPackage(http).should().dependOnClassesThat()
                .resideInAnyPackage(SERVER, sparql, cache, api, pages, publish, ops).check(classes);
        noClasses().that().resideInAnyPackage(sparql, cache).should().dependOnClassesThat()
                .resideInAnyPackage(SERVER, api, pages, publish, ops).check(classes);
        noClasses().that().resideInAPackage(sparql).should().dependOnClassesThat().resideInAPackage(cache).check(classes);
        noClasses().that().resideInAPackage(cache).should().dependOnClassesThat().resideInAPackage(sparql).check(classes);
        for (String room : List.of(api, pages, publish, ops)) {
            List<String> others = new ArrayList<>(List.of(SERVER, api, pages, publish, ops));
            others.remove(room);
            noClasses().that().resideInAPackage(room).should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .check(classes);
        }
    }

    @Test
    void no_cycles_among_the_server_rooms() {
        slices().matching(SERVER + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_exceptions_live_in_one_place_and_only_the_http_room_turns_them_into_responses() {
        classes().that().areAssignableTo(RuntimeException.class).and().resideInAPackage(ROOT + "..")
                .and().haveSimpleNameEndingWith("Exception").and().areTopLevelClasses()
                .should().resideInAnyPackage(ROOT + ".errors..", ROOT + ".diagnostics..").check(classes);
        noClasses().that().resideOutsideOfPackages(SERVER + "..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..").check(classes);
    }

    @Test
    void only_the_command_line_and_its_settings_read_system_properties() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".cli..")
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .check(classes);
    }

    /** A fully qualified class name in code (not in an import, a comment or a string) hides a dependency. */
    static final Pattern INLINE_NAME = Pattern.compile("\\b(?:java|javax|jakarta|org|com)\\.[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*\\.[A-Z]\\w*");

    @Test
    void no_inline_fully_qualified_names_in_src_main() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*")
                            || code.startsWith("//"))
                        continue;
                    code = code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*", "");
                    if (INLINE_NAME.matcher(code).find())
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
