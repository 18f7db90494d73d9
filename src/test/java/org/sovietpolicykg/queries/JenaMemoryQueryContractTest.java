package org.sovietpolicykg.queries;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

/** The contract on Jena's in-memory dataset, as the server queries it (default graph = union of the named graphs). */
class JenaMemoryQueryContractTest extends AbstractQueryContractTest {
    static DatasetGraph dsg;

    @BeforeAll
    static void load() throws IOException {
        dsg = TestGraphs.queryable();
        if (Boolean.getBoolean("golden.update")) {
            writeGoldens();
            // a run that writes the goldens compares nothing: it fails, so that no one mistakes it for a pass
            fail("goldens updated in " + GOLDEN + "; review the diff (git diff " + GOLDEN + ") and rerun without -Dgolden.update");
        }
    }

    @Override
    List<Map<String, String>> select(String text, boolean ask) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(text).build()) {
            if (ask)
                return List.of(Map.of("boolean", Boolean.toString(qe.execAsk())));
            return Rows.of(qe.execSelect());
        }
    }

    @Override
    Set<String> construct(String text) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(text).build()) {
            return normalised(text.contains("DESCRIBE") ? qe.execDescribe().getGraph() : qe.execConstruct().getGraph());
        }
    }

    static void writeGoldens() throws IOException {
        Files.createDirectories(GOLDEN);
        for (CannedQuery q : CATALOG.all()) {
            if (q.isFederated() || q.usesTextIndex())
                continue; // answered by another endpoint (FederationTest), or by the text index (SearchTest)
            var bound = QueryBinder.bind(q, Map.of(), BaseIri.DEFAULT);
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(bound).build()) {
                if (bound.isSelectType()) {
                    try (OutputStream out = Files.newOutputStream(GOLDEN.resolve(q.name() + ".srj"))) {
                        ResultSetMgr.write(out, qe.execSelect(), ResultSetLang.RS_JSON);
                    }
                } else if (bound.isAskType()) {
                    try (OutputStream out = Files.newOutputStream(GOLDEN.resolve(q.name() + ".srj"))) {
                        ResultSetMgr.write(out, qe.execAsk(), ResultSetLang.RS_JSON);
                    }
                } else {
                    try (OutputStream out = Files.newOutputStream(GOLDEN.resolve(q.name() + ".nt"))) {
                        RDFDataMgr.write(out, bound.isDescribeType() ? qe.execDescribe().getGraph() : qe.execConstruct().getGraph(), Lang.NTRIPLES);
                    }
                }
            }
        }
    }
}
