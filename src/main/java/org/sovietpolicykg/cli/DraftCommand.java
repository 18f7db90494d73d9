package org.sovietpolicykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.CurationReader;
import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.draft.Draft;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code draft NAME}: a first curation of a new source ({@code data/sources/NAME/} with its text and
 * {@code source.yaml}), written to {@code curation/draft.yaml} (never over a file {@code draft} did not write) and
 * summarised: the known entities' mentions, the forms the text uses for known entities that they do not have yet, the
 * candidate entities with their sentences, a class and Wikidata candidates (from the reconciliation index; with
 * {@code --wikidata URL}, also from a Wikidata-compatible {@code wbsearchentities} API; offline by default), the years,
 * and the sentences nothing was found in. The known entities are those the rest of the project declares (it is built
 * without this source for the reconciliation index).
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft the curation of a new source: known entities and their new names, candidate entities, years; writes curation/draft.yaml.")
final class DraftCommand implements Callable<Integer> {
    static final String FILE = "draft.yaml";

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "NAME", description = "The source: data/sources/NAME/")
    String source;

    @Option(names = "--wikidata", paramLabel = "URL", description = "A Wikidata-compatible API (e.g. https://www.wikidata.org/w/api.php) for candidates; none by default")
    URI wikidata;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = project.config().projectDir();
        Curation curation = new CurationReader(dir, new Problems()).read();
        TextCuration tc = ImportCommand.source(curation, source);
        String folder = tc.folder();
        Problems problems = new Problems();
        SourceText text = null;
        try {
            text = SourceText.read(dir.resolve(folder).resolve(tc.record().file().value()));
            if (!text.sha256().equals(tc.record().sha256().value()))
                problems.add(tc.record().sha256().loc().problem("the text " + tc.record().file().value() + " has the sha256 "
                        + text.sha256() + ", not the one this record gives; expected the sha256 of the text (sha256sum "
                        + tc.record().file().value() + ")"));
        } catch (KgException e) {
            problems.add(tc.record().file().loc().problem(e.getMessage().replaceFirst("^[^:]*: ", "") + "; expected a UTF-8 text"));
        }
        Path target = dir.resolve(folder).resolve(CurationReader.CURATION_DIR).resolve(FILE);
        if (Files.exists(target) && !Files.readString(target, StandardCharsets.UTF_8).startsWith(Draft.MARK))
            problems.add(folder + "/" + CurationReader.CURATION_DIR + "/" + FILE, 1, 1, "exists and was not written by draft; expected no such"
                    + " file (draft never overwrites a curator's file): rename it");
        problems.throwIfAny("draft " + source + " (nothing was written)");

        Path copy = without(dir, folder);
        Reconciler reconciler;
        try {
            KnowledgeGraph rest = GraphBuilder.create().projectDir(copy).baseIri(project.config().base()).build();
            reconciler = Reconciler.of(Datasets.unionView(rest.dataset()), project.config().base());
        } finally {
            deleteTree(copy);
        }
        List<Declarations.Entity> known = curation.texts().stream().filter(t -> !t.name().equals(source))
                .flatMap(t -> t.entities().stream()).toList();
        Draft d = Draft.of(text, Segmentation.of(text), known, reconciler, wikidata == null ? name -> List.of() : search(wikidata));
        Files.createDirectories(target.getParent());
        Files.writeString(target, Draft.MARK + "\n" + ImportCommand.yaml(d.document()), StandardCharsets.UTF_8);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Draft of " + folder + "/" + tc.record().file().value() + " (" + target.normalize() + "):");
        d.summary().forEach(l -> w.println("  " + l));
        w.flush();
        return 0;
    }

    /** A copy of the project without one source (its ontology and data), for the index of what the rest knows. */
    static Path without(Path dir, String folder) throws IOException {
        Path tmp = Files.createTempDirectory("draft-");
        for (String top : List.of("ontology", "data"))
            try (Stream<Path> s = Files.walk(dir.resolve(top))) {
                for (Path p : s.toList()) {
                    Path rel = dir.relativize(p);
                    if (rel.startsWith(Path.of(folder)))
                        continue;
                    Path to = tmp.resolve(rel.toString());
                    if (Files.isDirectory(p))
                        Files.createDirectories(to);
                    else
                        Files.copy(p, to);
                }
            }
        return tmp;
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(x);
        }
    }

    /** Wikidata candidates of a name from a Wikidata-compatible API ({@code action=wbsearchentities}). */
    static Function<String, List<String>> search(URI api) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        return name -> {
            URI u = URI.create(api + (api.toString().contains("?") ? "&" : "?") + "action=wbsearchentities&format=json&language=en&type=item&limit=3&search="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10))
                        .header("User-Agent", "soviet-policy-kg draft").build(), HttpResponse.BodyHandlers.ofString());
                List<String> out = new ArrayList<>();
                if (r.statusCode() == 200)
                    for (JsonNode hit : json.readTree(r.body()).path("search"))
                        out.add(hit.path("id").asText() + " (" + hit.path("label").asText() + (hit.has("description") ? ", "
                                + hit.path("description").asText() : "") + ")");
                return out;
            } catch (IOException e) {
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        };
    }
}
