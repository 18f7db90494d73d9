package org.sovietpolicykg.html;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPO;

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

    /**
     * A term as a reader sees it: an IRI by its label alone (its prefixed name as {@code code}), a literal by its
     * value, with what kind of value it is in words ({@code date}, {@code year}, {@code number}; a boolean as yes or
     * no), never a datatype IRI.
     */
    public Map<String, Object> plain(Node n, Graph labels) {
        Map<String, Object> m = new HashMap<>();
        if (n == null) {
            m.put("text", "");
        } else if (n.isURI()) {
            m.put("text", label(labels, n).orElse(name(n)));
            m.put("code", name(n));
            m.put("href", base.href(n.getURI()));
        } else if (n.isLiteral()) {
            String dt = n.getLiteralDatatypeURI();
            String local = dt == null ? "" : dt.substring(Math.max(dt.lastIndexOf('#'), dt.lastIndexOf('/')) + 1);
            String text = n.getLiteralLexicalForm();
            if (local.equals("boolean"))
                text = text.equals("true") || text.equals("1") ? "yes" : "no";
            m.put("text", text);
            m.put("lang", n.getLiteralLanguage());
            String kind = switch (local) {
                case "date" -> "date";
                case "dateTime" -> "date and time";
                case "gYear" -> "year";
                case "gYearMonth" -> "month";
                case "integer", "int", "long", "nonNegativeInteger", "positiveInteger", "decimal", "double", "float" -> "number";
                case "anyURI" -> "web address";
                case "string", "langString", "boolean", "" -> "";
                default -> local;
            };
            if (!kind.isEmpty())
                m.put("kind", kind);
            if (local.equals("anyURI"))
                m.put("href", n.getLiteralLexicalForm());
        } else {
            m.put("text", "(a node without a name)");
        }
        return m;
    }

    /** A term of the ontology ({@code spo:} local name) under this base IRI. */
    public Node spo(String localName) {
        return base.node(SPO.term(localName));
    }

    /** The first object of a subject and property, in a stable order (the graph's own order is not). */
    public static Optional<Node> first(Graph g, Node subject, Node property) {
        return g.find(subject, property, Node.ANY).mapWith(t -> t.getObject()).toList().stream().min(Comparator.comparing(Node::toString));
    }

    /** The label of a node: its rdfs:label or else its skos:prefLabel, English (or untagged) first, in a stable order. */
    public static Optional<String> label(Graph g, Node n) {
        Optional<String> l = label(g, n, RDFS.label.asNode());
        return l.isPresent() ? l : label(g, n, SKOS.prefLabel.asNode());
    }

    private static Optional<String> label(Graph g, Node n, Node property) {
        return g.find(n, property, Node.ANY).mapWith(t -> t.getObject()).filterKeep(Node::isLiteral).toList().stream()
                .sorted(Comparator.comparing((Node x) -> x.getLiteralLanguage().equals("en") || x.getLiteralLanguage().isEmpty() ? 0 : 1)
                        .thenComparing(Node::getLiteralLexicalForm))
                .map(Node::getLiteralLexicalForm).findFirst();
    }
}
