package org.sovietpolicykg.vocabulary;

import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;

/** The prefixes written at the top of every output and offered to queries, in one place. */
public final class Prefixes {
    private Prefixes() {}

    /** The prefixes under another base IRI: our own namespaces move with it, the standard vocabularies stay. */
    public static PrefixMap standard(String baseIri) {
        PrefixMap pm = PrefixMapFactory.create();
        standard().forEach((p, uri) -> pm.add(p, uri.startsWith(SPD.BASE) ? baseIri + uri.substring(SPD.BASE.length()) : uri));
        return pm;
    }

    public static PrefixMap standard() {
        PrefixMap pm = PrefixMapFactory.create();
        pm.add(SPO.PREFIX, SPO.NS);
        pm.add(SPC.PREFIX, SPC.NS);
        pm.add(SPD.PREFIX, SPD.NS);
        pm.add("claim", SPD.BASE + "claim/");
        pm.add("link", SPD.BASE + "link/");
        pm.add("statement", SPD.BASE + "statement/");
        pm.add(OA.PREFIX, OA.NS);
        pm.add(PROV.PREFIX, PROV.NS);
        pm.add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        pm.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        pm.add("owl", "http://www.w3.org/2002/07/owl#");
        pm.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        pm.add("skos", "http://www.w3.org/2004/02/skos/core#");
        pm.add("dcterms", "http://purl.org/dc/terms/");
        pm.add("foaf", "http://xmlns.com/foaf/0.1/");
        pm.add("time", "http://www.w3.org/2006/time#");
        pm.add("crm", "http://www.cidoc-crm.org/cidoc-crm/");
        pm.add("hico", "http://purl.org/emmedi/hico/");
        pm.add("cito", "http://purl.org/spar/cito/");
        pm.add(WD.PREFIX, WD.NS);
        return pm;
    }
}
