package org.sovietpolicykg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The reconciliation's quality on names as researchers type them ({@code reconcile/names.csv}: the essay's people,
 * places, events and works misspelt, inverted, initialled, transliterated, in Cyrillic or German, and seven names the
 * essay does not have), without a type, as OpenRefine asks first. Goals: every certain match ({@code match: true},
 * what OpenRefine takes without asking) is right (precision 1.0), and the best candidate is the right one for at least
 * 95% of the names the essay has (top-1). Prints the figures and every name that misses.
 */
class ReconcilerBenchmarkTest {
    record Row(String name, String expected, String form) {}

    static Reconciler reconciler;
    static List<Row> rows = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        reconciler = Reconciler.of(TestGraphs.queryable(), BaseIri.DEFAULT);
        try (Reader r = new InputStreamReader(Objects.requireNonNull(ReconcilerBenchmarkTest.class.getResourceAsStream("/reconcile/names.csv")),
                StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r))
                rows.add(new Row(rec.get("name"), rec.get("expected"), rec.get("form")));
        }
    }

    @Test
    void certain_matches_are_all_right_and_the_best_candidate_is_right_for_95_percent() {
        int known = 0, top1 = 0, auto = 0, autoRight = 0, autoKnown = 0;
        List<String> misses = new ArrayList<>(), wrongAuto = new ArrayList<>();
        for (Row row : rows) {
            List<Reconciler.Candidate> c = reconciler.reconcile(row.name(), List.of(), 3);
            String best = c.isEmpty() ? "" : c.get(0).entity().id();
            boolean certain = !c.isEmpty() && c.get(0).match();
            if (!row.expected().isEmpty()) {
                known++;
                if (best.equals(row.expected()))
                    top1++;
                else
                    misses.add(row.name() + " (" + row.form() + "): best " + (best.isEmpty() ? "none" : best) + ", expected " + row.expected());
                if (certain)
                    autoKnown++;
            }
            if (certain) {
                auto++;
                if (best.equals(row.expected()))
                    autoRight++;
                else
                    wrongAuto.add(row.name() + " matched " + best + " without asking; expected " + (row.expected().isEmpty() ? "none" : row.expected()));
            } else if (!row.expected().isEmpty() && best.equals(row.expected())) {
                misses.add(row.name() + " (" + row.form() + "): right, but not certain (score " + c.get(0).score() + ", " + c.get(0).type().label() + ")");
            }
        }
        System.out.printf("reconciliation benchmark: %d names (%d the essay has, %d it has not); top-1 %d/%d = %.3f; "
                + "certain matches %d, right %d: precision %.3f; names the essay has matched without asking %d/%d = %.3f%n",
                rows.size(), known, rows.size() - known, top1, known, (double) top1 / known, auto, autoRight,
                auto == 0 ? 1.0 : (double) autoRight / auto, autoKnown, known, (double) autoKnown / known);
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(rows.size() >= 40, "at least 40 names: " + rows.size());
        assertEquals(List.of(), wrongAuto, "precision of certain matches: 1.0");
        assertTrue((double) top1 / known >= 0.95, "top-1 at least 0.95: " + top1 + "/" + known + "; " + misses);
    }
}
