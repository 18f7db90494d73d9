package org.sovietpolicykg.dataset;

import java.util.function.Consumer;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;

/** Counting queries over a dataset, for the descriptions of it (VoID, the Service Description), inside the caller's read transaction. */
public final class Counts {
    private Counts() {}

    /** The {@code ?n} of a query's one row. */
    public static long count(Dataset d, String q) {
        try (QueryExecution qe = QueryExecution.dataset(d).query(q).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    /** Each row of a query. */
    public static void each(Dataset d, String q, Consumer<QuerySolution> f) {
        try (QueryExecution qe = QueryExecution.dataset(d).query(q).build()) {
            qe.execSelect().forEachRemaining(f);
        }
    }
}
