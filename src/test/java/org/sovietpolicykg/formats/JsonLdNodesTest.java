package org.sovietpolicykg.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The JSON-LD dump's nodes compacted from the context's terms ({@link JsonLdNodes}) are, to the byte, what Titanium's
 * compaction of the whole dataset gives ({@link JsonLdContext#write(DatasetGraph)}): for the essay's dataset, for a
 * generated corpus of several texts, and for generated nodes of every shape of term and value (those it refuses
 * included, which Titanium then compacts); and the dump reads back as the same graphs.
 */
class JsonLdNodesTest {
    static final String BASE = BaseIri.DEFAULT_IRI;

    @Test
    void the_essays_dump_is_titaniums_whole_compaction_to_the_byte_and_every_node_of_iris_is_compacted_from_the_terms() {
        DatasetGraph dsg = TestGraphs.real().dataset();
        Txn.executeRead(dsg, () -> sameAsTitanium(DatasetWriter.namedGraphs(dsg), DatasetWriter.context(dsg, BaseIri.DEFAULT), true));
    }

    @Test
    void a_corpus_of_three_texts_gives_titaniums_bytes_too(@TempDir Path tmp) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path corpus = tmp.resolve("corpus");
        Process p = new ProcessBuilder(java, "-cp", ManagementFactory.getRuntimeMXBean().getClassPath(), "bench/Corpus.java", "3",
                corpus.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, printed);
        DatasetGraph dsg = GraphBuilder.create().projectDir(corpus).build().dataset();
        Txn.executeRead(dsg, () -> sameAsTitanium(DatasetWriter.namedGraphs(dsg), DatasetWriter.context(dsg, BaseIri.DEFAULT), true));
    }

    @Test
    void generated_nodes_of_every_shape_give_titaniums_bytes_whether_compacted_from_the_terms_or_refused() {
        DatasetGraph real = TestGraphs.real().dataset();
        JsonLdContext context = Txn.calculateRead(real, () -> DatasetWriter.context(real, BaseIri.DEFAULT));
        JsonObject terms = terms(context);
        List<Node> plain = new ArrayList<>();
        List<Node> ids = new ArrayList<>();
        List<Node> typed = new ArrayList<>();
        List<Node> classes = new ArrayList<>();
        terms.forEach((name, def) -> {
            if (def instanceof JsonObject o)
                (o.getString("@type").equals("@id") ? ids : typed).add(NodeFactory.createURI(o.getString("@id")));
            else if (Character.isUpperCase(name.charAt(0)))
                classes.add(NodeFactory.createURI(((JsonString) def).getString()));
            else if (!name.equals("id") && !name.equals("type"))
                plain.add(NodeFactory.createURI(((JsonString) def).getString()));
        });
        assertTrue(plain.size() > 5 && ids.size() > 20 && typed.size() > 3 && classes.size() > 10, terms.keySet().toString());
        // properties of no term; the last of an IRI the fast path refuses (no authority)
        List<Node> others = List.of(RDFS.label.asNode(), RDFS.comment.asNode(), NodeFactory.createURI(SPO.NS + "notATerm"),
                NodeFactory.createURI("http://example.org/p"),
                NodeFactory.createURI("http://www.w3.org/ns/oa#hasTarget"), NodeFactory.createURI("http://www.w3.org/ns/oa#"),
                NodeFactory.createURI("http://purl.org/dc/terms/created"), NodeFactory.createURI("urn:example:p"));
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 20; round++) {
            Random random = new Random(round);
            DatasetGraph dsg = DatasetGraphFactory.createGeneral();
            for (String graph : List.of("graph/a", "graph/b", "graph/c")) {
                Graph g = dsg.getGraph(NodeFactory.createURI(BASE + graph));
                for (int n = 0; n < 40; n++) {
                    Node s = random.nextInt(12) == 0 ? pick(random, List.of(NodeFactory.createURI(SPO.NS + "S" + n), NodeFactory.createURI("urn:example:s" + n),
                            NodeFactory.createURI("http://www.wikidata.org/entity/Q" + n), NodeFactory.createURI(BASE + "id/" + n + "#frag")))
                            : NodeFactory.createURI(BASE + "id/node-" + n);
                    // two nodes in three of only what the fast path takes; the others of anything
                    boolean clean = random.nextInt(3) > 0;
                    int properties = 1 + random.nextInt(6);
                    for (int k = 0; k < properties; k++) {
                        int kind = random.nextInt(10);
                        Node predicate = kind < 3 ? pick(random, ids) : kind < 5 ? pick(random, plain) : kind < 7 ? pick(random, typed)
                                : kind < 8 ? RDF.type.asNode() : pick(random, clean ? others.subList(0, 4) : others);
                        int values = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
                        for (int v = 0; v < values; v++)
                            g.add(Triple.create(s, predicate, object(random, predicate, typed, classes, kind, clean)));
                    }
                }
            }
            JsonLdNodes nodes = JsonLdNodes.of(terms).orElseThrow();
            for (Node name : List.of("graph/a", "graph/b", "graph/c").stream().map(x -> NodeFactory.createURI(BASE + x)).toList()) {
                Graph g = dsg.getGraph(name);
                for (Node s : g.find().mapWith(Triple::getSubject).toSet()) {
                    if (nodes.write(Json.createGenerator(new StringWriter()).writeStartArray(), s, g.find(s, Node.ANY, Node.ANY).toList()))
                        accepted++;
                    else
                        refused++;
                }
            }
            sameAsTitanium(dsg, context, false);
        }
        assertTrue(accepted > 1000 && refused > 100, "both compacted from the terms (" + accepted + ") and refused (" + refused + ")");
    }

    /** A value for a property: most of the kind its term takes, some of any other kind. */
    static Node object(Random random, Node predicate, List<Node> typed, List<Node> classes, int kind, boolean clean) {
        int shape = clean ? 0 : random.nextInt(16);
        if (kind == 7 && shape < 12)
            return random.nextInt(6) == 0 ? pick(random, List.of(NodeFactory.createURI("http://www.w3.org/ns/oa#Annotation"),
                    NodeFactory.createURI(SPO.NS + "NotAClass"), NodeFactory.createURI("http://example.org/C"), NodeFactory.createURI("urn:example:c"),
                    RDFS.Class.asNode())) : pick(random, classes);
        if (kind >= 5 && kind < 7 && shape < 10) {
            String range = switch (predicate.getURI().substring(SPO.NS.length())) {
                case "implicit", "isInterpretation", "isVariant" -> "true";
                default -> Integer.toString(1 + random.nextInt(500));
            };
            return NodeFactory.createLiteralDT(range, datatype(XSD.getURI() + rangeOf(predicate)));
        }
        String text = pick(random, List.of("a", "Tab\tand \"quotes\"", "Ленин", "line\nbreak", "", "😀 emoji", "back\\slash", "</script>"));
        int value = kind < 3 && shape < 11 ? 0 : clean ? pick(random, List.of(0, 1, 3, 4, 5, 6, 7, 8)) : random.nextInt(11);
        return switch (value) {
            case 0 -> NodeFactory.createURI(BASE + "id/x" + random.nextInt(30));
            case 1 -> NodeFactory.createURI("http://www.wikidata.org/entity/Q" + random.nextInt(1000));
            case 2 -> pick(random, List.of(NodeFactory.createURI(SPO.NS + "Claim"), NodeFactory.createURI(SPO.NS + "claimedBy"),
                    NodeFactory.createURI("urn:isbn:123"), NodeFactory.createURI("http://www.w3.org/2001/XMLSchema#date"), RDF.nil.asNode()));
            case 3, 4 -> NodeFactory.createLiteralString(text + random.nextInt(5));
            case 5 -> NodeFactory.createLiteralLang(text, pick(random, clean ? List.of("en", "ru", "de") : List.of("en", "ru", "de", "en-GB", "EN", "x-private")));
            case 6 -> NodeFactory.createLiteralDT("2024-0" + (1 + random.nextInt(9)) + "-01", XSDDatatype.XSDdate);
            case 7 -> NodeFactory.createLiteralDT(Integer.toString(random.nextInt(100)), XSDDatatype.XSDnonNegativeInteger);
            case 8 -> NodeFactory.createLiteralDT("POINT(1 2)", datatype("http://www.opengis.net/ont/geosparql#wktLiteral"));
            case 9 -> NodeFactory.createLiteralDT("{\"a\":1}", datatype(RDF.JSON.getURI()));
            default -> NodeFactory.createLiteralDT(Integer.toString(random.nextInt(3)), pick(random, typedRanges()));
        };
    }

    static RDFDatatype datatype(String iri) {
        return TypeMapper.getInstance().getSafeTypeByName(iri);
    }

    static List<XSDDatatype> typedRanges() {
        return List.of(XSDDatatype.XSDboolean, XSDDatatype.XSDpositiveInteger, XSDDatatype.XSDinteger, XSDDatatype.XSDgYear);
    }

    static String rangeOf(Node predicate) {
        return switch (predicate.getURI().substring(SPO.NS.length())) {
            case "implicit", "isInterpretation", "isVariant" -> "boolean";
            case "index" -> "positiveInteger";
            default -> "nonNegativeInteger";
        };
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    static JsonObject terms(JsonLdContext context) {
        return Json.createReader(new ByteArrayInputStream(context.document())).readObject().getJsonObject("@context");
    }

    /**
     * The streamed dump of a dataset's named graphs is Titanium's whole compaction of them, to the byte, and reads back
     * (Jena's JSON-LD 1.1 reader, the context embedded) as the same graphs; if {@code allFromTerms}, every node of a
     * graph without blank nodes is compacted from the terms, none refused.
     */
    static void sameAsTitanium(DatasetGraph named, JsonLdContext context, boolean allFromTerms) {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try {
            context.writeDataset(named, streamed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] whole = context.write(named);
        if (!Arrays.equals(whole, streamed.toByteArray()))
            assertEquals(new String(whole, StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8), "the bytes of Titanium's compaction");
        assertArrayEquals(whole, streamed.toByteArray());

        DatasetGraph back = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(streamed.toByteArray())).lang(Lang.JSONLD11).parse(back);
        List<Node> graphs = new ArrayList<>();
        named.listGraphNodes().forEachRemaining(graphs::add);
        assertTrue(back.getDefaultGraph().isEmpty());
        assertEquals(named.stream().count(), back.stream().count(), "as many quads");
        for (Node g : graphs)
            assertTrue(named.getGraph(g).isIsomorphicWith(back.getGraph(g)), g + " reads back the same");

        if (allFromTerms) {
            JsonLdNodes nodes = JsonLdNodes.of(terms(context)).orElseThrow();
            int compacted = 0;
            for (Node name : graphs) {
                Graph g = named.getGraph(name);
                if (g.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext())
                    continue;
                for (Node s : g.find().mapWith(Triple::getSubject).toSet()) {
                    JsonGenerator gen = Json.createGenerator(new StringWriter()).writeStartArray();
                    assertTrue(nodes.write(gen, s, g.find(s, Node.ANY, Node.ANY).toList()), s + " is compacted from the terms");
                    compacted++;
                }
            }
            assertTrue(compacted > 1000, compacted + " nodes");
        }
    }
}
