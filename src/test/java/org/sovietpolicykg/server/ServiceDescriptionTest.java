package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.server.sparql.ServiceDescription;
import org.sovietpolicykg.vocabulary.VOID;

/** GET /kg/sparql without a query answers the SPARQL 1.1 Service Description (Comunica asks for it first). */
class ServiceDescriptionTest extends AbstractLiveServerTest {
    static final String SD = ServiceDescription.SD;

    Model description(String accept, Lang lang) throws Exception {
        HttpResponse<String> r = get("/kg/sparql", accept);
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(lang).parse(m);
        return m;
    }

    @Test
    void the_description_names_the_endpoint_formats_union_default_graph_and_every_named_graph() throws Exception {
        Model m = description("text/turtle", Lang.TURTLE);
        Resource service = m.listResourcesWithProperty(m.createProperty(SD + "endpoint")).next();
        assertEquals(server.sparqlUrl(), service.getPropertyResourceValue(m.createProperty(SD + "endpoint")).getURI());
        List<String> features = service.listProperties(m.createProperty(SD + "feature")).toList().stream().map(s -> s.getResource().getURI()).toList();
        assertTrue(features.contains(SD + "UnionDefaultGraph"), features.toString());
        assertEquals(10, service.listProperties(m.createProperty(SD + "resultFormat")).toList().size());
        assertTrue(service.getProperty(m.createProperty("http://purl.org/dc/terms/description")).getString().contains("at most 10000 ms"));
        Resource dataset = service.getPropertyResourceValue(m.createProperty(SD + "defaultDataset"));
        List<Resource> named = dataset.listProperties(m.createProperty(SD + "namedGraph")).toList().stream().map(Statement::getResource).toList();
        assertEquals(Sparql.select(TestGraphs.queryable(), "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }").size(), named.size());
        for (Resource g : named) {
            String name = g.getPropertyResourceValue(m.createProperty(SD + "name")).getURI();
            long triples = g.getPropertyResourceValue(m.createProperty(SD + "graph")).getProperty(VOID.triples).getLong();
            assertEquals(Long.parseLong(Sparql.select(TestGraphs.queryable(), "SELECT (COUNT(*) AS ?n) { GRAPH <" + name + "> { ?s ?p ?o } }")
                    .get(0).get("n")), triples, name);
        }
        assertTrue(service.listProperties(m.createProperty("http://purl.org/dc/terms/relation")).toList().stream()
                .anyMatch(s -> s.getResource().getURI().equals("https://query.wikidata.org/sparql")), "the allowed SERVICE endpoint");
    }

    @Test
    void it_comes_as_rdf_xml_and_json_ld_and_as_a_page_for_browsers() throws Exception {
        assertTrue(description("application/rdf+xml", Lang.RDFXML).size() > 20);
        assertTrue(description("application/ld+json", Lang.JSONLD).size() > 20);
        HttpResponse<String> page = get("/kg/sparql", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("This is a read-only SPARQL 1.1 Query endpoint"), page.body());
        assertEquals(200, get("/kg/sparql?query=ASK%7B%7D", "application/sparql-results+json").statusCode(), "queries still run");
    }
}
