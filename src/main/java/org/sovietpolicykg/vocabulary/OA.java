package org.sovietpolicykg.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** W3C Web Annotation vocabulary, {@code oa:} = {@code http://www.w3.org/ns/oa#}: the terms this project uses. */
public final class OA {
    private OA() {}

    public static final String PREFIX = "oa";
    public static final String NS = "http://www.w3.org/ns/oa#";

    private static Node t(String local) {
        return NodeFactory.createURI(NS + local);
    }

    public static final Node Annotation = t("Annotation");
    public static final Node SpecificResource = t("SpecificResource");
    public static final Node TextQuoteSelector = t("TextQuoteSelector");
    public static final Node TextPositionSelector = t("TextPositionSelector");
    public static final Node hasBody = t("hasBody");
    public static final Node hasTarget = t("hasTarget");
    public static final Node hasSource = t("hasSource");
    public static final Node hasSelector = t("hasSelector");
    public static final Node motivatedBy = t("motivatedBy");
    public static final Node exact = t("exact");
    public static final Node prefix = t("prefix");
    public static final Node suffix = t("suffix");
    public static final Node start = t("start");
    public static final Node end = t("end");
    public static final Node describing = t("describing");
    public static final Node identifying = t("identifying");
    public static final Node linking = t("linking");
}
