package org.sovietpolicykg.graph;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

import org.sovietpolicykg.curation.Ref;

/**
 * What the other graphs of a build (source, enrichment) need of the curated graph's: the curation's ids resolved to
 * their nodes (a problem reported where one is unknown or of another kind), and time spans made one way.
 */
interface CuratedIds {
    Optional<Node> idOf(String kind, Ref r, String what);

    /** An id of any kind (entity, claim, statement or link). */
    Optional<Node> anyIdOf(Ref r, String what);

    void timeSpan(Graph g, Node owner, Node span, Node link, String phrase, Optional<Ref> from, Optional<Ref> to,
            Optional<Ref> precision, String what);
}
