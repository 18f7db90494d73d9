package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Wikidata entities, {@code wd:} = {@code http://www.wikidata.org/entity/}. */
public final class WD {
    private WD() {}

    public static final String PREFIX = "wd";
    public static final String NS = "http://www.wikidata.org/entity/";

    /** The entity of an item identifier such as Q855. */
    public static Node item(String qid) {
        return NodeFactory.createURI(NS + qid);
    }
}
