package org.sovietpolicykg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.release.Release;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code release}: the citable bundle of the dataset, {@code soviet-policy-kg-VERSION.zip} and the same files unpacked
 * beside it, made from the sources alone (the same sources give the same zip, byte for byte).
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Build and validate the knowledge graph and write its citable release: soviet-policy-kg-VERSION.zip and the same files"
                + " unpacked (dumps, ontology and its documentation, context, VoID and DCAT, coverage, canned queries, Wikidata links,"
                + " licences, CITATION.cff, ro-crate-metadata.json, .zenodo.json, manifest.sha256). The version and date are the"
                + " ontology's owl:versionInfo and dcterms:modified.")
final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--out", paramLabel = "DIR", converter = Converters.Folder.class,
            description = "Where to write the release (default: target/release under the project folder)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KnowledgeGraph kg = project.build();
        Path projectDir = project.config().projectDir();
        // the canned queries go into the release: a broken one fails it, with its file:line
        QueryCatalog.load(projectDir, kg.baseIri());
        Release release = Release.of(kg, projectDir);
        Path dir = out != null ? out : projectDir.resolve("target").resolve("release");
        Path zip = release.write(dir);
        PrintWriter w = spec.commandLine().getOut();
        byte[] bytes = Files.readAllBytes(zip);
        w.printf("Wrote %s (%d files, %d bytes, sha256 %s) and the same files in %s%n", zip, release.files().size(), bytes.length,
                Sha256.hex(bytes), dir.resolve(release.name()));
        w.printf("Version %s of %s; cite it with %s%n", release.version(), release.date(), dir.resolve(release.name()).resolve("CITATION.cff"));
        w.flush();
        return 0;
    }
}
