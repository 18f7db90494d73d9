package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** W3C PROV-O, {@code prov:} = {@code http://www.w3.org/ns/prov#}: the terms this project emits. */
public final class PROV {
    private PROV() {}

    public static final String PREFIX = "prov";
    public static final String NS = "http://www.w3.org/ns/prov#";

    private static Node t(String local) {
        return NodeFactory.createURI(NS + local);
    }

    public static final Node Entity = t("Entity");
    public static final Node value = t("value");
    public static final Node wasDerivedFrom = t("wasDerivedFrom");
}
