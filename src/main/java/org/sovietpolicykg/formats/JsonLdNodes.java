package org.sovietpolicykg.formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

import com.apicatalog.jsonld.uri.UriUtils;

/**
 * The node objects of the JSON-LD dump compacted from the context's term table, without a JSON-LD processor: for a
 * node of IRIs, the bytes Titanium's compaction gives (from quads in N-Quads order, ordered), written straight to the
 * generator. It knows the term definitions {@link JsonLdContext#of} makes (prefixes, the {@code id} and {@code type}
 * aliases, a term for an IRI, typed {@code @id} or by a datatype) and what the algorithms do with them: the key of each
 * property is the term that term selection chooses for its values; a value its term's type mapping takes is a bare
 * string, other literals are value objects (keys in order: {@code @language} or {@code type}, then {@code @value});
 * IRIs are compact IRIs of the lexicographically least prefix, else absolute (no base, no vocabulary mapping).
 * <p>
 * A context of any other shape has no such compaction ({@link #of} is empty). A node it cannot compact with certainty
 * is refused ({@link #write} writes nothing and answers false), for Titanium to compact: a blank node, an IRI not of
 * the form {@code scheme://authority…}, {@code rdf:nil} as an object, an IRI of two terms, a value its term's type mapping does not take (term
 * selection would then give another key), a literal of {@code rdf:JSON}, of an i18n datatype or with a base
 * direction, a language tag that is not lower case, an {@code rdf:type} literal, two values alike.
 */
final class JsonLdNodes {
    private static final String I18N = "https://www.w3.org/ns/i18n#";

    /** A term definition: of an IRI, with no type mapping ({@code type} null), typed {@code @id} or by a datatype. */
    private record Term(String name, String type) {
        boolean plain() {
            return type == null;
        }

        boolean ids() {
            return "@id".equals(type);
        }
    }

    private record Prefix(String name, String iri) {}

    /** The terms of each IRI (the inverse context, as far as this context needs one). */
    private final Map<String, List<Term>> terms;
    private final List<Prefix> prefixes;
    private final String idKey;
    private final String typeKey;
    /** The prefixes of each namespace seen (at most {@value #MAX_NAMESPACES}). */
    private final Map<String, List<Prefix>> namespaces = new ConcurrentHashMap<>();
    private static final int MAX_NAMESPACES = 10_000;
    private static final String GEN_DELIMS = ":/?#[]@";

    private JsonLdNodes(Map<String, List<Term>> terms, List<Prefix> prefixes, String idKey, String typeKey) {
        this.terms = terms;
        this.prefixes = prefixes;
        this.idKey = idKey;
        this.typeKey = typeKey;
    }

