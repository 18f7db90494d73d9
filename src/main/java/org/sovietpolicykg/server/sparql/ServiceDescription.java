package org.sovietpolicykg.server.sparql;

import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.dataset.Counts;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.vocabulary.VOID;

/**
 * The SPARQL 1.1 Service Description of the endpoint (what {@code GET /kg/sparql} without a query answers): the
 * endpoint, the language, the result and RDF formats, the union default graph, the default dataset with every named
 * graph and its size, the time limit, and the endpoints that SERVICE may call.
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";
    public static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads");

    private ServiceDescription() {}

    public static Model of(DatasetGraph queryable, QueryPolicy policy, String endpointUrl) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("formats", FORMATS);
        m.setNsPrefix(VOID.PREFIX, VOID.NS);
        m.setNsPrefix("dcterms", DCTerms.NS);
        Resource service = m.createResource(endpointUrl + "#service").addProperty(RDF.type, m.createResource(SD + "Service"));
        service.addProperty(p(m, "endpoint"), m.createResource(endpointUrl));
        service.addProperty(p(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
        service.addProperty(p(m, "feature"), m.createResource(SD + "UnionDefaultGraph"));
        for (String f : RESULT_FORMATS)
            service.addProperty(p(m, "resultFormat"), m.createResource(FORMATS + f));
        service.addProperty(DCTerms.description, "Read-only. Each query runs for at most " + policy.timeoutMs() + " ms (then 503),"
                + " answers at most " + policy.limits().maxResultRows() + " rows; the default graph is the union of the named graphs.");
        List<String> allowed = policy.federation().allowedServices();
        if (!allowed.isEmpty()) {
            service.addProperty(p(m, "feature"), m.createResource(SD + "BasicFederatedQuery"));
            for (String a : allowed)
                service.addProperty(DCTerms.relation, m.createResource(a));
            service.addProperty(RDFS.comment, "SERVICE may call only the endpoints given as dcterms:relation");
        }
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"));
        service.addProperty(p(m, "defaultDataset"), dataset);
        Txn.executeRead(queryable, () -> {
            Dataset d = DatasetFactory.wrap(queryable);
            dataset.addProperty(p(m, "defaultGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                    .addLiteral(VOID.triples, Counts.count(d, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")));
            Counts.each(d, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                    s -> dataset.addProperty(p(m, "namedGraph"), m.createResource()
                            .addProperty(RDF.type, m.createResource(SD + "NamedGraph")).addProperty(p(m, "name"), s.getResource("g"))
                            .addProperty(p(m, "graph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                                    .addLiteral(VOID.triples, s.getLiteral("n").getLong()))));
        });
        return m;
    }

    private static Property p(Model m, String local) {
        return m.createProperty(SD + local);
    }
}
