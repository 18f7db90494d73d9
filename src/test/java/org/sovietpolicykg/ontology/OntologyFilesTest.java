package org.sovietpolicykg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.IRI;

/** The ontology files parse in Jena and, independently, in RDF4J, to the same number of triples, with the metadata a reuser needs. */
class OntologyFilesTest {
    static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    static final IRI ONTOLOGY = VF.createIRI("https://w3id.org/soviet-policy-kg/ontology");

    @ParameterizedTest
    @ValueSource(strings = {"ontology/soviet-policy.ttl", "ontology/concepts.ttl", "ontology/relations.ttl", "ontology/shapes.ttl"})
    void parses_in_jena_and_rdf4j_alike(String file) throws IOException {
        Graph jena = RDFDataMgr.loadGraph(file);
        Model rdf4j;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            rdf4j = Rio.parse(in, "", RDFFormat.TURTLE);
        }
        assertTrue(jena.size() > 50, file);
        assertEquals(jena.size(), rdf4j.size(), file);
    }

    @Test
    void ontology_header_has_version_licence_and_preferred_prefix() throws IOException {
        Model m;
        try (InputStream in = Files.newInputStream(Path.of("ontology/soviet-policy.ttl"))) {
            m = Rio.parse(in, "", RDFFormat.TURTLE);
        }
        assertTrue(m.contains(ONTOLOGY, RDF.TYPE, OWL.ONTOLOGY));
        assertEquals("https://w3id.org/soviet-policy-kg/ontology/0.2.0",
                Models.objectIRI(m.filter(ONTOLOGY, OWL.VERSIONIRI, null)).orElseThrow().stringValue());
        assertEquals("https://creativecommons.org/licenses/by/4.0/",
                Models.object(m.filter(ONTOLOGY, VF.createIRI("http://purl.org/dc/terms/license"), null)).orElseThrow().stringValue());
        assertEquals("spo", Models.objectLiteral(m.filter(ONTOLOGY, VF.createIRI("http://purl.org/vocab/vann/preferredNamespacePrefix"), null))
                .orElseThrow().stringValue());
    }

    @Test
    void every_class_and_property_has_an_english_label_and_a_definition() throws IOException {
        for (String file : List.of("ontology/soviet-policy.ttl", "ontology/relations.ttl")) {
            Model m;
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                m = Rio.parse(in, "", RDFFormat.TURTLE);
            }
            for (IRI type : List.of(OWL.CLASS, OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY, OWL.ANNOTATIONPROPERTY)) {
                for (var s : m.filter(null, RDF.TYPE, type).subjects()) {
                    if (!s.stringValue().startsWith("https://w3id.org/soviet-policy-kg/ontology#"))
                        continue;
                    assertTrue(m.filter(s, org.eclipse.rdf4j.model.vocabulary.RDFS.LABEL, null).stream()
                            .anyMatch(st -> st.getObject() instanceof org.eclipse.rdf4j.model.Literal l && l.getLanguage().orElse("").equals("en")),
                            s + " has an English rdfs:label");
                    assertTrue(m.contains(s, SKOS.DEFINITION, null) || m.contains(s, org.eclipse.rdf4j.model.vocabulary.RDFS.COMMENT, null),
                            s + " has a definition");
                }
            }
        }
    }
}
