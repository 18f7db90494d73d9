package org.sovietpolicykg.dataset;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;

/** Counts for the build's summary: triples per named graph, and entities per class in the curated graph. */
public record Statistics(Map<String, Long> triplesPerGraph, Map<String, Long> instancesPerClass) {

    public static Statistics of(DatasetGraph dsg, Node curatedGraph) {
        Map<String, Long> triples = new TreeMap<>();
        dsg.listGraphNodes().forEachRemaining(g -> triples.put(g.getURI(), (long) dsg.getGraph(g).size()));
        Map<String, Long> classes = new TreeMap<>();
        dsg.getGraph(curatedGraph).find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .forEachRemaining(t -> classes.merge(t.getObject().getURI(), 1L, Long::sum));
        return new Statistics(triples, classes);
    }

    public long totalTriples() {
        return triplesPerGraph.values().stream().mapToLong(Long::longValue).sum();
    }
}
