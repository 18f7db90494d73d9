package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * IRIs of the data, minted from curation ids: entities {@code <base>id/slug}, claims {@code <base>claim/slug},
 * statements, links, annotations, the text and the named graphs. The one place where data IRIs are made.
 */
public final class SPD {
    private SPD() {}

    public static final String PREFIX = "spd";
    public static final String BASE = BaseIri.DEFAULT_IRI;
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

    /** A source text of data/sources/NAME: {@code <base>text/NAME} (the essay: {@code <base>text/essay}). */
    public static Node text(String source) {
        return iri(BASE + "text/" + source);
    }

    public static Node paragraph(String source, int p) {
        return iri(BASE + "text/" + source + "/p" + p);
    }

    public static Node sentence(String source, int p, int s) {
        return iri(BASE + "text/" + source + "/p" + p + "/s" + s);
    }

    /**
     * The annotation of a mention of an entity at a code point offset of a source text. The essay's mentions keep the
     * IRIs they were published with, from before there was more than one source ({@code anno/mention/stalin-at-120});
     * every other source's name the source ({@code anno/mention/NAME/stalin-at-120}).
     */
    public static Node mention(String source, String entityId, int start) {
        return annotation("mention", (source.equals(FIRST_SOURCE) ? "" : source + "/") + entityId + "-at-" + start);
    }

    /** The source whose IRIs were published before there were several: {@code data/sources/essay}. */
    public static final String FIRST_SOURCE = "essay";

    public static final Node ESSAY_AUTHOR = entity("essay-author");
    public static final Node CURATORS = entity("curators");

    public static final Node GRAPH_ONTOLOGY = iri(BASE + "graph/ontology");
    public static final Node GRAPH_SOURCE = iri(BASE + "graph/source");
    public static final Node GRAPH_CURATED = iri(BASE + "graph/curated");
    public static final Node GRAPH_ENRICHMENT = iri(BASE + "graph/enrichment");
    /** The RDFS entailments of the other graphs (superclass types, superproperty triples), made by the build. */
    public static final Node GRAPH_INFERRED = iri(BASE + "graph/inferred");
    /** Wikidata's own statements about the linked items, as Wikidata states them (data/enrichment/wikidata-extract.ttl). */
    public static final Node GRAPH_WIKIDATA = iri(BASE + "graph/wikidata");

    private static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
