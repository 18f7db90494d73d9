package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;

import org.sovietpolicykg.Sparql;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.server.publish.DatasetDescription;
import org.sovietpolicykg.vocabulary.VOID;

/** The VoID and DCAT description parses and states counts equal to what COUNT queries on the graph return. */
class VoidTest extends AbstractLiveServerTest {
    static final String DS = "https://w3id.org/soviet-policy-kg/void";

    static Model fetch(String path, String accept, Lang lang) throws Exception {
        HttpResponse<String> r = get(path, accept);
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(lang).parse(m);
        return m;
    }

    static long count(String where) {
        return Long.parseLong(Sparql.select(TestGraphs.queryable(), "SELECT (COUNT(*) AS ?n) { " + where + " }").get(0).get("n"));
    }

    @Test
    void the_description_states_the_counts_a_count_query_gives() throws Exception {
        Model m = fetch("/.well-known/void", "text/turtle", Lang.TURTLE);
        Resource ds = m.getResource(DS);
        assertEquals(count("?s ?p ?o"), ds.getProperty(VOID.triples).getLong());
        assertEquals(count("SELECT DISTINCT ?s { ?s ?p ?o }"), ds.getProperty(VOID.distinctSubjects).getLong());
        assertEquals(count("SELECT DISTINCT ?o { ?s ?p ?o }"), ds.getProperty(VOID.distinctObjects).getLong());
        assertEquals(count("SELECT DISTINCT ?c { ?s a ?c }"), ds.getProperty(VOID.classes).getLong());
        assertEquals(count("SELECT DISTINCT ?p { ?s ?p ?o }"), ds.getProperty(VOID.properties).getLong());
        // the class partition of historians: the five the essay cites
        long historians = ds.listProperties(VOID.classPartition).toList().stream().map(Statement::getResource)
                .filter(p -> p.getProperty(VOID.clazz).getResource().getURI().equals("https://w3id.org/soviet-policy-kg/ontology#Historian"))
                .findFirst().orElseThrow().getProperty(VOID.entities).getLong();
        assertEquals(5, historians);
        // the named graphs as subsets, each with its triples
        for (String g : List.of("curated", "source", "ontology", "enrichment"))
            assertTrue(ds.listProperties(VOID.subset).toList().stream().map(Statement::getResource).anyMatch(sub ->
                    ("https://w3id.org/soviet-policy-kg/graph/" + g).equals(sub.getURI())
                            && sub.getProperty(VOID.triples).getLong() == count("GRAPH <https://w3id.org/soviet-policy-kg/graph/" + g + "> { ?s ?p ?o }")), g);
        Resource links = m.getResource("https://w3id.org/soviet-policy-kg/void#wikidata-links");
        assertEquals(count("?s <https://w3id.org/soviet-policy-kg/ontology#wikidata> ?o"), links.getProperty(VOID.triples).getLong());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", ds.getProperty(DCTerms.license).getResource().getURI());
        assertEquals("b48cccbc0b0afec7fc2ba0926cdb6d27fa9b0c7e41b1aab21f209d818ff29069", m.getResource("https://w3id.org/soviet-policy-kg/text/essay")
                .getProperty(m.createProperty("https://w3id.org/soviet-policy-kg/ontology#sha256")).getString(), "the essay's sha256");
    }

    @Test
    void every_dump_is_a_distribution_with_its_media_type_size_and_checksum_and_the_endpoint_a_data_service() throws Exception {
        Model m = fetch("/void", "application/ld+json", Lang.JSONLD);
        Resource ds = m.getResource(DS);
        Map<String, String> types = Map.of("dataset.nq", "application/n-quads", "dataset.trig", "application/trig",
                "dataset.ttl", "text/turtle", "dataset.jsonld", "application/ld+json");
        for (Map.Entry<String, String> t : types.entrySet()) {
            Resource dist = ds.listProperties(DCAT.distribution).toList().stream().map(Statement::getResource)
                    .filter(d -> d.getProperty(DCAT.downloadURL).getResource().getURI().endsWith("/dumps/" + t.getKey())).findFirst().orElseThrow();
            assertEquals(t.getValue(), dist.getProperty(DCAT.mediaType).getString());
            HttpResponse<String> dump = get("/dumps/" + t.getKey(), null);
            assertEquals(dump.headers().firstValueAsLong("Content-Length").orElse(-1), dist.getProperty(DCAT.byteSize).getLong(), t.getKey());
            assertEquals(dump.headers().firstValue("ETag").orElse(""), "\"" + dist.getPropertyResourceValue(m.createProperty(DatasetDescription.SPDX
                    + "checksum")).getProperty(m.createProperty(DatasetDescription.SPDX + "checksumValue")).getString() + "\"", t.getKey());
        }
        Resource service = ds.getPropertyResourceValue(DCAT.accessService);
        assertTrue(service.getProperty(DCAT.endpointURL).getResource().getURI().endsWith("/kg/sparql"));
        assertEquals(200, get("/void", "text/html").statusCode(), "and a page for browsers");
        assertTrue(get("/void", "text/html").body().contains("Dataset description"));
    }
}
