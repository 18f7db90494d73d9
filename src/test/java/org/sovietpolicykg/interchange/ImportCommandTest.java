package org.sovietpolicykg.interchange;

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
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.TestProjects;
import org.sovietpolicykg.cli.Main;
import org.sovietpolicykg.graph.Coverage;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.graph.MentionFinder;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import picocli.CommandLine;

/**
 * {@code import}: a Recogito-style Web Annotation export and an INCEpTION WebAnno TSV 3.3 export (fixtures written here,
 * after the tools' documented formats) become curation files that build; positions in UTF-16 code units are converted to
 * code points; a position that selects another passage than its quote, or a TSV of another version, is a file:line error
 * naming the annotation and nothing is written; and the essay's own annotations, exported and imported into an empty
 * copy of the essay, give back the same 147 mentions.
 */
class ImportCommandTest {
    static final String ID = "https://w3id.org/soviet-policy-kg/id/";
    /** A note with a character outside the Basic Multilingual Plane (two UTF-16 units, one code point) before its names. */
    static final String NOTE = "In the \uD835\uDD16 papers, Molotoff met Litvinov and Ivan Maisky in London.\n";

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    /** The real project with a third source, the note above, with an empty curation folder. */
    static Path withNote(Path tmp) throws IOException {
        return withNote(tmp, "");
    }

    /** The note's writer, declared in a curation file of the note, for a record that names its author. */
    static final String WRITER = """
            entities:
              - id: note-writer
                type: Author
                label: Writer of the note
                names: []
                implicit: true
                description: "Who wrote the note for the import tests."
            """;

    /** The project with the note, whose record has these lines too (such as {@code author: note-writer}). */
    static Path withNote(Path tmp, String more) throws IOException {
        TestProjects.copyOfReal(tmp);
        Path note = tmp.resolve("data/sources/note");
        Files.createDirectories(note.resolve("curation"));
        Files.writeString(note.resolve("note.txt"), NOTE, StandardCharsets.UTF_8);
        Files.writeString(note.resolve("source.yaml"), "file: note.txt\nsha256: " + Sha256.hex(NOTE.getBytes(StandardCharsets.UTF_8))
                + "\ntitle: \"A note for the import tests\"\nlanguage: en\n" + more, StandardCharsets.UTF_8);
        if (more.contains("author: note-writer"))
            Files.writeString(note.resolve("curation/00-writer.yaml"), WRITER, StandardCharsets.UTF_8);
        return tmp;
    }

    /** UTF-16 offsets of a passage of the note, as a browser tool counts them. */
    static int at(String passage) {
        return NOTE.indexOf(passage);
    }

    static String recogito(int molotoffShift) {
        return """
                [
                  {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": "#molotoff",
                    "type": "Annotation",
                    "body": [
                      {"type": "TextualBody", "purpose": "tagging", "value": "Person"},
                      {"type": "SpecificResource", "purpose": "identifying", "source": "https://w3id.org/soviet-policy-kg/id/molotov"}
                    ],
                    "target": {"selector": [
                      {"type": "TextQuoteSelector", "exact": "Molotoff"},
                      {"type": "TextPositionSelector", "start": %d, "end": %d}
                    ]}
                  },
                  {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": "#litvinov",
                    "type": "Annotation",
                    "body": [{"type": "SpecificResource", "purpose": "identifying", "source": "https://w3id.org/soviet-policy-kg/id/litvinov"}],
                    "target": {"selector": [{"type": "TextQuoteSelector", "exact": "Litvinov", "prefix": "met "}]}
                  },
                  {
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": "#maisky",
                    "type": "Annotation",
                    "body": [
                      {"type": "TextualBody", "purpose": "tagging", "value": "PER"},
                      {"type": "SpecificResource", "purpose": "identifying", "source": "http://www.wikidata.org/entity/Q310981"}
                    ],
                    "target": {"selector": [
                      {"type": "TextPositionSelector", "start": %d, "end": %d},
                      {"type": "TextQuoteSelector", "exact": "Ivan Maisky"}
                    ]}
                  }
                ]
                """.formatted(at("Molotoff") + molotoffShift, at("Molotoff") + molotoffShift + 8, at("Ivan Maisky"), at("Ivan Maisky") + 11);
    }

