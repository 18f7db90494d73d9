package org.sovietpolicykg.graph;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The built, validated dataset with what it was built from: the curation and, for each source text, its
 * segmentation, the mentions found and the spans that anchors resolved to (for the coverage report), all under one
 * base IRI. Named graphs: see {@code SPD.GRAPH_*}.
 */
public record KnowledgeGraph(DatasetGraph dataset, List<Text> texts, Curation curation, BaseIri baseIri) {

    /** One source text of the graph: its folder's curation, its segmentation, its mentions and its anchors. */
    public record Text(TextCuration curation, Segmentation text, List<MentionFinder.Mention> mentions,
            List<Anchors.Anchored> anchored) {
        public String name() {
            return curation.name();
        }
    }

    /** A named graph by its name under the default base (e.g. {@code SPD.GRAPH_CURATED}), wherever the base is now. */
    public Graph graph(Node defaultName) {
        return dataset.getGraph(baseIri.node(defaultName));
    }

    /** A source text by its name (its folder under data/sources/). */
    public Text text(String name) {
        return texts.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No source text named " + name));
    }
}