    /**
     * The compaction of a context's terms, if every definition is of a shape it knows: a string (an absolute IRI of
     * the form {@code scheme://…}, or the alias {@code @id} or {@code @type}, each alias once at most) or a map of
     * {@code @id} (such an IRI) and {@code @type} ({@code @id} or such an IRI); no term's name holds {@code :} or
     * {@code /} or starts with {@code @} (so no {@code @vocab}, {@code @base}, {@code @language}).
     */
    static Optional<JsonLdNodes> of(JsonObject context) {
        Map<String, List<Term>> terms = new HashMap<>();
        List<Prefix> prefixes = new ArrayList<>();
        List<String> idAliases = new ArrayList<>();
        List<String> typeAliases = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : context.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.startsWith("@") || name.contains(":") || name.contains("/"))
                return Optional.empty();
            JsonValue v = e.getValue();
            if (v instanceof JsonString s) {
                String iri = s.getString();
                if (iri.equals("@id")) {
                    idAliases.add(name);
                    continue;
                }
                if (iri.equals("@type")) {
                    typeAliases.add(name);
                    continue;
                }
                if (!authority(iri))
                    return Optional.empty();
                terms.computeIfAbsent(iri, k -> new ArrayList<>()).add(new Term(name, null));
                // Titanium's prefix flag of a simple term (JSON-LD 1.1, Create Term Definition 14.2.5)
                if (UriUtils.endsWithGenDelim(iri) && UriUtils.isURI(iri.substring(0, iri.length() - 1)))
                    prefixes.add(new Prefix(name, iri));
            } else if (v instanceof JsonObject o) {
                if (!Set.of("@id", "@type").containsAll(o.keySet()) || !(o.get("@id") instanceof JsonString id) || !authority(id.getString()))
                    return Optional.empty();
                String type = null;
                if (o.containsKey("@type")) {
                    if (!(o.get("@type") instanceof JsonString t) || !(t.getString().equals("@id") || authority(t.getString())))
                        return Optional.empty();
                    type = t.getString();
                }
                terms.computeIfAbsent(id.getString(), k -> new ArrayList<>()).add(new Term(name, type));
            } else {
                return Optional.empty();
            }
        }
        if (idAliases.size() > 1 || typeAliases.size() > 1)
            return Optional.empty();
        return Optional.of(new JsonLdNodes(terms, List.copyOf(prefixes), idAliases.isEmpty() ? "@id" : idAliases.get(0),
                typeAliases.isEmpty() ? "@type" : typeAliases.get(0)));
    }

    /**
     * An absolute IRI whose scheme is followed by {@code //} and an authority: expansion keeps it as it is (it is no
     * compact IRI), and IRI compaction never takes it for one.
     */
    private static boolean authority(String iri) {
        int colon = iri.indexOf(':');
        if (colon < 1 || !Character.isLetter(iri.charAt(0)) || iri.charAt(0) > 'z')
            return false;
        for (int i = 1; i < colon; i++) {
            char c = iri.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))
                return false;
        }
        return iri.startsWith("//", colon + 1) && iri.length() > colon + 3 && iri.charAt(colon + 3) != '/';
    }

    /**
     * An IRI as the value of {@code @id} (IRI compaction, vocab false): the lexicographically least compact IRI of a
     * prefix, as Titanium chooses it, else the IRI itself. A prefix ends with a gen-delim, so the prefixes of an IRI
     * are those of its namespace (up to its last gen-delim but the final character), looked up once for each.
     */
    private String compactIri(String iri) {
        int end = iri.length() - 2;
        while (end >= 0 && GEN_DELIMS.indexOf(iri.charAt(end)) < 0)
            end--;
        if (end < 0)
            return iri;
        String namespace = iri.substring(0, end + 1);
        List<Prefix> of = namespaces.get(namespace);
        if (of == null) {
            of = prefixes.stream().filter(p -> namespace.startsWith(p.iri())).toList();
            if (namespaces.size() < MAX_NAMESPACES)
                namespaces.put(namespace, of);
        }
        String best = null;
        for (Prefix p : of) {
            String candidate = p.name() + ':' + iri.substring(p.iri().length());
            if (best == null || candidate.compareTo(best) < 0)
                best = candidate;
        }
        return best == null ? iri : best;
    }

    /**
     * An IRI as a type (IRI compaction, vocab true, no value): its term, if it has one untyped or typed {@code @id}
     * (term selection of {@code @type}/{@code @id} or {@code @none}), else its compact IRI; null for an IRI of two
     * terms.
     */
    private String compactType(String iri) {
        List<Term> ts = terms.get(iri);
        if (ts == null)
            return compactIri(iri);
        if (ts.size() != 1)
            return null;
        Term t = ts.get(0);
        return t.plain() || t.ids() ? t.name() : compactIri(iri);
    }

    private static final Comparator<Triple> BY_PREDICATE = (a, b) -> a.getPredicate().getURI().compareTo(b.getPredicate().getURI());

    /** A compacted value: a string, or a node reference or value object as its keys and strings in order. */
    private record Value(String string, String[] entries) {}

    /**
     * Writes the node object of a subject from its triples, and answers true; or writes nothing and answers false if
     * the node is not one it compacts with certainty.
     */
    boolean write(JsonGenerator gen, Node subject, List<Triple> triples) {
        if (!subject.isURI() || !authority(subject.getURI()))
            return false;
        List<Triple> sorted = new ArrayList<>(triples);
        sorted.sort(BY_PREDICATE);
        List<String> types = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<List<Value>> values = new ArrayList<>();
        for (int i = 0; i < sorted.size();) {
            Node p = sorted.get(i).getPredicate();
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).getPredicate().equals(p))
                j++;
            List<Node> objects = new ArrayList<>(j - i);
            for (int k = i; k < j; k++)
                objects.add(sorted.get(k).getObject());
            i = j;
            if (!objects(objects))
                return false;
            if (!p.isURI() || !authority(p.getURI()))
                return false;
            if (p.equals(RDF.type.asNode())) {
                for (Node o : objects) {
                    String type = o.isURI() ? compactType(o.getURI()) : null;
                    if (type == null)
                        return false;
                    types.add(type);
                }
                continue;
            }
            List<Term> ts = terms.get(p.getURI());
            if (ts != null && ts.size() != 1)
                return false;
            Term term = ts == null ? null : ts.get(0);
            List<Value> vs = new ArrayList<>(objects.size());
            for (Node o : objects) {
                Value v = value(term, o);
                if (v == null)
                    return false;
                vs.add(v);
            }
            keys.add(term == null ? compactIri(p.getURI()) : term.name());
            values.add(vs);
        }
        gen.writeStartObject();
        gen.write(idKey, compactIri(subject.getURI()));
        if (types.size() == 1) {
            gen.write(typeKey, types.get(0));
        } else if (!types.isEmpty()) {
            gen.writeStartArray(typeKey);
            types.forEach(gen::write);
            gen.writeEnd();
        }
        for (int i = 0; i < keys.size(); i++) {
            List<Value> vs = values.get(i);
            if (vs.size() == 1) {
                Value v = vs.get(0);
                if (v.string() != null)
                    gen.write(keys.get(i), v.string());
                else
                    entries(gen.writeStartObject(keys.get(i)), v.entries());
            } else {
                gen.writeStartArray(keys.get(i));
                for (Value v : vs) {
                    if (v.string() != null)
                        gen.write(v.string());
                    else
                        entries(gen.writeStartObject(), v.entries());
                }
                gen.writeEnd();
            }
        }
        gen.writeEnd();
        return true;
    }

    private static void entries(JsonGenerator gen, String[] entries) {
        for (int i = 0; i < entries.length; i += 2)
            gen.write(entries[i], entries[i + 1]);
        gen.writeEnd();
    }

    /**
     * Puts the objects of a subject's property in the order the values get from quads in N-Quads order (by
     * {@link Node#toString}, as {@link JsonLdContext} sorts them), and answers false if two of them are alike there
     * or as JSON-LD values (which the conversion from RDF would merge).
     */
    private static boolean objects(List<Node> objects) {
        if (objects.size() < 2)
            return true;
        List<String> shown = new ArrayList<>(objects.size());
        Map<String, Node> byShown = new HashMap<>();
        for (Node o : objects) {
            String s = o.toString();
            if (byShown.put(s, o) != null)
                return false;
            shown.add(s);
        }
        shown.sort(null);
        Set<String> json = new HashSet<>();
        objects.clear();
        for (String s : shown) {
            Node o = byShown.get(s);
            objects.add(o);
            String k = o.isLiteral() ? "L" + o.getLiteralLexicalForm() + '\u0000' + o.getLiteralDatatypeURI() + '\u0000' + o.getLiteralLanguage()
                    : "I" + o;
            if (!json.add(k))
                return false;
        }
        return true;
    }

    /** A property's value compacted, its property's term being {@code term} (null if none); null if not certain. */
    private Value value(Term term, Node o) {
        if (o.isURI()) {
            // rdf:nil as an object is an empty list to the conversion from RDF
            if (!authority(o.getURI()) || o.equals(RDF.nil.asNode()))
                return null;
            if (term == null || term.plain())
                return new Value(null, new String[] {idKey, compactIri(o.getURI())});
            return term.ids() ? new Value(compactIri(o.getURI()), null) : null;
        }
        if (!o.isLiteral())
            return null;
        String lexical = o.getLiteralLexicalForm();
        String datatype = o.getLiteralDatatypeURI();
        String language = o.getLiteralLanguage();
        if (!language.isEmpty()) {
            if (!RDF.langString.getURI().equals(datatype) || !lowerCase(language) || term != null && !term.plain())
                return null;
            return new Value(null, new String[] {"@language", language, "@value", lexical});
        }
        if (datatype == null || datatype.equals(XSD.xstring.getURI()))
            return term == null || term.plain() ? new Value(lexical, null) : null;
        if (datatype.equals(RDF.JSON.getURI()) || datatype.startsWith(I18N) || !authority(datatype))
            return null;
        if (term != null && datatype.equals(term.type()))
            return new Value(lexical, null);
        if (term != null && !term.plain())
            return null;
        String type = compactType(datatype);
        return type == null ? null : new Value(null, new String[] {typeKey, type, "@value", lexical});
    }

    /** A language tag expansion leaves as it is (it lower-cases tags): letters a to z, digits, hyphens. */
    private static boolean lowerCase(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'))
                return false;
        }
        return true;
    }
}
