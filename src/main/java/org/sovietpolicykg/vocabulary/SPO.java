package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The project's ontology, {@code spo:} = {@code <base>ontology#}, as written in {@code ontology/soviet-policy.ttl}.
 * Only the terms the code itself emits are here; curation files name the rest by local name.
 */
public final class SPO {
    private SPO() {}

    public static final String PREFIX = "spo";
    public static final String ONTOLOGY_IRI = BaseIri.DEFAULT_IRI + "ontology";
    public static final String NS = ONTOLOGY_IRI + "#";

    public static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }

    // classes
    public static final Node Essay = term("Essay");
    public static final Node Paragraph = term("Paragraph");
    public static final Node Sentence = term("Sentence");
    public static final Node Mention = term("Mention");
    public static final Node Claim = term("Claim");
    public static final Node Statement = term("Statement");
    public static final Node DomesticForeignLink = term("DomesticForeignLink");
    public static final Node TimeSpan = term("TimeSpan");

    // text
    public static final Node index = term("index");
    public static final Node start = term("start");
    public static final Node end = term("end");
    public static final Node sha256 = term("sha256");
    public static final Node inParagraph = term("inParagraph");
    public static final Node inSentence = term("inSentence");
    public static final Node surfaceForm = term("surfaceForm");
    public static final Node isVariant = term("isVariant");

    // names
    public static final Node nameInEssay = term("nameInEssay");
    public static final Node variantSpelling = term("variantSpelling");
    public static final Node implicit = term("implicit");

    // time
    public static final Node timeSpan = term("timeSpan");
    public static final Node referenceTimeSpan = term("referenceTimeSpan");
    public static final Node essayPhrase = term("essayPhrase");
    public static final Node notBefore = term("notBefore");
    public static final Node notAfter = term("notAfter");
    public static final Node precision = term("precision");

    // claims, statements, links
    public static final Node claimedBy = term("claimedBy");
    public static final Node stance = term("stance");
    public static final Node evidence = term("evidence");
    public static final Node inWork = term("inWork");
    public static final Node about = term("about");
    public static final Node summary = term("summary");
    public static final Node isInterpretation = term("isInterpretation");
    public static final Node supports = term("supports");
    public static final Node qualifies = term("qualifies");
    public static final Node disputes = term("disputes");
    public static final Node hasAnchor = term("hasAnchor");
    public static final Node assertedIn = term("assertedIn");
    public static final Node interpretedIn = term("interpretedIn");
    public static final Node answers = term("answers");
    public static final Node modality = term("modality");
    public static final Node defaultModality = term("defaultModality");
    public static final Node CuratorsNote = term("CuratorsNote");
    public static final Node noteOn = term("noteOn");
    public static final Node domesticSide = term("domesticSide");
    public static final Node foreignSide = term("foreignSide");
    public static final Node relation = term("relation");
    public static final Node direction = term("direction");
    public static final Node shortcut = term("shortcut");
    public static final Node wikidata = term("wikidata");
    public static final Node wikidataCloseMatch = term("wikidataCloseMatch");
    public static final Node wikidataBroadMatch = term("wikidataBroadMatch");

    /** The property of a Wikidata link of a kind of match: exact, close or broad. */
    public static Node wikidataMatch(String kind) {
        return switch (kind) {
            case "close" -> wikidataCloseMatch;
            case "broad" -> wikidataBroadMatch;
            default -> wikidata;
        };
    }
    public static final Node CuratorTeam = term("CuratorTeam");
    public static final Node argumentRole = term("argumentRole");
    public static final Node thesis = term("thesis");
    public static final Node aboutActor = term("aboutActor");
    public static final Node aboutPolicy = term("aboutPolicy");
    public static final Node aboutEvent = term("aboutEvent");
    public static final Node Actor = term("Actor");
    public static final Node Policy = term("Policy");
    public static final Node Event = term("Event");

    // issue 25: reasons, episodes, relative times, name variants, readings, gaps
    public static final Node hasReason = term("hasReason");
    public static final Node heldBy = term("heldBy");
    public static final Node citesEpisode = term("citesEpisode");
    public static final Node TimeConstraint = term("TimeConstraint");
    public static final Node timeConstraint = term("timeConstraint");
    public static final Node temporalRelation = term("temporalRelation");
    public static final Node relativeTo = term("relativeTo");
    public static final Node NameVariant = term("NameVariant");
    public static final Node nameVariant = term("nameVariant");
    public static final Node variantKind = term("variantKind");
    public static final Node variantForm = term("variantForm");
    public static final Node AbsenceNote = term("AbsenceNote");
    public static final Node lacks = term("lacks");
    public static final Node reading = term("reading");
}