    @Test
    void a_recogito_export_becomes_a_curation_file_that_builds(@TempDir Path tmp) throws IOException {
        Path project = withNote(tmp.resolve("p"));
        Path export = tmp.resolve("recogito-export.json");
        Files.writeString(export, recogito(0), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(0, r.exit, r.err);
        Path written = project.resolve("data/sources/note/curation/import-recogito-export.yaml");
        assertTrue(Files.exists(written), r.out);
        Map<String, Object> doc = new Yaml().load(Files.readString(written));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entities = (List<Map<String, Object>>) doc.get("entities");
        assertEquals(1, entities.size(), "only Ivan Maisky is new: " + entities);
        assertEquals("ivan-maisky", entities.get(0).get("id"));
        assertEquals("Person", entities.get(0).get("type"));
        assertEquals(List.of("Ivan Maisky"), entities.get(0).get("names"));
        assertTrue(entities.get(0).get("description").toString().contains("unreviewed") && entities.get(0).get("description").toString().contains("Q310981"));
        assertTrue(r.out.contains("molotov") && r.out.contains("[Molotoff]"), "Molotoff, a new name of molotov, is printed for the curator: " + r.out);
        // the file builds, and the build finds Litvinov and Ivan Maisky in the note at their code points (one fewer than UTF-16 units)
        KnowledgeGraph kg = GraphBuilder.create().projectDir(project).build();
        List<MentionFinder.Mention> m = kg.text("note").mentions();
        assertTrue(m.stream().anyMatch(x -> x.entityId().equals("ivan-maisky") && x.start() == at("Ivan Maisky") - 1), m.toString());
        assertTrue(m.stream().anyMatch(x -> x.entityId().equals("litvinov") && x.start() == at("Litvinov") - 1), m.toString());
        // nothing existing is overwritten
        Result again = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(1, again.exit);
        assertTrue(again.err.contains("exists") && again.err.contains("never overwrites"), again.err);
    }

    @Test
    void a_position_that_selects_another_passage_is_a_file_line_error_naming_the_annotation_and_nothing_is_written(@TempDir Path tmp)
            throws IOException {
        Path project = withNote(tmp.resolve("p"));
        Path export = tmp.resolve("shifted.json");
        // counted in code points, not UTF-16 units: one too few, as a tool that miscounts would write
        Files.writeString(export, recogito(-1), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains(export + ":2:") && r.err.contains("annotation #molotoff") && r.err.contains("selects \" Molotof\"")
                && r.err.contains("exact is \"Molotoff\""), r.err);
        assertFalse(Files.exists(project.resolve("data/sources/note/curation/import-shifted.yaml")));
    }

    static final String TSV = """
            #FORMAT=WebAnno TSV 3.3
            #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value


            #Text=%s
            1-1\t%s\tMolotoff\thttps://w3id.org/soviet-policy-kg/id/molotov\tPER
            1-2\t%s\tmet\t_\t_
            1-3\t%s\tLitvinov\thttps://w3id.org/soviet-policy-kg/id/litvinov\tPER
            1-4\t%s\tIvan\thttp://www.wikidata.org/entity/Q310981[1]\tPER[1]
            1-5\t%s\tMaisky\thttp://www.wikidata.org/entity/Q310981[1]\tPER[1]
            1-6\t%s\tLondon\t*\tLOC
            """;

    static String tsv(String header) {
        String[] tokens = {"Molotoff", "met", "Litvinov", "Ivan", "Maisky", "London"};
        Object[] args = new Object[tokens.length + 1];
        args[0] = NOTE.strip();
        for (int i = 0; i < tokens.length; i++)
            args[i + 1] = at(tokens[i]) + "-" + (at(tokens[i]) + tokens[i].length());
        return TSV.formatted(args).replace("#FORMAT=WebAnno TSV 3.3", header);
    }

    @Test
    void an_inception_webanno_tsv_export_becomes_a_curation_file_that_builds(@TempDir Path tmp) throws IOException {
        Path project = withNote(tmp.resolve("p"));
        Path export = tmp.resolve("note.tsv");
        Files.writeString(export, tsv("#FORMAT=WebAnno TSV 3.3"), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(0, r.exit, r.err);
        Map<String, Object> doc = new Yaml().load(Files.readString(project.resolve("data/sources/note/curation/import-note.yaml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entities = (List<Map<String, Object>>) doc.get("entities");
        assertEquals(List.of("ivan-maisky", "london"), entities.stream().map(e -> e.get("id")).toList(), "a span over two tokens, and a place");
        assertEquals("Place", entities.get(1).get("type"));
        KnowledgeGraph kg = GraphBuilder.create().projectDir(project).build();
        assertTrue(kg.text("note").mentions().stream().anyMatch(x -> x.entityId().equals("london")));
    }

    /** The note in INCEpTION's form with a relation layer: Molotoff to Ivan Maisky (a span of two tokens), labelled. */
    static String tsvWithRelation(String label) {
        String[] tokens = {"Molotoff", "met", "Litvinov", "Ivan", "Maisky", "London"};
        String[] cells = {"https://w3id.org/soviet-policy-kg/id/molotov\tPER\t_\t_", "_\t_\t_\t_",
                "https://w3id.org/soviet-policy-kg/id/litvinov\tPER\t_\t_", "http://www.wikidata.org/entity/Q310981[1]\tPER[1]\t" + label + "\t1-1[0_1]",
                "http://www.wikidata.org/entity/Q310981[1]\tPER[1]\t_\t_", "*\tLOC\t_\t_"};
        StringBuilder sb = new StringBuilder("#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
                + "#T_RL=webanno.custom.Relation|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n#Text=" + NOTE.strip() + "\n");
        for (int i = 0; i < tokens.length; i++)
            sb.append("1-").append(i + 1).append('\t').append(at(tokens[i])).append('-').append(at(tokens[i]) + tokens[i].length()).append('\t')
                    .append(tokens[i]).append('\t').append(cells[i]).append('\n');
        return sb.toString();
    }

    @Test
    void a_tsv_relation_becomes_a_statement_of_the_texts_author_unreviewed_and_the_build_reports_it(@TempDir Path tmp) throws IOException {
        Path project = withNote(tmp.resolve("p"), "author: note-writer\n");
        Path export = tmp.resolve("note.tsv");
        Files.writeString(export, tsvWithRelation("negotiatedWith"), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("1 statements (with 1 claims of the text's author)"), r.out);
        Map<String, Object> doc = new Yaml().load(Files.readString(project.resolve("data/sources/note/curation/import-note.yaml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) doc.get("statements");
        assertEquals(1, statements.size());
        Map<String, Object> st = statements.get(0);
        assertEquals("import-note-molotov-negotiated-with-ivan-maisky", st.get("id"));
        assertEquals(List.of("molotov", "negotiatedWith", "ivan-maisky"), List.of(st.get("subject"), st.get("predicate"), st.get("object")));
        assertEquals("Molotoff met Litvinov and Ivan Maisky", st.get("quote"), "from the governor to the dependent, as the text has it");
        assertEquals(false, st.get("reviewed"));
        assertEquals("import-note-p1-s1", st.get("claim"));
        @SuppressWarnings("unchecked")
        Map<String, Object> claim = ((List<Map<String, Object>>) doc.get("claims")).get(0);
        assertEquals("note-writer", claim.get("by"), "the author the note's record names");
        assertEquals(NOTE.strip(), claim.get("quote"), "the sentence");
        KnowledgeGraph kg = GraphBuilder.create().projectDir(project).build();
        Coverage c = Coverage.of(kg).get("note");
        assertEquals(List.of("entity ivan-maisky (data/sources/note/curation/import-note.yaml:2:5)",
                "entity london (data/sources/note/curation/import-note.yaml:10:5)", "claim import-note-p1-s1 (data/sources/note/curation/import-note.yaml:19:5)",
                "statement import-note-molotov-negotiated-with-ivan-maisky (data/sources/note/curation/import-note.yaml:27:5)"), c.unreviewed(),
                "what the build reports as unreviewed, with file and line");
        assertEquals(List.of(), Coverage.of(TestGraphs.real()).get("essay").unreviewed(), "the essay's curation is all reviewed");
    }

    @Test
    void a_relation_of_no_known_name_or_of_a_text_without_author_is_refused_at_its_line(@TempDir Path tmp) throws IOException {
        Path project = withNote(tmp.resolve("p"), "author: note-writer\n");
        Path export = tmp.resolve("note.tsv");
        Files.writeString(export, tsvWithRelation("met"), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains(export + ":10:1: the relation \"met\" from \"Molotoff\" to \"Ivan Maisky\" is no relation of the ontology;"
                + " expected one of its object properties ["), r.err);
        Path anonymous = withNote(tmp.resolve("q"));
        Files.writeString(export, tsvWithRelation("negotiatedWith"), StandardCharsets.UTF_8);
        r = run("import", export.toString(), "--source", "note", "--project", anonymous.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("data/sources/note/source.yaml:1:1: has no author, and the export has 1 relations"), r.err);
        for (Path p : List.of(project, anonymous))
            assertFalse(Files.exists(p.resolve("data/sources/note/curation/import-note.yaml")), "nothing written");
    }

    @Test
    void a_tsv_of_another_version_is_refused_with_its_line(@TempDir Path tmp) throws IOException {
        Path project = withNote(tmp.resolve("p"));
        Path export = tmp.resolve("old.tsv");
        Files.writeString(export, tsv("#FORMAT=WebAnno TSV 3.2"), StandardCharsets.UTF_8);
        Result r = run("import", export.toString(), "--source", "note", "--project", project.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains(export + ":1:1: is FORMAT=WebAnno TSV 3.2; expected #FORMAT=WebAnno TSV 3.3"), r.err);
        try (var files = Files.list(project.resolve("data/sources/note/curation"))) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void the_essays_annotations_exported_and_imported_into_an_empty_copy_give_back_the_same_mentions(@TempDir Path tmp) throws IOException {
        WebAnnotations annos = WebAnnotations.of(TestGraphs.queryable().getDefaultGraph(), BaseIri.DEFAULT);
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (int p = 0; p < annos.pages("essay").orElseThrow(); p++)
            annos.page("essay", "http://localhost/annotations/essay/", p).orElseThrow().get("items").forEach(all::add);
        assertEquals(385, all.size());
        Path export = tmp.resolve("essay-annotations.json");
        json.writerWithDefaultPrettyPrinter().writeValue(export.toFile(), all);
        Path project = TestProjects.withRealSources(tmp.resolve("copy"));
        Result r = run("import", export.toString(), "--source", "essay", "--project", project.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("Read 147 mentions"), r.out);
        KnowledgeGraph copy = GraphBuilder.create().projectDir(project).build();
        List<String> expected = TestGraphs.real().text("essay").mentions().stream().map(m -> m.entityId() + "@" + m.start() + "-" + m.end()).toList();
        List<String> got = copy.text("essay").mentions().stream().map(m -> m.entityId() + "@" + m.start() + "-" + m.end()).toList();
        assertEquals(147, expected.size());
        assertEquals(expected, got);
    }
}
