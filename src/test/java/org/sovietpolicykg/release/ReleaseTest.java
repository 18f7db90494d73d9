package org.sovietpolicykg.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.Version;
import org.sovietpolicykg.cli.Main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * The release command: twice on the same sources, the same zip byte for byte; the zip holds exactly the unpacked
 * files; every file the issue asks for is in it; CITATION.cff, the RO-Crate and the manifest say what they should; and
 * the real tools (ro-crate, citation-js, jsonld from npm, run by node over {@code src/test/release/check.mjs}) accept it.
 */
class ReleaseTest {
    static final String NAME = "soviet-policy-kg-" + Version.NUMBER;
    static Path out;
    static String printed;

    @BeforeAll
    static void release(@TempDir Path tmp) {
        out = tmp;
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        assertEquals(0, cl.execute("release", "--out", tmp.resolve("a").toString()), e.toString());
        printed = o.toString();
        assertEquals(0, Main.commandLine().execute("release", "--out", tmp.resolve("b").toString()));
    }

    static Path folder() {
        return out.resolve("a").resolve(NAME);
    }

    @Test
    void two_releases_of_the_same_sources_are_the_same_zip_byte_for_byte() throws IOException {
        byte[] a = Files.readAllBytes(out.resolve("a").resolve(NAME + ".zip"));
        byte[] b = Files.readAllBytes(out.resolve("b").resolve(NAME + ".zip"));
        assertEquals(Sha256.hex(a), Sha256.hex(b));
        assertTrue(printed.contains(Sha256.hex(a)) && printed.contains(NAME + ".zip"), printed);
    }

