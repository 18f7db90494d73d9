package org.sovietpolicykg.docs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPC;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The HTML documentation of the ontology, generated from the ontology graph itself (so it cannot drift from it):
 * metadata, classes with their hierarchy, properties with domains and ranges, the SKOS concept schemes, and a worked
 * SPARQL example. Rendered with the {@code ontology.mustache} template.
 */
public final class OntologyDocs {
    private OntologyDocs() {}

    /** The worked example of the page, written against the default base (moved to the served one when shown). */
    static final String EXAMPLE = """
            PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?domestic ?relation ?foreign ?who ?quote WHERE {
              ?link a spo:DomesticForeignLink ;
              spo:domesticSide/rdfs:label ?domestic ;
              spo:foreignSide/rdfs:label ?foreign ;
              spo:relation/skos:prefLabel ?relation ;
              spo:assertedIn/spo:claimedBy/rdfs:label ?who ;
              spo:hasAnchor/oa:hasTarget/oa:hasSelector/oa:exact ?quote .
            }
            ORDER BY ?domestic
            """;

    /** The documentation of an ontology graph whose IRIs are under {@code baseIri}. */
    public static String html(Graph ontology, BaseIri baseIri) {
        return Pages.render("ontology", scope(ontology, baseIri));
    }

    static Map<String, Object> scope(Graph g, BaseIri baseIri) {
        Terms termNames = new Terms(baseIri);
        String ontologyIri = baseIri.iri(SPO.ONTOLOGY_IRI);
        String ns = baseIri.iri(SPO.NS);
        Node ont = NodeFactory.createURI(ontologyIri);
        Map<String, Object> s = new HashMap<>();
        s.put("title", "Ontology");
        s.put("iri", ontologyIri);
        s.put("conceptNs", baseIri.iri(SPC.NS));
        s.put("exampleQuery", URLEncoder.encode(baseIri.sparql(EXAMPLE), StandardCharsets.UTF_8));
        s.put("ontologyTitle", literal(g, ont, DCTerms.title.asNode()).orElse("Soviet Policy KG ontology"));
        s.put("description", literal(g, ont, DCTerms.description.asNode()).orElse(""));
        s.put("version", literal(g, ont, OWL2.versionInfo.asNode()).orElse(""));
        s.put("versionIri", object(g, ont, OWL2.versionIRI.asNode()).map(Node::getURI).orElse(""));
        s.put("license", object(g, ont, DCTerms.license.asNode()).map(n -> n.isURI() ? n.getURI() : n.getLiteralLexicalForm()).orElse(""));
        s.put("classes", terms(g, OWL2.Class.asNode(), RDFS.subClassOf.asNode(), termNames, ns));
        s.put("objectProperties", terms(g, OWL2.ObjectProperty.asNode(), RDFS.subPropertyOf.asNode(), termNames, ns));
        s.put("datatypeProperties", terms(g, OWL2.DatatypeProperty.asNode(), RDFS.subPropertyOf.asNode(), termNames, ns));
        s.put("annotationProperties", terms(g, OWL2.AnnotationProperty.asNode(), RDFS.subPropertyOf.asNode(), termNames, ns));
        s.put("schemes", schemes(g, termNames));
        return s;
    }

    private static List<Map<String, Object>> terms(Graph g, Node type, Node superProp, Terms termNames, String ns) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Node> nodes = g.find(Node.ANY, RDF.type.asNode(), type).mapWith(t -> t.getSubject())
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(ns)).toList();
        nodes.sort(Comparator.comparing(Node::getURI));
        for (Node n : nodes) {
            Map<String, Object> m = new HashMap<>();
            String local = n.getURI().substring(ns.length());
            m.put("id", local);
            m.put("curie", "spo:" + local);
            m.put("iri", n.getURI());
            m.put("label", literal(g, n, RDFS.label.asNode()).orElse(local));
            m.put("definition", literal(g, n, SKOS.definition.asNode()).or(() -> literal(g, n, RDFS.comment.asNode())).orElse(""));
            m.put("examples", literals(g, n, SKOS.example.asNode()));
            m.put("notes", literals(g, n, SKOS.scopeNote.asNode()));
            m.put("supers", names(g.find(n, superProp, Node.ANY).mapWith(t -> t.getObject()).toList(), termNames, ns));
            m.put("subs", names(g.find(Node.ANY, superProp, n).mapWith(t -> t.getSubject()).toList(), termNames, ns));
            m.put("domains", names(g.find(n, RDFS.domain.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList(), termNames, ns));
            m.put("ranges", names(g.find(n, RDFS.range.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList(), termNames, ns));
            m.put("equivalents", names(g.find(n, OWL2.equivalentClass.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList(), termNames, ns));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> schemes(Graph g, Terms termNames) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Node> schemes = g.find(Node.ANY, RDF.type.asNode(), SKOS.ConceptScheme.asNode()).mapWith(t -> t.getSubject()).toList();
        schemes.sort(Comparator.comparing(Node::getURI));
        for (Node sc : schemes) {
            Map<String, Object> m = new HashMap<>();
            m.put("iri", sc.getURI());
            m.put("curie", termNames.name(sc));
            m.put("label", literal(g, sc, SKOS.prefLabel.asNode()).or(() -> literal(g, sc, RDFS.label.asNode())).orElse(sc.getURI()));
            m.put("definition", literal(g, sc, SKOS.definition.asNode()).orElse(""));
            List<Node> concepts = g.find(Node.ANY, SKOS.inScheme.asNode(), sc).mapWith(t -> t.getSubject()).toList();
            concepts.sort(Comparator.comparing(Node::getURI));
            List<Map<String, Object>> cs = new ArrayList<>();
            for (Node c : concepts)
                cs.add(Map.of("curie", termNames.name(c), "iri", c.getURI(),
                        "label", literal(g, c, SKOS.prefLabel.asNode()).orElse(""),
                        "definition", literal(g, c, SKOS.definition.asNode()).orElse(""),
                        "shortcut", object(g, c, SPO.shortcut).map(x -> termNames.name(x)).orElse("")));
            m.put("concepts", cs);
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> names(List<Node> nodes, Terms termNames, String ns) {
        Set<String> seen = new TreeSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        nodes.stream().filter(Node::isURI).sorted(Comparator.comparing(Node::getURI)).forEach(n -> {
            if (seen.add(n.getURI()))
                out.add(Map.of("name", termNames.name(n), "iri", n.getURI(), "local", n.getURI().startsWith(ns)
                        ? "#" + n.getURI().substring(ns.length()) : n.getURI()));
        });
        return out;
    }

    private static Optional<String> literal(Graph g, Node s, Node p) {
        List<Node> ls = g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).filterKeep(Node::isLiteral).toList();
        return ls.stream().sorted(Comparator.comparing((Node n) -> !"en".equals(n.getLiteralLanguage())).thenComparing(Node::getLiteralLexicalForm))
                .map(Node::getLiteralLexicalForm).findFirst();
    }

    private static List<String> literals(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).filterKeep(Node::isLiteral).mapWith(Node::getLiteralLexicalForm)
                .toList().stream().sorted().toList();
    }

    private static Optional<Node> object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList().stream().sorted(Comparator.comparing(Node::toString)).findFirst();
    }

}
