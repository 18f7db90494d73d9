package org.sovietpolicykg.dataset;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.sovietpolicykg.graph.Rebase;
import org.sovietpolicykg.vocabulary.Prefixes;

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
        Txn.executeWrite(view, () -> named.find().forEachRemaining(q -> {
            view.add(q);
            view.getDefaultGraph().add(q.asTriple());
        }));
        named.prefixes().forEach((p, u) -> view.prefixes().add(p, u));
        return view;
    }

    /**
     * Loads a built dataset from its N-Quads straight into its queryable form ({@link #unionView}): the named graphs, and
     * their union as the default graph, in one pass and one transaction.
     */
    public static DatasetGraph loadUnionView(Path nquads, String baseIri) {
        DatasetGraph view = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(view, () -> RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                view.add(q);
                view.getDefaultGraph().add(q.asTriple());
            }
        }));
        Prefixes.standard(baseIri).forEach((p, uri) -> view.prefixes().add(p, uri));
        return view;
    }

    /** A named graph by its name under the default base (e.g. {@code SPD.GRAPH_ONTOLOGY}), under another base. */
    public static Graph graph(DatasetGraph named, org.apache.jena.graph.Node defaultName, String baseIri) {
        return named.getGraph(graphName(defaultName, baseIri));
    }

    /** A graph name under the default base, moved to another base. */
    public static org.apache.jena.graph.Node graphName(org.apache.jena.graph.Node defaultName, String baseIri) {
        return NodeFactory.createURI(Rebase.iri(defaultName.getURI(), baseIri));
    }
}
