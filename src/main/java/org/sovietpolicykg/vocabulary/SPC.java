package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The project's SKOS concepts, {@code spc:} = {@code <base>concept/}, as written in {@code ontology/concepts.ttl}. */
public final class SPC {
    private SPC() {}

    public static final String PREFIX = "spc";
    public static final String NS = BaseIri.DEFAULT_IRI + "concept/";

    public static Node concept(String slug) {
        return NodeFactory.createURI(NS + slug);
    }

    public static final Node domesticToForeign = concept("domestic-to-foreign");
    public static final String STANCES = NS + "stances";
    public static final String EVIDENCE_TYPES = NS + "evidence-types";
    public static final String LINK_RELATIONS = NS + "link-relations";
    public static final String DIRECTIONS = NS + "directions";
    public static final String PRECISIONS = NS + "precisions";
    public static final String ARGUMENT_ROLES = NS + "argument-roles";
    public static final String MODALITIES = NS + "modalities";
    public static final String TEMPORAL_RELATIONS = NS + "temporal-relations";
    public static final String VARIANT_KINDS = NS + "variant-kinds";
    public static final Node misspelling = concept("misspelling");
    public static final Node lacksWikidataLink = concept("wikidata-link");
    public static final Node lacksDate = concept("date");
    /** The argument role of the one claim that states a text's thesis. */
    public static final Node thesisRole = concept("thesis");
}
