package org.sovietpolicykg.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.Version;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.docs.OntologyDocs;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.graph.Coverage;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.server.publish.DatasetDescription;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * A citable release of the dataset: every file a researcher deposits (Zenodo, a university repository) or cites, made
 * from the sources alone, so that the same sources give the same bytes, the zip included.
 * <pre>
 *   Release r = Release.of(kg, projectDir);   // the version and date from the ontology
 *   r.write(Path.of("target/release"));        // soviet-policy-kg-0.2.0.zip and soviet-policy-kg-0.2.0/
 * </pre>
 * The version is the ontology's {@code owl:versionInfo}, which must be the program's ({@link Version#NUMBER}, the
 * pom's version: a test keeps the three equal); the date is the ontology's {@code dcterms:modified}, the day this
 * version was made, never the clock. The files: the dumps and the JSON-LD context as {@code build} writes them, the
 * ontology's Turtle files and its HTML documentation, VoID and DCAT ({@code void.ttl}), the coverage report, the
 * canned queries, the Wikidata links, the two licences, and the metadata that describes them all ({@link Metadata}:
 * {@code CITATION.cff}, {@code ro-crate-metadata.json}, {@code .zenodo.json}) with {@code manifest.sha256}.
 */
public final class Release {
    public static final String NAME = Version.NAME;
    public static final String COVERAGE = "coverage.json";
    public static final String ONTOLOGY_DOCS = "ontology.html";
    public static final String VOID = "void.ttl";
    public static final String LICENSE_DATA = "LICENSE-DATA.txt";
    public static final String LICENSE_CODE = "LICENSE-CODE.txt";
    public static final String MANIFEST = DatasetWriter.MANIFEST;
    /** The project's own files that go into a release: its folders of sources, and its licences by their names there. */
    static final Map<String, String> LICENSES = Map.of(LICENSE_DATA, "LICENSE-DATA", LICENSE_CODE, "LICENSE");

    private final String version;
    private final LocalDate date;
    private final SortedMap<String, byte[]> files;

    private Release(String version, LocalDate date, SortedMap<String, byte[]> files) {
        this.version = version;
        this.date = date;
        this.files = files;
    }

    /** The release of a built graph whose sources are in {@code projectDir} (ontology/, queries/, the licences). */
    public static Release of(KnowledgeGraph kg, Path projectDir) {
        Graph ontology = kg.graph(SPD.GRAPH_ONTOLOGY);
        Node ont = kg.baseIri().node(NodeFactory.createURI(SPO.ONTOLOGY_IRI));
        String version = literal(ontology, ont, OWL2.versionInfo.asNode(), "owl:versionInfo", "the version of the release, e.g. \"0.2.0\"");
        if (!version.equals(Version.NUMBER))
            throw new ConfigException("ontology/soviet-policy.ttl: owl:versionInfo \"" + version + "\" is not the program's version \""
                    + Version.NUMBER + "\"; expected the two to agree (the pom's <version>, Version.NUMBER and owl:versionInfo are one)");
        String modified = literal(ontology, ont, DCTerms.modified.asNode(), "dcterms:modified", "the date of this version, e.g. \"2026-12-02\"^^xsd:date");
        LocalDate date;
        try {
            date = LocalDate.parse(modified);
        } catch (DateTimeParseException e) {
            throw new ConfigException("ontology/soviet-policy.ttl: dcterms:modified \"" + modified + "\" is not a date; expected YYYY-MM-DD");
        }
        Instant written = date.atStartOfDay(ZoneOffset.UTC).toInstant();

        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, byte[]> downloads = DatasetWriter.downloads(kg.dataset(), kg.baseIri());
        files.putAll(downloads);
        Map<String, Object> coverage = new LinkedHashMap<>();
        Coverage.of(kg).forEach((text, c) -> coverage.put(text, c.toMap()));
        files.put(COVERAGE, Metadata.json(coverage));
        files.put(ONTOLOGY_DOCS, OntologyDocs.html(ontology, kg.baseIri()).getBytes(StandardCharsets.UTF_8));
        // the endpoint and the dumps as the base IRI names them: w3id.org redirects them to the server (deploy/w3id)
        String serverUrl = kg.baseIri().iri().substring(0, kg.baseIri().iri().length() - 1);
        files.put(VOID, CanonicalTurtle.of(DatasetDescription.of(Datasets.unionView(kg.dataset()), kg.baseIri(),
                Dump.publishable(downloads), written, serverUrl).getGraph()));
        copyFolder(projectDir, "ontology", ".ttl", files);
        copyFolder(projectDir, "queries", ".rq", files);
        LICENSES.forEach((name, source) -> files.put(name, read(projectDir.resolve(source), "the licence " + source + " of the project")));

        String authors = literal(kg.graph(SPD.GRAPH_CURATED), kg.baseIri().node(SPD.CURATORS), RDFS.label.asNode(), "rdfs:label",
                "the curators' name (data/sources/essay/curation/00-agents-and-works.yaml, id: curators)");
        Metadata meta = new Metadata(version, date, authors, kg.baseIri().iri(), kg.baseIri().iri() + "ontology/" + version);
        files.put(Metadata.CITATION, meta.citation());
        files.put(Metadata.ZENODO, meta.zenodo());
        // the manifest has every file but itself; the crate every file, the manifest with its size but not its sum (it
        // lists the crate's): its size is known before the crate is, a sum being as long for any bytes
        files.put(Metadata.RO_CRATE, new byte[0]);
        files.put(MANIFEST, manifest(files));
        files.put(Metadata.RO_CRATE, meta.roCrate(files));
        files.put(MANIFEST, manifest(files));
        if (!files.containsKey(JsonLdContext.FILE))
            throw new IllegalStateException("the release has no " + JsonLdContext.FILE);
        return new Release(version, date, files);
    }

    /** {@code soviet-policy-kg-VERSION}: the zip's name without {@code .zip}, and the unpacked folder's. */
    public String name() {
        return NAME + "-" + version;
    }

    public String version() {
        return version;
    }

    public LocalDate date() {
        return date;
    }

    /** The files by path in the release (sorted), the metadata and the manifest included. */
    public SortedMap<String, byte[]> files() {
        return new TreeMap<>(files);
    }

    /**
     * The zip: the files in name order, each dated the release's date at midnight (stored as the zip's local date and
     * time, so that no time zone enters), no other attribute: the same files give the same bytes.
     */
    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTimeLocal(date.atStartOfDay());
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code NAME.zip} and the same files unpacked into {@code NAME/} under {@code outDir}, replacing an earlier
     * release of the same name (only one this program wrote: a folder with its manifest and crate). Returns the zip's path.
     */
    public Path write(Path outDir) {
        Path folder = outDir.resolve(name());
        Path zipFile = outDir.resolve(name() + ".zip");
        try {
            Files.createDirectories(outDir);
            if (Files.exists(folder)) {
                if (!Files.isRegularFile(folder.resolve(MANIFEST)) || !Files.isRegularFile(folder.resolve(Metadata.RO_CRATE)))
                    throw new ConfigException("Refusing to replace " + folder + ": it holds no " + MANIFEST + " and " + Metadata.RO_CRATE
                            + "; expected a new folder or a release this program wrote");
                try (Stream<Path> s = Files.walk(folder)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList())
                        Files.delete(p);
                }
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = folder.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Files.write(zipFile, zip());
        } catch (IOException e) {
            throw new KgException(outDir + ": cannot write the release: " + e.getMessage(), e);
        }
        return zipFile;
    }

    /** "sha256  path" lines in path order (what {@code sha256sum -c} reads), of every file but the manifest. */
    static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(files).forEach((name, bytes) -> {
            if (!name.equals(MANIFEST))
                sb.append(Sha256.hex(bytes)).append("  ").append(name).append('\n');
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String literal(Graph g, Node s, Node p, String name, String expected) {
        List<Node> values = g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList();
        if (values.size() != 1 || !values.get(0).isLiteral())
            throw new ConfigException("<" + s.getURI() + "> has " + values.size() + " " + name + " literal(s) in the graph built from "
                    + "ontology/ and data/; expected exactly one: " + expected);
        return values.get(0).getLiteralLexicalForm();
    }

    private static void copyFolder(Path projectDir, String folder, String extension, Map<String, byte[]> files) {
        Path dir = projectDir.resolve(folder);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(extension) && Files.isRegularFile(p)).sorted().forEach(found::add);
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot be listed (" + e.getMessage() + "); expected the project's " + folder + "/ folder");
        }
        for (Path p : found)
            files.put(folder + "/" + p.getFileName(), read(p, "a file of " + folder + "/"));
    }

    private static byte[] read(Path p, String what) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ConfigException(p + ": cannot be read (" + e.getMessage() + "); expected " + what);
        }
    }
}