    @Test
    void the_zip_holds_the_unpacked_files_in_name_order_dated_the_ontologys_date() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(out.resolve("a").resolve(NAME + ".zip"))))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                names.add(e.getName());
                assertArrayEquals(Files.readAllBytes(folder().resolve(e.getName())), zip.readAllBytes(), e.getName());
                assertEquals("2026-12-02T00:00", e.getTimeLocal().toString(), e.getName() + ": the date of dcterms:modified");
            }
        }
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(files(folder()), names);
    }

    @Test
    void the_release_has_every_file_a_deposit_needs() throws IOException {
        List<String> files = files(folder());
        for (String f : List.of("dataset.trig", "dataset.nq", "dataset.ttl", "dataset.jsonld", "context.jsonld", "ontology/soviet-policy.ttl",
                "ontology/concepts.ttl", "ontology/shapes.ttl", "ontology.html", "void.ttl", "coverage.json", "queries/actor.rq",
                "queries/timeline.rq", "wikidata-links.csv", "LICENSE-DATA.txt", "LICENSE-CODE.txt", "CITATION.cff", "ro-crate-metadata.json",
                ".zenodo.json", "manifest.sha256"))
            assertTrue(files.contains(f), f + " in " + files);
        long canned;
        try (var rq = Files.list(Path.of("queries"))) {
            canned = rq.filter(f -> f.toString().endsWith(".rq")).count();
        }
        assertEquals(30, canned, "the canned queries of queries/");
        assertEquals(canned, files.stream().filter(f -> f.startsWith("queries/")).count(), "every canned query is in the release");
        assertTrue(Files.readString(folder().resolve("LICENSE-DATA.txt")).contains("Creative Commons Attribution 4.0 International"));
        assertTrue(Files.readString(folder().resolve("LICENSE-CODE.txt")).startsWith("MIT License"));
        // the dumps are those build writes: the JSON-LD one with its context embedded
        assertTrue(new ObjectMapper().readTree(folder().resolve("dataset.jsonld").toFile()).get("@context").isObject());
    }

    /** The README's table of the release's files (How to cite) names each file of the release, and only those. */
    @Test
    void the_readme_names_every_file_of_the_release_and_where_it_comes_from() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("| file | what | from |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> named = new ArrayList<>();
        for (String row : table.split("\n")) {
            String first = row.split("\\|")[1];
            Matcher m = Pattern.compile("`([^`]+)`").matcher(first);
            while (m.find())
                named.add(m.group(1));
        }
        List<String> files = files(folder());
        List<String> unnamed = files.stream().filter(f -> named.stream().noneMatch(n -> n.equals(f)
                || n.contains("*") && f.startsWith(n.substring(0, n.indexOf('*'))) && f.endsWith(n.substring(n.indexOf('*') + 1)))).toList();
        assertEquals(List.of(), unnamed, "files of the release the README's table does not name");
        List<String> missing = named.stream().filter(n -> !n.contains("*") && !files.contains(n)).toList();
        assertEquals(List.of(), missing, "files the README's table names that the release does not have");
        // the README's citation is this version's
        Map<String, Object> cff = new Yaml().load(Files.readString(folder().resolve("CITATION.cff")));
        String year = cff.get("date-released").toString().substring(0, 4);
        assertTrue(readme.contains("Soviet Policy KG curators (" + year + "). *Soviet Policy KG* (version " + Version.NUMBER + ") [Data set]. CC BY 4.0."),
                "README.md cites version " + Version.NUMBER + " of " + year + ", as CITATION.cff does");
    }

    @Test
    void the_void_of_the_release_describes_its_dumps_under_the_base_iri() throws IOException {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(folder().resolve("void.ttl")).lang(Lang.TURTLE).parse(m);
        List<String> urls = m.listObjectsOfProperty(DCAT.downloadURL).mapWith(n -> n.asResource().getURI()).toList();
        assertTrue(urls.contains("https://w3id.org/soviet-policy-kg/dumps/dataset.nq"), urls.toString());
        assertEquals(5, urls.size(), urls.toString());
        String nqSha = Sha256.hex(Files.readAllBytes(folder().resolve("dataset.nq")));
        assertTrue(Files.readString(folder().resolve("void.ttl")).contains(nqSha), "the sha256 of dataset.nq in VoID");
    }

    @Test
    void citation_cff_names_the_version_the_date_the_curators_the_licence_and_the_preferred_citation() throws IOException {
        Map<String, Object> cff = new Yaml().load(Files.readString(folder().resolve("CITATION.cff")));
        assertEquals("1.2.0", cff.get("cff-version"));
        assertEquals("dataset", cff.get("type"));
        assertEquals(Version.NUMBER, cff.get("version"));
        assertEquals("2026-12-02", cff.get("date-released"));
        assertEquals(List.of(Map.of("name", "Soviet Policy KG curators")), cff.get("authors"));
        assertEquals("CC-BY-4.0", cff.get("license"));
        assertEquals("https://w3id.org/soviet-policy-kg/dumps/", cff.get("repository"));
        @SuppressWarnings("unchecked")
        Map<String, Object> preferred = (Map<String, Object>) cff.get("preferred-citation");
        assertEquals("data", preferred.get("type"));
        assertEquals(2026, preferred.get("year"));
        assertEquals("Soviet Policy KG", preferred.get("title"));
    }

    @Test
    void the_crate_describes_the_root_dataset_and_each_file_with_its_format_size_and_sha256() throws IOException {
        JsonNode crate = new ObjectMapper().readTree(folder().resolve("ro-crate-metadata.json").toFile());
        assertEquals("https://w3id.org/ro/crate/1.1/context", crate.get("@context").get(0).asText());
        JsonNode root = null, nq = null;
        for (JsonNode n : crate.get("@graph")) {
            if (n.get("@id").asText().equals("./"))
                root = n;
            if (n.get("@id").asText().equals("dataset.nq"))
                nq = n;
        }
        assertEquals(Version.NUMBER, root.get("version").asText());
        assertEquals("2026-12-02", root.get("datePublished").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", root.get("license").get("@id").asText());
        assertEquals("https://w3id.org/soviet-policy-kg/id/curators", root.get("author").get(0).get("@id").asText());
        assertEquals("https://w3id.org/soviet-policy-kg/ontology/" + Version.NUMBER, root.get("conformsTo").get("@id").asText());
        assertEquals(files(folder()).size() - 1, root.get("hasPart").size(), "every file but the crate itself");
        byte[] bytes = Files.readAllBytes(folder().resolve("dataset.nq"));
        assertEquals("File", nq.get("@type").asText());
        assertEquals("application/n-quads", nq.get("encodingFormat").asText());
        assertEquals(Integer.toString(bytes.length), nq.get("contentSize").asText());
        assertEquals(Sha256.hex(bytes), nq.get("sha256").asText());
        JsonNode zenodo = new ObjectMapper().readTree(folder().resolve(".zenodo.json").toFile());
        assertEquals("dataset", zenodo.get("upload_type").asText());
        assertEquals("cc-by-4.0", zenodo.get("license").asText());
        assertEquals("2026-12-02", zenodo.get("publication_date").asText());
    }

    @Test
    void the_manifest_has_the_sum_of_every_other_file() throws IOException {
        List<String> lines = Files.readAllLines(folder().resolve("manifest.sha256"));
        List<String> others = files(folder()).stream().filter(f -> !f.equals("manifest.sha256")).toList();
        assertEquals(others, lines.stream().map(l -> l.substring(66)).toList());
        for (String l : lines)
            assertEquals(Sha256.hex(Files.readAllBytes(folder().resolve(l.substring(66)))), l.substring(0, 64), l);
    }

    /** ro-crate, citation-js and jsonld from npm (src/test/release, installed by npm ci in the build), offline. */
    @Test
    void the_npm_tools_accept_the_crate_the_citation_and_the_manifest() throws Exception {
        Path tools = Path.of("src/test/release");
        assertTrue(Files.isDirectory(tools.resolve("node_modules/ro-crate")), "npm ci in src/test/release (the Maven build runs it)");
        Process p = new ProcessBuilder("node", "check.mjs", folder().toAbsolutePath().toString()).directory(tools.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), log);
        int files = files(folder()).size();
        assertTrue(log.contains("ok ro-crate: " + (files - 1) + " files"), log);
        assertTrue(log.contains("ok citation-js: Soviet Policy KG curators (2026). Soviet Policy KG (version " + Version.NUMBER + ")"), log);
        assertTrue(log.contains("none dropped"), log);
        assertTrue(log.contains("ok manifest: " + (files - 1) + " sums match"), log);
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
