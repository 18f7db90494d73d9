package org.sovietpolicykg.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.Prefixes;
import org.sovietpolicykg.vocabulary.SPO;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;

/**
 * The project's JSON-LD 1.1 context, published at {@code <base>context.jsonld}, and the one writer of JSON-LD that
 * uses it (the JSON-LD dump, resource descriptions, CONSTRUCT answers, the ontology, VoID): every class and property
 * of the ontology gets its local name as a term ({@code claimedBy}, {@code hasAnchor}, {@code Claim}), object
 * properties typed {@code @id} (their values are plain IRI strings) and datatype properties typed by their declared
 * range; {@code id} and {@code type} alias {@code @id} and {@code @type}; the standard vocabularies are prefixes. The
 * data's own namespaces are not prefixes, so a notebook sees {@code "claimedBy": "https://…/id/preston"}.
 * <p>
 * Compaction is done by Titanium (the JSON-LD processor Jena uses) with the ordered flag and from quads sorted in
 * N-Quads order, so the same graph gives the same bytes; the dump's nodes of IRIs are written from the terms directly
 * ({@link JsonLdNodes}), the same bytes again, several times faster. An answer of the server names the context by a URL it
 * serves; the dataset's dump embeds it whole ({@link #write(DatasetGraph)}), so that a downloaded dump is read offline
 * by any processor (rdflib, pyld, jsonld.js) with nothing to fetch.
 */
public final class JsonLdContext {
    /** The file name of the context, under the base IRI and beside the dumps. */
    public static final String FILE = "context.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";

    /** Vocabularies of the dataset's descriptions (VoID, DCAT, the Service Description) and of roles. */
    private static final Map<String, String> EXTRA_PREFIXES = Map.of("void", "http://rdfs.org/ns/void#",
            "dcat", "http://www.w3.org/ns/dcat#", "sd", "http://www.w3.org/ns/sparql-service-description#",
            "org", "http://www.w3.org/ns/org#", "schema", "http://schema.org/");

    private static final Map<String, Object> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

    private final String url;
    private final JsonObject terms;
    private final byte[] document;
    /** The compaction of nodes from the terms, if the context is of a shape it knows. */
    private final Optional<JsonLdNodes> nodes;

    private JsonLdContext(String url, JsonObject terms) {
        this.url = url;
        this.terms = terms;
        this.document = json(Json.createObjectBuilder().add("@context", terms).build());
        this.nodes = JsonLdNodes.of(terms);
    }

