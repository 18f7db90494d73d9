package org.sovietpolicykg.html;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDFS;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * RDF terms as pages show them, in one place: an IRI by its prefixed name (or in full), linked to its local page when
 * it is ours ({@link BaseIri#href}) and to itself otherwise; a literal by its lexical form and language.
 * <pre>
 *   Terms terms = new Terms(base);
 *   terms.view(spd:litvinov)   // {href=/id/litvinov, text=spd:litvinov}
 * </pre>
 */
public final class Terms {
    private final BaseIri base;
    private final PrefixMap prefixes;

    public Terms(BaseIri base) {
        this.base = base;
        this.prefixes = base.prefixes();
    }

    public BaseIri base() {
        return base;
    }

    /** An IRI's prefixed name under the standard prefixes, or the IRI itself. */
    public String name(Node n) {
        String a = prefixes.abbreviate(n.getURI());
        return a == null ? n.getURI() : a;
    }

    /** A term for a template: {@code href} (IRIs only), {@code text} and {@code lang} (literals only). */
    public Map<String, Object> view(Node n) {
        return view(n, null);
    }

    /** The same, an IRI's text being its label in {@code labels} followed by its name, when it has one. */
    public Map<String, Object> view(Node n, Graph labels) {
        Map<String, Object> m = new HashMap<>();
        if (n == null) {
            m.put("text", "");
        } else if (n.isURI()) {
            Optional<String> label = labels == null ? Optional.empty() : label(labels, n);
            m.put("text", label.map(l -> l + " (" + name(n) + ")").orElse(name(n)));
            m.put("href", base.href(n.getURI()));
        } else if (n.isLiteral()) {
            m.put("text", n.getLiteralLexicalForm());
            m.put("lang", n.getLiteralLanguage());
        } else {
            m.put("text", n.toString());
        }
        return m;
    }

    /** The first rdfs:label of a node, in a stable order. */
    public static Optional<String> label(Graph g, Node n) {
        return g.find(n, RDFS.label.asNode(), Node.ANY).mapWith(t -> t.getObject()).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).toList().stream().sorted().findFirst();
    }
}
