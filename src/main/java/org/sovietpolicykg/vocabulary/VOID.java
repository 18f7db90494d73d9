package org.sovietpolicykg.vocabulary;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The VoID vocabulary (W3C Interest Group Note, {@code http://rdfs.org/ns/void#}): the terms this project uses. */
public final class VOID {
    private VOID() {}

    public static final String PREFIX = "void";
    public static final String NS = "http://rdfs.org/ns/void#";

    public static final Resource Dataset = ResourceFactory.createResource(NS + "Dataset");
    public static final Resource Linkset = ResourceFactory.createResource(NS + "Linkset");
    public static final Property triples = p("triples");
    public static final Property entities = p("entities");
    public static final Property distinctSubjects = p("distinctSubjects");
    public static final Property distinctObjects = p("distinctObjects");
    public static final Property classes = p("classes");
    public static final Property properties = p("properties");
    public static final Property classPartition = p("classPartition");
    public static final Property propertyPartition = p("propertyPartition");
    public static final Property clazz = p("class");
    public static final Property property = p("property");
    public static final Property subset = p("subset");
    public static final Property sparqlEndpoint = p("sparqlEndpoint");
    public static final Property dataDump = p("dataDump");
    public static final Property uriSpace = p("uriSpace");
    public static final Property linkPredicate = p("linkPredicate");
    public static final Property subjectsTarget = p("subjectsTarget");
    public static final Property objectsTarget = p("objectsTarget");
    public static final Property vocabulary = p("vocabulary");

    private static Property p(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
