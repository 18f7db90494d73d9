package org.sovietpolicykg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The ontology, checked by real OWL tools: the OWL API parses each file, its OWL 2 DL profile checker finds no
 * violation, and HermiT finds the ontology consistent with no unsatisfiable class.
 */
class OwlProfileTest {
    static final List<String> FILES = List.of("ontology/soviet-policy.ttl", "ontology/concepts.ttl", "ontology/relations.ttl");
    static OWLOntology merged;

    @BeforeAll
    static void load() throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        merged = m.createOntology(IRI.create("urn:test:merged"));
        for (String f : FILES) {
            OWLOntology o = load(m, f);
            m.addAxioms(merged, o.axioms());
        }
    }

    /** With the OWL API's own Turtle parser (not the RDF4J-based one it would also find on the class path). */
    static OWLOntology load(OWLOntologyManager m, String f) throws Exception {
        List<org.semanticweb.owlapi.io.OWLParserFactory> rio = new java.util.ArrayList<>();
        for (org.semanticweb.owlapi.io.OWLParserFactory p : m.getOntologyParsers())
            if (p.getClass().getName().contains(".rio."))
                rio.add(p);
        rio.forEach(p -> m.getOntologyParsers().remove(p));
        return m.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(f), new TurtleDocumentFormat()));
    }

    @Test
    void the_core_file_is_in_the_owl2_dl_profile_on_its_own() throws Exception {
        for (String f : List.of("ontology/soviet-policy.ttl")) {
            OWLOntologyManager m = OWLManager.createOWLOntologyManager();
            OWLOntology o = load(m, f);
            OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
            assertTrue(r.isInProfile(), f + ": " + r.getViolations().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void the_merged_ontology_is_in_owl2_dl_and_consistent_for_hermit() {
        OWLProfileReport r = new OWL2DLProfile().checkOntology(merged);
        assertTrue(r.isInProfile(), r.getViolations().stream().map(Object::toString).collect(Collectors.joining("\n")));
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(merged);
        try {
            assertTrue(reasoner.isConsistent());
            Set<OWLClass> unsat = reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom();
            assertEquals(Set.of(), unsat, "unsatisfiable classes");
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void core_classes_are_declared_with_labels() {
        for (String local : List.of("Claim", "DomesticForeignLink", "Policy", "Event", "Person", "Historian", "Mention", "TimeSpan")) {
            IRI iri = IRI.create("https://w3id.org/soviet-policy-kg/ontology#" + local);
            assertTrue(merged.containsClassInSignature(iri), local);
            assertTrue(merged.annotationAssertionAxioms(iri).anyMatch(a -> a.getProperty().isLabel()), local + " has an rdfs:label");
        }
    }
}
