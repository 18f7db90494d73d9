package org.sovietpolicykg.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Moves every IRI of the dataset from one base to another, for deployments under a base IRI of their own
 * (setting {@code kg.base}). The ontology files are written against the default base; this is the only place
 * that knows another one.
 */
public final class Rebase {
    private Rebase() {}

    public static DatasetGraph apply(DatasetGraph dsg, String from, String to) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        dsg.find().forEachRemaining(q -> out.add(Quad.create(node(q.getGraph(), from, to), node(q.getSubject(), from, to),
                node(q.getPredicate(), from, to), node(q.getObject(), from, to))));
        return out;
    }

    /** An IRI string moved to the new base if it starts with the default one. */
    public static String iri(String iri, String to) {
        return iri.startsWith(org.sovietpolicykg.config.Settings.DEFAULT_BASE)
                ? to + iri.substring(org.sovietpolicykg.config.Settings.DEFAULT_BASE.length()) : iri;
    }

    private static Node node(Node n, String from, String to) {
        if (n.isURI() && n.getURI().startsWith(from))
            return NodeFactory.createURI(to + n.getURI().substring(from.length()));
        // a literal that is an IRI of ours as a whole, e.g. vann:preferredNamespaceUri (prose that mentions IRIs stays)
        if (n.isLiteral() && n.getLiteralLanguage().isEmpty() && n.getLiteralLexicalForm().startsWith(from)
                && !n.getLiteralLexicalForm().contains(" "))
            return NodeFactory.createLiteralDT(to + n.getLiteralLexicalForm().substring(from.length()), n.getLiteralDatatype());
        return n;
    }
}
