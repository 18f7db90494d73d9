package org.sovietpolicykg.graph;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.text.Segmentation;

/**
 * The built, validated dataset with what it was built from: the essay's segmentation, the curation, the mentions
 * found and the spans that anchors resolved to (for the coverage report). Named graphs: see {@code SPD.GRAPH_*}.
 */
public record KnowledgeGraph(DatasetGraph dataset, Segmentation text, Curation curation,
        List<MentionFinder.Mention> mentions, List<Anchors.Anchored> anchored, String baseIri) {

    /** The dataset as queries see it: the union of the named graphs as the default graph. */
    public DatasetGraph queryable() {
        return org.sovietpolicykg.dataset.Datasets.unionView(dataset);
    }

    /** A named graph by its name under the default base (e.g. {@code SPD.GRAPH_CURATED}), wherever the base is now. */
    public org.apache.jena.graph.Graph graph(org.apache.jena.graph.Node defaultName) {
        return org.sovietpolicykg.dataset.Datasets.graph(dataset, defaultName, baseIri);
    }

    /** A graph name under the default base, moved to this graph's base. */
    public org.apache.jena.graph.Node graphName(org.apache.jena.graph.Node defaultName) {
        return org.sovietpolicykg.dataset.Datasets.graphName(defaultName, baseIri);
    }
}
