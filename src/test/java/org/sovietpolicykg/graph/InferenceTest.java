package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.SPD;

/** The inferred graph: the RDFS entailments a query on the default (union) graph can rely on, and nothing else. */
class InferenceTest {
    static final String INFERRED = "<https://w3id.org/soviet-policy-kg/graph/inferred>";

    @Test
    void a_person_query_finds_all_13_people_of_whom_7_are_typed_person_as_asserted() {
        assertEquals(List.of("Author of the essay", "Franklin D. Roosevelt", "Hermann Göring", "Joseph Stalin", "Kudryashov",
                "Leon Trotsky", "Maxim Litvinov", "Orlando Figes", "Paul Preston", "Richard Overy", "Robert Conquest",
                "Vladimir Lenin", "Vyacheslav Molotov"),
                Sparql.column(TestGraphs.queryable(), "SELECT ?l WHERE { ?p a spo:Person ; rdfs:label ?l } ORDER BY ?l", "l"));
        assertEquals(7, Sparql.count(TestGraphs.queryable(), "GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> { ?p a spo:Person }"));
        // Conquest: Historian, then Person, Actor, and the aligned foaf:Person, crm:E21_Person, prov:Agent
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:conquest a <http://xmlns.com/foaf/0.1/Person> }"));
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:conquest a <http://www.w3.org/ns/prov#Agent> }"));
    }

