package org.sovietpolicykg.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.reconcile.Reconciler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile FILE.csv --column NAME}: matches the names of one column of a researcher's CSV file to the graph's
 * entities, as the reconciliation service does, and writes a copy beside it, {@code FILE.reconciled.csv} (or
 * {@code --output}; or, only when asked with {@code --in-place}, the file itself), with five columns added to every row: the entity's IRI, its Wikidata QID, the score, the match type (exact, alias, essay variant,
 * partial, fuzzy) and whether the match is certain. A row whose name matches nothing gets empty cells.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Match the names in a column of a CSV file to the graph's entities; write a copy, FILE.reconciled.csv, with IRI, QID, score and match type.")
final class ReconcileCommand implements Callable<Integer> {
    static final List<String> ADDED = List.of("kg_iri", "kg_qid", "kg_score", "kg_match_type", "kg_match");

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "A CSV file with a header row (UTF-8)")
    Path file;

    @Option(names = "--column", required = true, paramLabel = "NAME", description = "The header of the column with the names")
    String column;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only entities of this class, e.g. Person, Historian, State")
    String type;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of FILE.reconciled.csv (never the input: use --in-place)")
    Path out;

    @Option(names = "--in-place", description = "Replace FILE.csv itself (atomically) instead of writing a copy")
    boolean inPlace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (inPlace && out != null)
            throw new BadRequestException("--in-place and --output " + out + " both say where to write; expected one of them");
        Path target = inPlace ? file : out != null ? out : reconciledName(file);
        if (!inPlace && Files.exists(target) && Files.isSameFile(target, file))
            throw new BadRequestException("--output " + out + " is the input file itself; to replace it, say --in-place");
        KgConfig config = project.config();
        List<String> header;
        List<CSVRecord> rows;
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = in.parse(r)) {
            header = p.getHeaderNames();
            rows = p.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadRequestException(file + ": cannot read it as CSV with a header row: " + e.getMessage());
        }
        if (!header.contains(column))
            throw new BadRequestException(file + ":1: no column '" + column + "'; expected one of " + String.join(", ", header));
        for (String added : ADDED)
            if (header.contains(added))
                throw new BadRequestException(file + ":1: the file already has a column '" + added
                        + "' (reconciled before?); expected a file without the columns " + String.join(", ", ADDED));
        Reconciler reconciler = Reconciler.of(Datasets.unionView(GraphBuilder.of(config).build().dataset()), config.base());
        List<String> types = type == null ? List.of() : List.of(type);
        if (type != null && reconciler.types().stream().noneMatch(t -> t.id().equals(type)))
            throw new BadRequestException("Illegal --type " + type + ": expected one of "
                    + String.join(", ", reconciler.types().stream().map(Reconciler.Type::id).toList()));

        StringWriter text = new StringWriter();
        List<String> outHeader = new ArrayList<>(header);
        outHeader.addAll(ADDED);
        int matched = 0;
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(outHeader.toArray(String[]::new)).build().print(text)) {
            for (CSVRecord row : rows) {
                Map<String, String> values = row.toMap();
                List<String> cells = new ArrayList<>();
                for (String h : header)
                    cells.add(values.getOrDefault(h, ""));
                List<Reconciler.Candidate> best = reconciler.reconcile(values.getOrDefault(column, ""), types, 1);
                if (best.isEmpty()) {
                    cells.addAll(List.of("", "", "", "", "false"));
                } else {
                    Reconciler.Candidate c = best.get(0);
                    cells.add(c.entity().iri());
                    cells.add(c.entity().qid().orElse(""));
                    cells.add(score(c.score()));
                    cells.add(c.type().label());
                    cells.add(Boolean.toString(c.match()));
                    if (c.match())
                        matched++;
                }
                printer.printRecord(cells);
            }
        }
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".reconcile-", ".csv");
        try {
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new KgException(target + ": cannot write it: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("Reconciled %d rows of %s (column '%s'): %d certain matches; wrote %s%n", rows.size(), file,
                column, matched, target);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code names.csv} → {@code names.reconciled.csv}, beside it; a name without {@code .csv} gets the ending added. */
    static Path reconciledName(Path file) {
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + ".reconciled.csv");
    }

    private static String score(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
