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

    /**
     * A query whose IRIs under the default base are moved to another base (the canned queries are written against the
     * default). Done on the query's own serialisation, then parsed again, so that IRIs in property paths, VALUES blocks,
     * prefixes and IRI-valued strings all move; the new base is a checked setting, never a request value.
     */
    public static org.apache.jena.query.Query query(org.apache.jena.query.Query q, String to) {
        String from = org.sovietpolicykg.config.Settings.DEFAULT_BASE;
        if (to.equals(from))
            return q;
        return org.apache.jena.query.QueryFactory.create(q.serialize().replace(from, to));
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
