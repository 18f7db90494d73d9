package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.sovietpolicykg.config.Settings;

/**
 * IRIs of the data, minted from curation ids: entities {@code <base>id/slug}, claims {@code <base>claim/slug},
 * statements, links, annotations, the text and the named graphs. The one place where data IRIs are made.
 */
public final class SPD {
    private SPD() {}

    public static final String PREFIX = "spd";
    public static final String BASE = Settings.DEFAULT_BASE;
    public static final String NS = BASE + "id/";

    public static Node entity(String id) {
        return iri(NS + id);
    }

    public static Node claim(String id) {
        return iri(BASE + "claim/" + id);
    }

    public static Node statement(String id) {
        return iri(BASE + "statement/" + id);
    }

    public static Node link(String id) {
        return iri(BASE + "link/" + id);
    }

    /** The record of an enrichment fact, e.g. {@code <base>enrichment/wikidata/stalin}. */
    public static Node enrichment(String kind, String id) {
        return iri(BASE + "enrichment/" + kind + "/" + id);
    }

    public static Node source(String id) {
        return iri(BASE + "source/" + id);
    }

    /** An annotation: kind is description, claim, statement, link or mention. */
    public static Node annotation(String kind, String id) {
        return iri(BASE + "anno/" + kind + "/" + id);
    }

    public static Node sub(Node parent, String part) {
        return iri(parent.getURI() + "/" + part);
    }

    public static final Node ESSAY = iri(BASE + "text/essay");

    public static Node paragraph(int p) {
        return iri(ESSAY.getURI() + "/p" + p);
    }

    public static Node sentence(int p, int s) {
        return iri(ESSAY.getURI() + "/p" + p + "/s" + s);
    }

    public static final Node ESSAY_AUTHOR = entity("essay-author");
    public static final Node CURATORS = entity("curators");

    public static final Node GRAPH_ONTOLOGY = iri(BASE + "graph/ontology");
    public static final Node GRAPH_SOURCE = iri(BASE + "graph/source");
    public static final Node GRAPH_CURATED = iri(BASE + "graph/curated");
    public static final Node GRAPH_ENRICHMENT = iri(BASE + "graph/enrichment");

    private static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
