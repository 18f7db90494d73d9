package org.sovietpolicykg.dataset;

import java.nio.file.Path;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.sovietpolicykg.vocabulary.BaseIri;

/** Helpers for the datasets the project builds, loads and serves. */
public final class Datasets {
    private Datasets() {}

    /**
     * The dataset as queries see it: the named graphs as they are and, as the default graph, their union (a copy:
     * about 10,000 triples), as RDF4J and TDB2 (with unionDefaultGraph) also present it, so that a query needs no GRAPH
     * clause. A transactional in-memory dataset of its own, so any engine can query it, and asking for a graph that
     * does not exist creates nothing.
     */
    public static DatasetGraph unionView(DatasetGraph named) {
        DatasetGraph view = DatasetGraphFactory.createTxnMem();
        // one write transaction, not one per quad
        Txn.executeWrite(view, () -> named.find().forEachRemaining(q -> addWithUnion(view, q)));
        named.prefixes().forEach((p, u) -> view.prefixes().add(p, u));
        return view;
    }

    /**
     * Loads a built dataset from its N-Quads or RDF Thrift (by the file's extension) straight into its queryable form
     * ({@link #unionView}): the named graphs, and their union as the default graph, in one pass and one transaction.
     */
    public static DatasetGraph loadUnionView(Path quads, BaseIri baseIri) {
        Lang lang = quads.getFileName().toString().endsWith(".rt") ? Lang.RDFTHRIFT : Lang.NQUADS;
        DatasetGraph view = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(view, () -> RDFParser.source(quads).lang(lang).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                addWithUnion(view, q);
            }
        }));
        baseIri.prefixes().forEach((p, uri) -> view.prefixes().add(p, uri));
        return view;
    }

    private static void addWithUnion(DatasetGraph view, Quad q) {
        view.add(q);
        view.getDefaultGraph().add(q.asTriple());
    }
}
