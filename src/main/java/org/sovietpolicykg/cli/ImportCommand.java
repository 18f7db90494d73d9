package org.sovietpolicykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.CurationReader;
import org.sovietpolicykg.curation.Ref;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.interchange.AnnotationImport;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;
import org.sovietpolicykg.vocabulary.SPO;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE --source NAME}: the annotations an annotation tool exported (W3C Web Annotations as Recogito and
 * Hypothesis write them, or INCEpTION's WebAnno TSV 3.3) checked against the source's text and turned into a curation
 * file of it, {@code data/sources/NAME/curation/import-FILE.yaml}, which the build reads like any other: the entities
 * new to the project, each with the forms the text uses as its names, marked as unreviewed. Passages that name an
 * entity the project has, by a name it has, need nothing (the build finds them); a new form of a known entity is
 * printed for the curator to add. Every problem (a position that selects another passage than the quote, a quote not
 * in the text, a TSV of another version) is reported with its file:line, all together, and nothing is written; an
 * existing file is never overwritten.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a Web Annotation (Recogito, Hypothesis) or WebAnno TSV 3.3 (INCEpTION) export into a curation file of a source.")
final class ImportCommand implements Callable<Integer> {

    /** The classes whose shapes (ontology/shapes.ttl) ask for facts that no annotation gives, and what they ask for. */
    static final Map<String, String> NEEDS = Map.of("Policy", "its sphere (sphere: [domestic] or [foreign])", "Doctrine",
            "its sphere (sphere: [domestic] or [foreign])", "Event", "its time (when: {text: ..., from: ..., to: ...})", "Decision",
            "its time (when: {text: ..., from: ..., to: ...})");

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The export: Web Annotation JSON-LD (.json, .jsonld) or WebAnno TSV 3.3 (.tsv)")
    Path file;

    @Option(names = "--source", required = true, paramLabel = "NAME", description = "The source the annotations are of (data/sources/NAME/)")
    String source;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of data/sources/NAME/curation/import-FILE.yaml (never over a file)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.config().projectDir();
        if (!Files.isRegularFile(file))
            throw new BadRequestException(file + ": no such file; expected an export of annotations");
        // the project's declarations, for the entities it already has (its own problems are the build's to report)
        Curation curation = new CurationReader(dir, new Problems()).read();
        TextCuration tc = source(curation, source);
        Problems problems = new Problems();
        String folder = tc.folder();
        Path textFile = dir.resolve(folder).resolve(tc.record().file().value());
        SourceText text;
        try {
            text = SourceText.read(textFile);
        } catch (KgException e) {
            throw new BadRequestException(folder + "/" + tc.record().file().value() + ": " + e.getMessage().replaceFirst("^[^:]*: ", ""));
        }
        if (!text.sha256().equals(tc.record().sha256().value()))
            problems.add(tc.record().sha256().loc().problem("the text " + tc.record().file().value() + " has the sha256 "
                    + text.sha256() + ", not the one its record gives; expected the text its record was made for"));
        String display = file.toString();
        Segmentation segments = Segmentation.of(text);
        AnnotationImport.Read read = AnnotationImport.read(file, display, text, segments, project.config().base(), problems);
        AnnotationImport.Known known = AnnotationImport.Known.of(curation.entities(), curation.wikidata());
        Graph ontology = ontology(dir);
        AnnotationImport.Proposal proposal = AnnotationImport.propose(read.mentions(), known, names(ontology, OWL.Class), NEEDS,
                file.getFileName().toString(), problems);
        proposal = AnnotationImport.withStatements(proposal, read.relations(), names(ontology, OWL.ObjectProperty),
                tc.record().author().map(Ref::value), folder + "/" + CurationReader.SOURCE_RECORD, segments, stem(file),
                file.getFileName().toString(), problems);
        problems.throwIfAny("import " + file + " (nothing was written)");

        Path target = out != null ? out : dir.resolve(folder).resolve(CurationReader.CURATION_DIR).resolve("import-" + stem(file) + ".yaml");
        if (Files.exists(target))
            throw new BadRequestException(target + " exists; import never overwrites a file: remove it or give --output");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, yaml(proposal.document()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("Read %d mentions from %s against %s; %d of them name a known entity by a name it has (the build finds those as they are)%n",
                proposal.mentions(), file, folder + "/" + tc.record().file().value(), proposal.ofKnownByTheirNames());
        w.printf("Wrote %s: %d proposed entities, %d statements (with %d claims of the text's author), all reviewed: false%n", target.normalize(),
                proposal.entities().size(), proposal.statements().size(), proposal.claims().size());
        for (Map<String, Object> e : proposal.entities())
            w.printf("  %s (%s): %s%n", e.get("id"), e.get("type"), e.get("names"));
        for (Map<String, Object> st : proposal.statements())
            w.printf("  %s %s %s: \"%s\"%n", st.get("subject"), st.get("predicate"), st.get("object"), st.get("quote"));
        if (!proposal.newNamesOfKnown().isEmpty()) {
            w.println("New names of known entities, to add by hand to their declarations (names: or variants:):");
            proposal.newNamesOfKnown().forEach((id, forms) -> w.printf("  %s: %s%n", id, forms));
        }
        w.flush();
        return 0;
    }

    /** The source {@code name} of the project, or a 400 that names the sources there are. */
    static TextCuration source(Curation curation, String name) {
        return curation.texts().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadRequestException("No source " + name + ": expected a folder " + CurationReader.SOURCES_DIR + "/" + name
                        + "/ with its text and " + CurationReader.SOURCE_RECORD + "; the sources are "
                        + curation.texts().stream().map(TextCuration::name).toList()));
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.indexOf('.');
        return AnnotationImport.slug(dot > 0 ? n.substring(0, dot) : n);
    }

    /** The ontology's files, read once. */
    static Graph ontology(Path dir) {
        Graph g = GraphFactory.createDefaultGraph();
        try (Stream<Path> s = Files.list(dir.resolve("ontology"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList())
                RDFParser.source(f).parse(g);
        } catch (IOException e) {
            throw new KgException("ontology/: cannot be read: " + e.getMessage(), e);
        }
        return g;
    }

    /** The local names of the ontology's resources of a type: the classes a tag may name, the relations a label may name. */
    static Set<String> names(Graph ontology, Resource type) {
        Set<String> names = new TreeSet<>();
        ontology.find(Node.ANY, RDF.type.asNode(), type.asNode()).mapWith(Triple::getSubject).forEachRemaining(c -> {
            if (c.isURI() && c.getURI().startsWith(SPO.NS))
                names.add(c.getURI().substring(SPO.NS.length()));
        });
        return names;
    }

    static String yaml(Object doc) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(120);
        o.setAllowUnicode(true);
        return new Yaml(o).dump(doc);
    }
}
