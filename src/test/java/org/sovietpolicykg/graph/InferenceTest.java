package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;

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
}
