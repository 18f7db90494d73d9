package org.sovietpolicykg.queries;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Jena TDB2 (an in-memory location), loaded from the build's N-Quads, with unionDefaultGraph. */
class Tdb2QueryContractTest extends AbstractQueryContractTest {
    static Dataset tdb;

    @BeforeAll
    static void load() {
        tdb = TDB2Factory.createDataset();
        Txn.executeWrite(tdb, () -> RDFParser.source(new ByteArrayInputStream(nquads())).lang(Lang.NQUADS).parse(tdb.asDatasetGraph()));
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    @Override
    List<Map<String, String>> select(String text, boolean ask) {
        return Txn.calculateRead(tdb, () -> {
            try (QueryExecution qe = QueryExecution.dataset(tdb).query(text).build()) {
                if (ask)
                    return List.of(Map.of("boolean", Boolean.toString(qe.execAsk())));
                return Rows.of(qe.execSelect());
            }
        });
    }

    @Override
    Set<String> construct(String text) {
        return Txn.calculateRead(tdb, () -> {
            try (QueryExecution qe = QueryExecution.dataset(tdb).query(text).build()) {
                return normalised(text.contains("DESCRIBE") ? qe.execDescribe().getGraph() : qe.execConstruct().getGraph());
            }
        });
    }
}
