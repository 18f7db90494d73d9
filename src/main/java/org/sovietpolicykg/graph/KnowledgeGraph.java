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
        List<MentionFinder.Mention> mentions, List<Anchors.Span> anchored, String baseIri) {}
