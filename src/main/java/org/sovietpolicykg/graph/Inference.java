package org.sovietpolicykg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.sovietpolicykg.vocabulary.PROV;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * The RDFS entailments that queries can rely on, materialised into a named graph of their own
 * ({@link SPD#GRAPH_INFERRED}): every superclass type of a typed resource of the data (rdfs9 over
 * rdfs:subClassOf*, so a historian is also a spo:Person, a spo:Actor, a foaf:Person ...) and every superproperty
 * triple of a triple of the data (rdfs7 over rdfs:subPropertyOf*: a statement's predicate gives spo:statedRelation,
 * a link's shortcut spo:linkedTo, spo:aboutActor spo:about). Only the subclass and subproperty hierarchies of the
 * ontology graph are used: no domain or range entailment (the ontology's domains are unions that would type
 * nothing new) and nothing inferred from the ontology's own triples. Triples already asserted in any graph are
 * not repeated. Two CONSTRUCT queries, so the result is a set and the build stays deterministic.
 */
final class Inference {
    private Inference() {}

    private static String dataGraphs() {
        return "<" + SPD.GRAPH_SOURCE.getURI() + ">, <" + SPD.GRAPH_CURATED.getURI() + ">, <" + SPD.GRAPH_ENRICHMENT.getURI() + ">";
    }

    private static final String TYPES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?x a ?super }
            WHERE {
              GRAPH ?g { ?x a ?c }
              FILTER (?g IN (%s))
              GRAPH <%s> { ?c rdfs:subClassOf+ ?super }
              FILTER (isIRI(?super) && ?super != ?c)
              FILTER NOT EXISTS { GRAPH ?h { ?x a ?super } }
            }""";

    private static final String PROPERTIES = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?s ?super ?o }
            WHERE {
              GRAPH ?g { ?s ?p ?o }
              FILTER (?g IN (%s))
              GRAPH <%s> { ?p rdfs:subPropertyOf+ ?super }
              FILTER (isIRI(?super) && ?super != ?p)
              FILTER NOT EXISTS { GRAPH ?h { ?s ?super ?o } }
            }""";

    /** The inferred graph of a dataset holding the ontology, source, curated and enrichment graphs. */
    static Graph rdfs(DatasetGraph dsg) {
        Graph out = GraphFactory.createDefaultGraph();
        for (String q : new String[] { TYPES, PROPERTIES }) {
            Query query = QueryFactory.create(q.formatted(dataGraphs(), SPD.GRAPH_ONTOLOGY.getURI()));
            QueryExec.dataset(dsg).query(query).construct().find().forEachRemaining(out::add);
        }
        Node g = SPD.GRAPH_INFERRED;
        out.add(Triple.create(g, RDF.type.asNode(), PROV.Entity));
        out.add(Triple.create(g, DCTerms.description.asNode(), GraphBuilder.en("Inferred, not asserted: the RDFS entailments of the "
                + "other graphs, made by the build (superclass types by rdfs:subClassOf, superproperty triples by "
                + "rdfs:subPropertyOf, from the hierarchies of graph/ontology). Leave this graph out of a query to see "
                + "only what is asserted.")));
        for (Node from : new Node[] { SPD.GRAPH_ONTOLOGY, SPD.GRAPH_SOURCE, SPD.GRAPH_CURATED, SPD.GRAPH_ENRICHMENT })
            out.add(Triple.create(g, PROV.wasDerivedFrom, from));
        return out;
    }
}
