package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The dataset the server queries (Datasets.unionView, and loadUnionView of the build's RDF Thrift): the essay's named
 * graphs as built, their union as the default graph, and a graph name that is not there reads as empty without being
 * made (a query naming a thousand graphs must not leave a thousand graphs behind).
 */
class ServedDatasetTest {
    static final String BASE = BaseIri.DEFAULT_IRI;

    @TempDir
    Path tmp;

    @Test
    void the_union_is_the_default_graph_and_the_named_graphs_are_as_built() {
        KnowledgeGraph kg = TestGraphs.real();
        DatasetGraph view = Datasets.unionView(kg.dataset());
        assertEquals(kg.dataset().getUnionGraph().size(), view.getDefaultGraph().size());
        assertEquals(graphs(kg.dataset()), graphs(view));
        for (Node g : graphs(kg.dataset()))
            assertEquals(kg.dataset().getGraph(g).size(), view.getGraph(g).size(), g.getURI());
        assertEquals("Maxim Litvinov", one(view, "SELECT ?l { <" + BASE + "id/litvinov> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"));
        assertEquals("Maxim Litvinov", one(view, "SELECT ?l { GRAPH <" + BASE + "graph/curated> { <" + BASE
                + "id/litvinov> <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"));
    }

    @Test
    void the_build_s_rdf_thrift_loads_into_the_same_dataset() throws IOException {
        KnowledgeGraph kg = TestGraphs.real();
        Path rt = tmp.resolve(DatasetWriter.THRIFT);
        try (OutputStream out = Files.newOutputStream(rt)) {
            DatasetWriter.contents(kg.dataset(), kg.baseIri()).get(DatasetWriter.THRIFT).writeTo(out);
        }
        DatasetGraph loaded = Datasets.loadUnionView(rt, kg.baseIri());
        DatasetGraph view = Datasets.unionView(kg.dataset());
        assertEquals(view.getDefaultGraph().size(), loaded.getDefaultGraph().size());
        assertEquals(graphs(view), graphs(loaded));
        for (Node g : graphs(view))
            assertEquals(view.getGraph(g).size(), loaded.getGraph(g).size(), g.getURI());
        assertEquals(BASE + "id/", loaded.prefixes().get("spd"));
    }

    @Test
    void a_graph_that_is_not_there_reads_as_empty_and_is_not_made() {
        DatasetGraph view = Datasets.unionView(TestGraphs.real().dataset());
        List<Node> before = graphs(view);
        for (int i = 0; i < 50; i++)
            assertEquals("0", one(view, "SELECT (COUNT(*) AS ?n) { GRAPH <" + BASE + "graph/none-" + i + "> { ?s ?p ?o } }"));
        Node none = NodeFactory.createURI(BASE + "graph/none-0");
        assertFalse(view.containsGraph(none));
        assertTrue(view.getGraph(none).isEmpty());
        assertEquals(before, graphs(view), "no graph made by asking for it");
    }

    static List<Node> graphs(DatasetGraph dsg) {
        List<Node> gs = new ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.listGraphNodes().forEachRemaining(gs::add));
        gs.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        return gs;
    }

    static String one(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            RowSet rows = QueryExec.dataset(dsg).query(query).select();
            Node n = rows.next().get(rows.getResultVars().get(0));
            return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
        });
    }
}
