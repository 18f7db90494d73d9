package org.sovietpolicykg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.sovietpolicykg.Version;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The version is one: the pom's project version, the program's ({@link Version#NUMBER}) and the ontology's
 * {@code owl:versionInfo} (and its version IRI) agree, so {@code mvn verify} fails when one of them is bumped alone.
 */
class VersionTest {

    @Test
    void the_poms_version_the_programs_and_the_ontologys_are_one() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String projectVersion = null;
        for (org.w3c.dom.Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e && e.getTagName().equals("version"))
                projectVersion = e.getTextContent().strip();
        assertEquals(Version.NUMBER, projectVersion, "pom.xml <version> is Version.NUMBER");

        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("ontology/soviet-policy.ttl")).parse(g);
        Node ont = NodeFactory.createURI(SPO.ONTOLOGY_IRI);
        assertEquals(List.of(Version.NUMBER), g.find(ont, OWL2.versionInfo.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList(),
                "ontology/soviet-policy.ttl owl:versionInfo is Version.NUMBER");
        assertEquals(List.of(SPO.ONTOLOGY_IRI + "/" + Version.NUMBER),
                g.find(ont, OWL2.versionIRI.asNode(), Node.ANY).mapWith(t -> t.getObject().getURI()).toList(), "the version IRI");
        for (String f : List.of("ontology/concepts.ttl", "ontology/shapes.ttl")) {
            Graph other = GraphFactory.createDefaultGraph();
            RDFParser.source(Path.of(f)).parse(other);
            assertEquals(List.of(Version.NUMBER), other.find(Node.ANY, OWL2.versionInfo.asNode(), Node.ANY)
                    .mapWith(t -> t.getObject().getLiteralLexicalForm()).toList(), f + " owl:versionInfo");
        }
    }
}