    @Test
    void every_statement_gives_its_superproperty_triples_and_toned_down_is_a_reversal() {
        assertEquals(0, Sparql.count(TestGraphs.queryable(),
                "?st a spo:Statement ; rdf:subject ?s ; rdf:object ?o . FILTER NOT EXISTS { ?s spo:statedRelation ?o }"));
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:comintern spo:reversed spd:social-fascism }"));
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:great-purge spo:linkedTo spd:reprisals-in-spain }"));
        // adversary and affected party are kinds of target; a partner is not (issue 21)
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:reprisals-in-spain spo:target spd:trotskyite-left }"));
        assertEquals(0, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { spd:non-aggression-pact spo:target spd:nazi-germany }"));
    }

    @Test
    void the_inferred_graph_says_so_and_repeats_nothing_asserted() {
        assertEquals(1, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { " + INFERRED + " dcterms:description ?d }"));
        assertEquals(4, Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { " + INFERRED + " <http://www.w3.org/ns/prov#wasDerivedFrom> ?g }"));
        assertEquals(0, Sparql.count(TestGraphs.queryable(),
                "GRAPH " + INFERRED + " { ?s ?p ?o } GRAPH ?g { ?s ?p ?o } FILTER (?g != " + INFERRED + ")"));
        // no domain or range entailment: a policy is never typed an event
        assertEquals(0, Sparql.count(TestGraphs.queryable(), "?x a spo:Policy , spo:Event"));
        assertTrue(Sparql.count(TestGraphs.queryable(), "GRAPH " + INFERRED + " { ?s ?p ?o }") > 1000);
    }

    /** The two CONSTRUCT queries the build ran before the inference was made in one pass: the specification. */
    static final String TYPES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?x a ?super }
            WHERE {
              GRAPH ?g { ?x a ?c }
              FILTER (?g IN (<%1$s>, <%2$s>, <%3$s>))
              GRAPH <%4$s> { ?c rdfs:subClassOf+ ?super }
              FILTER (isIRI(?super) && ?super != ?c)
              FILTER NOT EXISTS { GRAPH ?h { ?x a ?super } }
            }""";
    static final String PROPERTIES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?s ?super ?o }
            WHERE {
              GRAPH ?g { ?s ?p ?o }
              FILTER (?g IN (<%1$s>, <%2$s>, <%3$s>))
              GRAPH <%4$s> { ?p rdfs:subPropertyOf+ ?super }
              FILTER (isIRI(?super) && ?super != ?p)
              FILTER NOT EXISTS { GRAPH ?h { ?s ?super ?o } }
            }""";

    static Graph bySparql(DatasetGraph dsg) {
        Graph out = GraphFactory.createDefaultGraph();
        for (String q : new String[] { TYPES, PROPERTIES })
            QueryExec.dataset(dsg).query(q.formatted(SPD.GRAPH_SOURCE.getURI(), SPD.GRAPH_CURATED.getURI(), SPD.GRAPH_ENRICHMENT.getURI(),
                    SPD.GRAPH_ONTOLOGY.getURI())).construct().find().forEachRemaining(out::add);
        return out;
    }

    /** What Inference adds besides the entailments: the graph's description of itself. */
    static Graph entailments(Graph inferred) {
        Graph g = GraphFactory.createDefaultGraph();
        inferred.find().filterDrop(t -> t.getSubject().equals(SPD.GRAPH_INFERRED)).forEachRemaining(g::add);
        return g;
    }

    @Test
    void the_one_pass_inference_is_what_the_construct_queries_give_on_the_essay() {
        KnowledgeGraph kg = TestGraphs.real();
        DatasetGraph asserted = DatasetGraphFactory.createGeneral();
        for (Node name : new Node[] { SPD.GRAPH_ONTOLOGY, SPD.GRAPH_SOURCE, SPD.GRAPH_CURATED, SPD.GRAPH_ENRICHMENT, SPD.GRAPH_WIKIDATA })
            if (kg.dataset().containsGraph(name))
                asserted.addGraph(name, kg.graph(name));
        Graph expected = bySparql(asserted);
        Graph made = entailments(Inference.rdfs(asserted));
        assertTrue(expected.size() > 1000, "entailments: " + expected.size());
        assertTrue(expected.isIsomorphicWith(made), "the same " + expected.size() + " triples: made " + made.size());
        // and what the build put into the inferred graph
        assertTrue(expected.isIsomorphicWith(entailments(kg.graph(SPD.GRAPH_INFERRED))));
    }

    @Test
    void a_hierarchy_with_a_cycle_and_a_blank_class_on_the_way_gives_what_the_queries_give() {
        String ns = "https://example.org/";
        Graph ontology = GraphFactory.createDefaultGraph();
        Node a = NodeFactory.createURI(ns + "A"), c = NodeFactory.createURI(ns + "C"), d = NodeFactory.createURI(ns + "D");
        Node blank = NodeFactory.createBlankNode();
        Node sub = RDFS.subClassOf.asNode(), subP = RDFS.subPropertyOf.asNode(), type = RDF.type.asNode();
        ontology.add(Triple.create(a, sub, blank));
        ontology.add(Triple.create(blank, sub, c));
        ontology.add(Triple.create(c, sub, a));
        ontology.add(Triple.create(c, sub, d));
        Node p = NodeFactory.createURI(ns + "p"), q = NodeFactory.createURI(ns + "q"), r = NodeFactory.createURI(ns + "r");
        ontology.add(Triple.create(p, subP, q));
        ontology.add(Triple.create(q, subP, r));
        ontology.add(Triple.create(r, subP, p));
        Graph curated = GraphFactory.createDefaultGraph();
        Node x = NodeFactory.createURI(ns + "x"), y = NodeFactory.createURI(ns + "y"), lit = NodeFactory.createLiteralString("v");
        curated.add(Triple.create(x, type, a));
        curated.add(Triple.create(y, type, c));
        curated.add(Triple.create(x, p, lit));
        Graph source = GraphFactory.createDefaultGraph();
        // asserted elsewhere: not inferred again
        source.add(Triple.create(x, type, d));
        source.add(Triple.create(x, r, lit));
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        dsg.addGraph(SPD.GRAPH_ONTOLOGY, ontology);
        dsg.addGraph(SPD.GRAPH_SOURCE, source);
        dsg.addGraph(SPD.GRAPH_CURATED, curated);
        Graph expected = bySparql(dsg);
        Graph made = entailments(Inference.rdfs(dsg));
        // x: C (not A itself, not the blank class, not D: asserted); y: A, D; x q "v" (not p itself, not r: asserted)
        assertEquals(4, expected.size(), expected.toString());
        assertTrue(expected.contains(x, type, c) && expected.contains(y, type, a) && expected.contains(y, type, d) && expected.contains(x, q, lit));
        assertTrue(expected.isIsomorphicWith(made), made.toString());
    }
}
