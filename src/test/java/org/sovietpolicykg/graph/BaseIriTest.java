package org.sovietpolicykg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sovietpolicykg.ConfigException;
import org.sovietpolicykg.Sparql;

/** One configurable base IRI moves the ontology and the data together. */
class BaseIriTest {

    @Test
    void another_base_moves_every_iri_of_ontology_and_data() {
        KnowledgeGraph kg = GraphBuilder.create().projectDir(Path.of(".")).baseIri("https://example.org/kg/").build();
        // no IRI is left under the default base (prose in skos:example may still quote one)
        assertEquals(0, Sparql.count(kg.queryable(), "GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), \"https://w3id.org/soviet-policy-kg/\")"
                + " || STRSTARTS(STR(?p), \"https://w3id.org/soviet-policy-kg/\") || (isIRI(?o) && STRSTARTS(STR(?o), \"https://w3id.org/soviet-policy-kg/\"))"
                + " || STRSTARTS(STR(?g), \"https://w3id.org/soviet-policy-kg/\"))"));
        assertEquals(1, Sparql.count(kg.queryable(), "<https://example.org/kg/ontology> <http://purl.org/vocab/vann/preferredNamespaceUri> \"https://example.org/kg/ontology#\""));
        assertEquals(1, Sparql.count(kg.queryable(),
                "<https://example.org/kg/id/molotov> <https://example.org/kg/ontology#replaced> <https://example.org/kg/id/litvinov>"));
        assertTrue(kg.graph(org.sovietpolicykg.vocabulary.SPD.GRAPH_ONTOLOGY).size() > 1000);
    }

    @Test
    void canned_queries_pages_and_docs_follow_the_base() {
        KgBase kg = new KgBase(GraphBuilder.create().projectDir(Path.of(".")).baseIri("https://example.org/kg/").build());
        org.sovietpolicykg.queries.QueryCatalog catalog = org.sovietpolicykg.queries.QueryCatalog.load(Path.of("."));
        org.sovietpolicykg.queries.QueryRunner runner = new org.sovietpolicykg.queries.QueryRunner(kg.g.queryable(), 10_000, kg.g.baseIri());
        var links = runner.table(org.sovietpolicykg.queries.QueryBinder.bind(catalog.get("domestic-foreign-links"), java.util.Map.of(), kg.g.baseIri()));
        assertEquals(15, links.rows().size(), "the 15 links, found through IRIs moved to the new base");
        var molotov = runner.table(org.sovietpolicykg.queries.QueryBinder.bind(catalog.get("actor"), java.util.Map.of("actor", "spd:molotov"), kg.g.baseIri()));
        assertTrue(molotov.rows().size() > 3, "a prefixed name given by a user follows the base too");
        String docs = org.sovietpolicykg.docs.OntologyDocs.html(kg.g.graph(org.sovietpolicykg.vocabulary.SPD.GRAPH_ONTOLOGY), kg.g.baseIri());
        assertTrue(docs.contains("id=\"DomesticForeignLink\""), "the ontology's classes are documented under the new base");
        assertTrue(docs.contains("https://example.org/kg/ontology#DomesticForeignLink"));
    }

    record KgBase(KnowledgeGraph g) {}

    @Test
    void a_base_that_is_not_an_http_iri_ending_in_a_slash_is_refused_by_name() {
        ConfigException e = assertThrows(ConfigException.class, () -> GraphBuilder.create().baseIri("example.org/kg"));
        assertEquals("Illegal base IRI=example.org/kg: expected an http(s) IRI ending in '/'", e.getMessage());
    }
}