    /**
     * The context of an ontology graph under a base IRI. A local name given to two terms, or one that is also a
     * prefix or an alias, is an error: a context must say one thing per name.
     */
    public static JsonLdContext of(Graph ontology, BaseIri base) {
        String ns = base.node(NodeFactory.createURI(SPO.NS)).getURI();
        Map<String, JsonValue> defs = new TreeMap<>();
        Map<String, String> owner = new TreeMap<>();
        defs.put("id", Json.createValue("@id"));
        defs.put("type", Json.createValue("@type"));
        owner.put("id", "@id");
        owner.put("type", "@type");
        List<String> problems = new ArrayList<>();
        Set<String> data = Set.of("spd", "spc", "claim", "link", "statement");
        Map<String, String> prefixes = new TreeMap<>(EXTRA_PREFIXES);
        Prefixes.standard(base.iri()).forEach((prefix, iri) -> {
            if (!data.contains(prefix))
                prefixes.put(prefix, iri);
        });
        prefixes.forEach((prefix, iri) -> {
            if (claim(owner, problems, prefix, iri))
                defs.put(prefix, Json.createValue(iri));
        });
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList().stream()
                .filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(ns))
                .map(t -> t.getSubject()).distinct().sorted(Comparator.comparing(Node::getURI)).forEach(term -> {
                    String name = term.getURI().substring(ns.length());
                    if (name.isEmpty() || !claim(owner, problems, name, term.getURI()))
                        return;
                    defs.put(name, definition(ontology, term));
                });
        if (!problems.isEmpty())
            throw new IllegalArgumentException("The JSON-LD context cannot be made: " + String.join("; ", problems));
        JsonObjectBuilder b = Json.createObjectBuilder();
        defs.forEach(b::add);
        return new JsonLdContext(base.iri() + FILE, b.build());
    }

    private static boolean claim(Map<String, String> owner, List<String> problems, String name, String iri) {
        String before = owner.putIfAbsent(name, iri);
        if (before != null && !before.equals(iri)) {
            problems.add("the name \"" + name + "\" would be both " + before + " and " + iri);
            return false;
        }
        return true;
    }

    /** An object property's values are IRIs; a datatype property's are of its one declared datatype, if it has one. */
    private static JsonValue definition(Graph ontology, Node term) {
        boolean objectProperty = ontology.contains(term, RDF.type.asNode(), OWL.ObjectProperty.asNode());
        List<Node> ranges = ontology.find(term, RDFS.range.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();
        String type = null;
        if (objectProperty)
            type = "@id";
        else if (ontology.contains(term, RDF.type.asNode(), OWL.DatatypeProperty.asNode()) && ranges.size() == 1
                && ranges.get(0).isURI() && ranges.get(0).getURI().startsWith(XSD.NS) && !ranges.get(0).getURI().equals(XSD.xstring.getURI()))
            type = ranges.get(0).getURI();
        if (type == null)
            return Json.createValue(term.getURI());
        return Json.createObjectBuilder().add("@id", term.getURI()).add("@type", type).build();
    }

    /** Where the context is published: {@code <base>context.jsonld}. */
    public String url() {
        return url;
    }

    /** The context document ({@code {"@context": {…}}}), as served and as written beside the dumps. */
    public byte[] document() {
        return document.clone();
    }

    /** A loader that knows this context by its URL under the base IRI, and nothing else: nothing is fetched. */
    public DocumentLoader loader() {
        return (uri, options) -> {
            if (!uri.toString().equals(url))
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Only " + url + " is known here, not " + uri);
            return JsonDocument.of(new StringReader(new String(document, StandardCharsets.UTF_8)));
        };
    }

    /** One graph, compacted with the context, which it names by its URL under the base IRI. */
    public byte[] write(Graph g) {
        return write(DatasetGraphFactory.wrap(g), url);
    }

    /**
     * One graph, compacted with the context, which it names by {@code contextUrl}: a server names its own
     * {@code /context.jsonld}, so that a client can always fetch what it needs to read the answer.
     */
    public byte[] write(Graph g, String contextUrl) {
        return write(DatasetGraphFactory.wrap(g), contextUrl);
    }

    /**
     * A dataset (its default graph and named graphs), compacted with the context, which it embeds: the document is
     * complete, a processor needs no network to read it (the JSON-LD dump).
     */
    public byte[] write(DatasetGraph dsg) {
        return write(dsg, terms);
    }

    /** Subjects compacted at once by Titanium in {@link #writeDataset}: the context is processed once for each batch. */
    private static final int SUBJECTS_PER_BATCH = 1000;

    /**
     * A dataset's named graphs, compacted with the context, which it embeds (the JSON-LD dump), written as they are
     * made: the same document as {@link #write(DatasetGraph)}, to the byte, without holding the dataset as JSON. Each
     * graph is a graph object ({@code "@graph"} and {@code "id"}) in IRI order; its nodes, in IRI order, are compacted
     * each on its own, as compaction treats each node on its own: from the context's terms ({@link JsonLdNodes}), or by
     * Titanium if that cannot be done with certainty. A graph with blank nodes (the ontology's lists) is compacted
     * whole by Titanium. A dataset with a default graph, a blank graph name or fewer than two graphs is compacted
     * whole (one graph would be the document itself), as is one of up to {@value #WHOLE_AT_MOST} quads if the context
     * is not of the shape {@link JsonLdNodes} knows (above that, Titanium compacts a thousand subjects at a time).
     */
    public void writeDataset(DatasetGraph dsg, OutputStream out) throws IOException {
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (!dsg.getGraph(g).isEmpty() || !g.isURI())
                graphs.add(g);
        });
        if (!dsg.getDefaultGraph().isEmpty() || graphs.stream().anyMatch(g -> !g.isURI()) || graphs.size() < 2
                || nodes.isEmpty() && atMost(dsg, WHOLE_AT_MOST)) {
            out.write(write(dsg));
            return;
        }
        graphs.sort(Comparator.comparing(Node::getURI));
        try {
            JsonGenerator gen = Json.createGeneratorFactory(PRETTY).createGenerator(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
            gen.writeStartObject();
            gen.write("@context", terms);
            gen.writeStartArray("@graph");
            for (Node name : graphs) {
                gen.writeStartObject();
                gen.writeStartArray("@graph");
                writeNodes(dsg.getGraph(name), gen);
                gen.writeEnd();
                gen.write("id", compactId(name));
                gen.writeEnd();
            }
            gen.writeEnd();
            gen.writeEnd();
            gen.close();
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalStateException("JSON-LD could not be written: " + e.getMessage(), e);
        }
        // a final newline, as every other dump has
        out.write('\n');
    }

    /**
     * The node objects of a graph, in the order of their IRIs; of a graph with blank nodes, in the order compaction
     * gives them.
     */
    private void writeNodes(Graph g, JsonGenerator gen) throws JsonLdError, RdfConsumerException {
        // its subjects and whether it has blank nodes, in one pass over the graph (holding its subjects, not its triples)
        List<Node> seen = new ArrayList<>();
        boolean blank = false;
        for (Iterator<Triple> it = g.find(); it.hasNext();) {
            Triple t = it.next();
            blank |= t.getSubject().isBlank() || t.getObject().isBlank();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(t.getSubject()))
                seen.add(t.getSubject());
        }
        if (blank) {
            for (JsonValue node : compactNodes(g.find().toList()))
                gen.write(node);
            return;
        }
        List<Node> subjects = seen.stream().distinct().sorted(Comparator.comparing(Node::getURI)).toList();
        if (nodes.isPresent()) {
            JsonLdNodes compaction = nodes.get();
            for (Node s : subjects) {
                List<Triple> triples = g.find(s, Node.ANY, Node.ANY).toList();
                if (!compaction.write(gen, s, triples)) {
                    for (JsonValue node : compactNodes(triples))
                        gen.write(node);
                }
            }
            return;
        }
        for (int i = 0; i < subjects.size(); i += SUBJECTS_PER_BATCH) {
            List<Triple> batch = new ArrayList<>();
            for (Node s : subjects.subList(i, Math.min(subjects.size(), i + SUBJECTS_PER_BATCH)))
                g.find(s, Node.ANY, Node.ANY).forEachRemaining(batch::add);
            for (JsonValue node : compactNodes(batch))
                gen.write(node);
        }
    }

    /**
     * Up to this many quads the dump is compacted whole, in one pass, when the context is not one {@link JsonLdNodes}
     * compacts (the same bytes, and faster than batches while it fits: each batch processes the context again).
     */
    private static final long WHOLE_AT_MOST = 250_000;

    private static boolean atMost(DatasetGraph dsg, long n) {
        Iterator<Quad> it = dsg.find();
        long seen = 0;
        while (it.hasNext() && seen <= n) {
            it.next();
            seen++;
        }
        return seen <= n;
    }

    /** The node objects of some triples, compacted with the context, in the order compaction gives them. */
    private List<JsonValue> compactNodes(List<Triple> triples) throws JsonLdError, RdfConsumerException {
        QuadsToJsonld fromRdf = JsonLd.fromRdf().mode(JsonLdVersion.V1_1).ordered(true);
        List<Quad> quads = new ArrayList<>(triples.size());
        for (Triple t : triples)
            quads.add(Quad.create(Quad.defaultGraphIRI, t));
        quads.sort(Comparator.comparing(JsonLdContext::key));
        for (Quad q : quads)
            consume(fromRdf, q);
        JsonObject compacted = JsonLd.compact(JsonDocument.of(fromRdf.toJsonLd()), JsonDocument.of(contextDocument())).ordered(true).get();
        if (compacted.containsKey("@graph") && compacted.keySet().stream().allMatch(k -> k.equals("@graph") || k.equals("@context")))
            return List.copyOf(compacted.getJsonArray("@graph"));
        // one node: the document is the node itself
        JsonObjectBuilder node = Json.createObjectBuilder();
        compacted.forEach((k, v) -> {
            if (!k.equals("@context"))
                node.add(k, v);
        });
        JsonObject one = node.build();
        return one.isEmpty() ? List.of() : List.of(one);
    }

    /** A graph's name as compaction writes the {@code @id} of a graph object. */
    private String compactId(Node name) throws JsonLdError {
        JsonArray expanded = Json.createArrayBuilder().add(Json.createObjectBuilder().add("@id", name.getURI())
                .add("@graph", Json.createArrayBuilder().add(Json.createObjectBuilder().add("@id", "urn:x:n")
                        .add("urn:x:p", Json.createArrayBuilder().add(Json.createObjectBuilder().add("@value", "v"))))))
                .build();
        JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(contextDocument())).ordered(true).get();
        return compacted.getString(idKey(compacted));
    }

    private static String idKey(JsonObject o) {
        return o.containsKey("id") ? "id" : "@id";
    }

    private JsonObject contextDocument() {
        return Json.createObjectBuilder().add("@context", terms).build();
    }


    private byte[] write(DatasetGraph dsg, String contextUrl) {
        return write(dsg, Json.createValue(contextUrl));
    }

    /** Compacted with the terms, the document's {@code @context} being {@code context} (the URL, or the terms themselves). */
    private byte[] write(DatasetGraph dsg, JsonValue context) {
        try {
            QuadsToJsonld fromRdf = JsonLd.fromRdf().mode(JsonLdVersion.V1_1).ordered(true);
            List<Quad> quads = new ArrayList<>();
            dsg.find().forEachRemaining(quads::add);
            quads.sort(Comparator.comparing(JsonLdContext::key));
            for (Quad q : quads)
                consume(fromRdf, q);
            JsonArray expanded = fromRdf.toJsonLd();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(Json.createObjectBuilder().add("@context", terms).build()))
                    .ordered(true).get();
            JsonObjectBuilder out = Json.createObjectBuilder().add("@context", context);
            compacted.forEach((k, v) -> {
                if (!k.equals("@context"))
                    out.add(k, v);
            });
            return json(out.build());
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalStateException("JSON-LD could not be written: " + e.getMessage(), e);
        }
    }

    private static String key(Quad q) {
        return (q.isDefaultGraph() ? "" : q.getGraph().toString()) + ' ' + q.getSubject() + ' ' + q.getPredicate() + ' ' + q.getObject();
    }

    private static void consume(QuadsToJsonld c, Quad q) throws RdfConsumerException {
        String g = q.isDefaultGraph() ? null : resource(q.getGraph());
        Node o = q.getObject();
        if (o.isLiteral()) {
            String lang = o.getLiteralLanguage().isEmpty() ? null : o.getLiteralLanguage();
            c.quad(resource(q.getSubject()), resource(q.getPredicate()), o.getLiteralLexicalForm(), o.getLiteralDatatypeURI(), lang, null, g);
        } else {
            c.quad(resource(q.getSubject()), resource(q.getPredicate()), resource(o), null, null, null, g);
        }
    }

    private static String resource(Node n) {
        if (n.isBlank())
            return "_:" + n.getBlankNodeLabel();
        if (n.isURI())
            return n.getURI();
        throw new IllegalArgumentException("JSON-LD has no place for the term " + n);
    }

    private static byte[] json(JsonObject o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = Json.createWriterFactory(PRETTY).createWriter(out, StandardCharsets.UTF_8)) {
            w.writeObject(o);
        }
        byte[] b = out.toByteArray();
        // a final newline, as every other dump has
        byte[] nl = new byte[b.length + 1];
        System.arraycopy(b, 0, nl, 0, b.length);
        nl[b.length] = '\n';
        return nl;
    }
}
