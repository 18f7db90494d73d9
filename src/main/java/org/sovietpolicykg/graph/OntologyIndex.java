package org.sovietpolicykg.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import org.sovietpolicykg.vocabulary.SPC;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * What the ontology files declare, looked up by the local names and slugs that curation files use:
 * classes and properties of {@code spo:}, concepts of {@code spc:} and the schemes they are in.
 * The curation format is driven by it: a new class, property or concept in ontology/ is usable at once.
 */
public final class OntologyIndex {

    /** How a property of the ontology takes its values. */
    public enum PropertyKind { OBJECT, DATATYPE, ANNOTATION }


    private final Graph ontology;
    private final Graph shapes;

    /** The ontology, and the SHACL shapes (which give the datatypes that OWL 2 DL cannot state, e.g. xsd:gYear). */
    public OntologyIndex(Graph ontology, Graph shapes) {
        this.ontology = ontology;
        this.shapes = shapes;
    }

    public Graph graph() {
        return ontology;
    }

    public boolean isClass(String localName) {
        return ontology.contains(SPO.term(localName), RDF.type.asNode(), OWL2.Class.asNode());
    }

    public Optional<PropertyKind> propertyKind(String localName) {
        Node p = SPO.term(localName);
        if (ontology.contains(p, RDF.type.asNode(), OWL2.ObjectProperty.asNode()))
            return Optional.of(PropertyKind.OBJECT);
        if (ontology.contains(p, RDF.type.asNode(), OWL2.DatatypeProperty.asNode()))
            return Optional.of(PropertyKind.DATATYPE);
        if (ontology.contains(p, RDF.type.asNode(), OWL2.AnnotationProperty.asNode()))
            return Optional.of(PropertyKind.ANNOTATION);
        return Optional.empty();
    }

    /** The declared rdfs:range of a property, when it is a single IRI. */
    public Optional<String> range(String localName) {
        return ontology.find(SPO.term(localName), RDFS.range.asNode(), Node.ANY).toList().stream()
                .map(t -> t.getObject()).filter(Node::isURI).map(Node::getURI).sorted().findFirst();
    }

    /**
     * The datatype of a datatype property's values: its rdfs:range, or else the sh:datatype that the shapes give
     * for it (OWL 2 DL has no xsd:gYear, so the ontology leaves such ranges to SHACL).
     */
    public Optional<String> datatype(String localName) {
        Optional<String> r = range(localName);
        if (r.isPresent())
            return r;
        return shapes.find(Node.ANY, SHACL.path, SPO.term(localName)).toList().stream()
                .flatMap(t -> shapes.find(t.getSubject(), SHACL.datatype, Node.ANY).toList().stream())
                .map(t -> t.getObject()).filter(Node::isURI).map(Node::getURI).sorted().findFirst();
    }

    /** The concept {@code spc:slug}, if the ontology declares it as a skos:Concept. */
    public Optional<Node> concept(String slug) {
        Node c = SPC.concept(slug);
        return ontology.contains(c, RDF.type.asNode(), SKOS.Concept.asNode()) ? Optional.of(c) : Optional.empty();
    }

    public boolean inScheme(Node concept, String schemeIri) {
        return ontology.contains(concept, SKOS.inScheme.asNode(), NodeFactory.createURI(schemeIri));
    }

    /** The slugs of a scheme's concepts, sorted, for messages that say what was expected. */
    public Set<String> conceptsOf(String schemeIri) {
        return ontology.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(schemeIri)).toList().stream()
                .map(t -> t.getSubject().getURI().substring(SPC.NS.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The modality a stance gives the records of its claims by default ({@code spo:defaultModality} on the stance). */
    public Optional<Node> modalityOf(Node stance) {
        return ontology.find(stance, SPO.defaultModality, Node.ANY).toList().stream().map(t -> t.getObject())
                .filter(Node::isURI).findFirst();
    }

    /** The shortcut property of a link-relation concept ({@code spo:shortcut}). */
    public Optional<Node> shortcut(Node concept) {
        return ontology.find(concept, SPO.shortcut, Node.ANY).toList().stream().map(t -> t.getObject())
                .filter(Node::isURI).findFirst();
    }

    /** The property local names of spo: that a curation file may use on entities, for messages. */
    public Set<String> entityProperties() {
        return ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList().stream()
                .filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(SPO.NS))
                .filter(t -> t.getObject().equals(OWL2.ObjectProperty.asNode())
                        || t.getObject().equals(OWL2.DatatypeProperty.asNode()))
                .map(t -> t.getSubject().getURI().substring(SPO.NS.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether a class is the other or one of its (transitive) subclasses, by the rdfs:subClassOf of the ontology. */
    public boolean subClassOf(Node cls, Node sup) {
        return reaches(cls, RDFS.subClassOf.asNode(), sup);
    }

    /** Whether a property is the other or one of its (transitive) sub-properties, by the rdfs:subPropertyOf of the ontology. */
    public boolean subPropertyOf(Node property, Node sup) {
        return reaches(property, RDFS.subPropertyOf.asNode(), sup);
    }

    /** Whether {@code to} is {@code from} or reached from it by {@code step}s in the ontology (rdfs:subClassOf*, ...). */
    private boolean reaches(Node from, Node step, Node to) {
        Deque<Node> todo = new ArrayDeque<>(List.of(from));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n.equals(to))
                return true;
            if (seen.add(n))
                ontology.find(n, step, Node.ANY).forEachRemaining(t -> todo.push(t.getObject()));
        }
        return false;
    }

    /** The label of a term of the ontology (its rdfs:label or skos:prefLabel), if it has one. */
    public Optional<String> label(Node term) {
        for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode())) {
            Optional<String> l = ontology.find(term, p, Node.ANY).toList().stream().map(t -> t.getObject())
                    .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().findFirst();
            if (l.isPresent())
                return l;
        }
        return Optional.empty();
    }

    /** The class local names of spo:, for messages. */
    public Set<String> classes() {
        return ontology.find(Node.ANY, RDF.type.asNode(), OWL2.Class.asNode()).toList().stream()
                .filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(SPO.NS))
                .map(t -> t.getSubject().getURI().substring(SPO.NS.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

}
