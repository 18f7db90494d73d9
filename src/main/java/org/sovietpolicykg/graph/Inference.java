package org.sovietpolicykg.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
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
 * not repeated. The result is a set, so the build stays deterministic.
 * <p>
 * What it computes is, exactly, these two SPARQL CONSTRUCT queries (an earlier build ran them; {@code InferenceTest}
 * checks that the two agree), made in one pass over the data with each class's and property's superclasses walked
 * once (the queries took a quarter of the read-build-validate phase at a hundred texts):
 * <pre>
 *   CONSTRUCT { ?x a ?super } WHERE { GRAPH ?g { ?x a ?c } FILTER (?g IN (source, curated, enrichment))
 *     GRAPH ontology { ?c rdfs:subClassOf+ ?super } FILTER (isIRI(?super) &amp;&amp; ?super != ?c)
 *     FILTER NOT EXISTS { GRAPH ?h { ?x a ?super } } }
 *   CONSTRUCT { ?s ?super ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g IN (source, curated, enrichment))
 *     GRAPH ontology { ?p rdfs:subPropertyOf+ ?super } FILTER (isIRI(?super) &amp;&amp; ?super != ?p)
 *     FILTER NOT EXISTS { GRAPH ?h { ?s ?super ?o } } }
 * </pre>
 */
final class Inference {
    private Inference() {}

    /** The graphs whose triples entail: the data, not the ontology or the Wikidata extract. */
    static final List<Node> DATA = List.of(SPD.GRAPH_SOURCE, SPD.GRAPH_CURATED, SPD.GRAPH_ENRICHMENT);

    /** The inferred graph of a dataset holding the ontology, source, curated and enrichment graphs. */
    static Graph rdfs(DatasetGraph dsg) {
        Graph ontology = dsg.getGraph(SPD.GRAPH_ONTOLOGY);
        Ancestors classes = new Ancestors(ontology, RDFS.subClassOf.asNode());
        Ancestors properties = new Ancestors(ontology, RDFS.subPropertyOf.asNode());
        // "GRAPH ?h": every named graph of the dataset, as it is now
        List<Graph> asserted = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> asserted.add(dsg.getGraph(g)));
        Node type = RDF.type.asNode();
        Graph out = GraphFactory.createDefaultGraph();
        for (Node name : DATA) {
            if (!dsg.containsGraph(name))
                continue;
            dsg.getGraph(name).find().forEachRemaining(t -> {
                if (t.getPredicate().equals(type))
                    for (Node sup : classes.of(t.getObject()))
                        addUnlessAsserted(out, asserted, Triple.create(t.getSubject(), type, sup));
                for (Node sup : properties.of(t.getPredicate()))
                    addUnlessAsserted(out, asserted, Triple.create(t.getSubject(), sup, t.getObject()));
            });
        }
        Node g = SPD.GRAPH_INFERRED;
        out.add(Triple.create(g, RDF.type.asNode(), PROV.Entity));
        out.add(Triple.create(g, DCTerms.description.asNode(), GraphBuilder.en("Inferred, not asserted: the RDFS entailments of the "
                + "other graphs, made by the build (superclass types by rdfs:subClassOf, superproperty triples by "
                + "rdfs:subPropertyOf, from the hierarchies of graph/ontology). Leave this graph out of a query to see "
                + "only what is asserted.")));
        out.add(Triple.create(g, PROV.wasDerivedFrom, SPD.GRAPH_ONTOLOGY));
        for (Node from : DATA)
            out.add(Triple.create(g, PROV.wasDerivedFrom, from));
        return out;
    }

    private static void addUnlessAsserted(Graph out, List<Graph> asserted, Triple t) {
        for (Graph a : asserted)
            if (a.contains(t))
                return;
        out.add(t);
    }

    /**
     * The ancestors of a node along one property of the ontology graph ({@code p+}, through any node on the way),
     * those that are IRIs other than the node itself, each node's walked once.
     */
    private static final class Ancestors {
        private final Graph ontology;
        private final Node property;
        private final Map<Node, List<Node>> known = new HashMap<>();

        Ancestors(Graph ontology, Node property) {
            this.ontology = ontology;
            this.property = property;
        }

        List<Node> of(Node n) {
            return known.computeIfAbsent(n, this::walk);
        }

        private List<Node> walk(Node start) {
            if (!ontology.contains(start, property, Node.ANY))
                return List.of();
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty())
                ontology.find(todo.poll(), property, Node.ANY).forEachRemaining(t -> {
                    if (seen.add(t.getObject()))
                        todo.add(t.getObject());
                });
            List<Node> iris = new ArrayList<>();
            for (Node n : seen)
                if (n.isURI() && !n.equals(start))
                    iris.add(n);
            return iris;
        }
    }
}
