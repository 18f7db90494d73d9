package org.sovietpolicykg.vocabulary;

import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.errors.ConfigException;

/**
 * The base IRI that every IRI of the ontology and the data starts with, as one checked value. The sources
 * (ontology/, the vocabulary classes, the canned queries) are written against {@link #DEFAULT}; this is the one place
 * that moves them to another base, each thing exactly once: the built dataset ({@link #dataset}), a canned query when
 * the catalogue is loaded ({@link #query}), a single IRI ({@link #node}). It also gives the local path of an IRI on the
 * server ({@link #localPath}) and the standard prefixes under this base ({@link #prefixes}).
 * <pre>
 *   BaseIri base = BaseIri.of("https://example.org/kg/");
 *   base.node(SPD.entity("litvinov"));     // &lt;https://example.org/kg/id/litvinov&gt;
 *   base.localPath("https://example.org/kg/id/litvinov");   // Optional[/id/litvinov]
 * </pre>
 */
public final class BaseIri {
    /** The base the sources are written against. */
    public static final String DEFAULT_IRI = "https://w3id.org/soviet-policy-kg/";
    public static final BaseIri DEFAULT = new BaseIri(DEFAULT_IRI);

    private final String iri;

    private BaseIri(String iri) {
        this.iri = iri;
    }

    /** A base IRI: an absolute http(s) IRI that ends in '/'; anything else is refused with the value. */
    public static BaseIri of(String iri) {
        Objects.requireNonNull(iri, "base IRI");
        if (!iri.matches("https?://[^\\s<>\"{}|\\\\^`#?]+/"))
            throw new ConfigException("Illegal base IRI=" + iri + ": expected an http(s) IRI ending in '/', e.g. " + DEFAULT_IRI);
        return iri.equals(DEFAULT_IRI) ? DEFAULT : new BaseIri(iri);
    }

    /** The base as a string, ending in '/'. */
    public String iri() {
        return iri;
    }

    public boolean isDefault() {
        return iri.equals(DEFAULT_IRI);
    }

    /** An IRI written against the default base, moved to this one (others unchanged). */
    public String iri(String defaultIri) {
        return !isDefault() && defaultIri.startsWith(DEFAULT_IRI) ? iri + defaultIri.substring(DEFAULT_IRI.length()) : defaultIri;
    }

    /**
     * A node written against the default base, moved to this one: an IRI under the default base, or a plain literal
     * that is such an IRI as a whole (e.g. {@code vann:preferredNamespaceUri}); prose that mentions IRIs stays.
     */
    public Node node(Node n) {
        if (isDefault())
            return n;
        if (n.isURI() && n.getURI().startsWith(DEFAULT_IRI))
            return NodeFactory.createURI(iri(n.getURI()));
        if (n.isLiteral() && n.getLiteralLanguage().isEmpty() && n.getLiteralLexicalForm().startsWith(DEFAULT_IRI)
                && !n.getLiteralLexicalForm().contains(" "))
            return NodeFactory.createLiteralDT(iri(n.getLiteralLexicalForm()), n.getLiteralDatatype());
        return n;
    }

    /** A dataset built against the default base, moved to this one (the same dataset when this is the default). */
    public DatasetGraph dataset(DatasetGraph dsg) {
        if (isDefault())
            return dsg;
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(out, () -> dsg.find().forEachRemaining(q -> out.add(Quad.create(node(q.getGraph()),
                node(q.getSubject()), node(q.getPredicate()), node(q.getObject())))));
        return out;
    }

    /**
     * A query written against the default base (a canned query), moved to this one. Done on the query's own
     * serialisation, then parsed again, so that IRIs in property paths, VALUES blocks, prefixes and IRI-valued strings
     * all move. Call it once per query: the catalogue does, when it loads.
     */
    public Query query(Query q) {
        if (isDefault())
            return q;
        return QueryFactory.create(sparql(q.serialize()));
    }

    /** The text of a query written against the default base, with its IRIs moved to this one (for showing it). */
    public String sparql(String text) {
        return isDefault() ? text : text.replace(DEFAULT_IRI, iri);
    }

    /** The path of an IRI under this base on the server that serves it ({@code /id/litvinov}); empty for other IRIs. */
    public Optional<String> localPath(String anIri) {
        return anIri.startsWith(iri) ? Optional.of("/" + anIri.substring(iri.length())) : Optional.empty();
    }

    /** A link to an IRI as a page of this server shows it: its local path when it is ours, else the IRI itself. */
    public String href(String anIri) {
        return localPath(anIri).orElse(anIri);
    }

    /** The IRI under this base of a local path ({@code /id/litvinov}). */
    public Node resolve(String localPath) {
        return NodeFactory.createURI(iri + (localPath.startsWith("/") ? localPath.substring(1) : localPath));
    }

    /** The standard prefixes: our own namespaces under this base, the standard vocabularies as they are. */
    public PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        Prefixes.standard().forEach((p, uri) -> pm.add(p, iri(uri)));
        return pm;
    }

    @Override
    public String toString() {
        return iri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseIri b && b.iri.equals(iri);
    }

    @Override
    public int hashCode() {
        return iri.hashCode();
    }
}
