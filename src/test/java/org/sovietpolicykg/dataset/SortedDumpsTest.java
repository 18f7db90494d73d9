package org.sovietpolicykg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.riot.writer.NQuadsWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The dumps written from the one sort of the quads: the N-Quads lines as Jena's N-Quads writer writes the same quads
 * in that order, the lines in sorted order, and the union's Turtle holding each triple of the named graphs once; and
 * the large dumps' blocks writer, which formats each term once, writing the bytes of Jena's.
 */
class SortedDumpsTest {

    @Test
    void the_essay_s_n_quads_are_jena_s_lines_sorted() {
        KnowledgeGraph kg = TestGraphs.real();
        byte[] ours = DatasetWriter.serialise(kg.dataset(), kg.baseIri()).get(DatasetWriter.NQUADS);
        assertArrayEquals(jenas(kg.dataset()), ours);
        List<String> lines = List.of(new String(ours, StandardCharsets.UTF_8).split("\n"));
        assertEquals(kg.dataset().stream().count(), lines.size());
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        assertEquals(sorted, lines, "the lines sort as strings");
        assertTrue(lines.contains("<" + BaseIri.DEFAULT_IRI + "id/litvinov> <http://www.w3.org/2000/01/rdf-schema#label> \"Maxim Litvinov\"@en <"
                + BaseIri.DEFAULT_IRI + "graph/curated> ."), "Litvinov's label, in the curated graph");
    }

    @Test
    void blank_nodes_escapes_and_a_triple_in_two_graphs() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g1 = NodeFactory.createURI("http://example.org/g1");
        Node g2 = NodeFactory.createURI("http://example.org/g2");
        Node s = NodeFactory.createURI("http://example.org/s");
        Node p = NodeFactory.createURI("http://example.org/p");
        Node b = NodeFactory.createBlankNode("b1");
        dsg.add(g1, s, p, NodeFactory.createLiteralLang("Molotov–Ribbentrop \"pact\"\n\tline", "en"));
        dsg.add(g1, s, p, b);
        dsg.add(g1, b, p, NodeFactory.createLiteralDT("1939", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear));
        dsg.add(g2, s, p, b);
        dsg.add(g2, NodeFactory.createURI("http://example.org/ü"), p, NodeFactory.createLiteralString("Сталин"));
        Map<String, byte[]> files = DatasetWriter.serialise(dsg, BaseIri.DEFAULT);
        assertArrayEquals(jenas(dsg), files.get(DatasetWriter.NQUADS));
        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(new String(files.get(DatasetWriter.NQUADS), StandardCharsets.UTF_8), Lang.NQUADS).parse(back);
        assertEquals(5, back.stream().count());
        Graph union = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(files.get(DatasetWriter.TURTLE), StandardCharsets.UTF_8), Lang.TURTLE).parse(union);
        assertEquals(4, union.size(), "s p _:b1 is in both graphs and once in the union");
        List<Triple> order = new ArrayList<>();
        QuadOrder.forEachUnionTriple(QuadOrder.nquads(dsg), order::add);
        assertEquals(4, order.size());
        assertEquals(s, order.get(0).getSubject(), "<http://example.org/s> sorts before the blank node and <…/ü>");
    }

    /**
     * The blocks writer that formats each term once writes what Jena's writes: the essay's graphs as TriG with its
     * prefixes, and a dataset of more distinct terms than the cache of forms holds, its terms coming back after they
     * have left the cache.
     */
    @Test
    void the_blocks_writer_with_its_forms_cached_writes_jena_s_bytes() {
        KnowledgeGraph kg = TestGraphs.real();
        assertEquals(blocks(kg.dataset(), false), blocks(kg.dataset(), true));
        DatasetGraph big = DatasetGraphFactory.createGeneral();
        big.prefixes().add("ex", "http://example.org/");
        Node g = NodeFactory.createURI("http://example.org/g");
        for (int i = 0; i < 100_000; i++) {
            Node s = NodeFactory.createURI("http://example.org/s/" + (i % 90_000));
            big.add(g, s, NodeFactory.createURI("http://example.org/p" + (i % 7)), NodeFactory.createLiteralString("value " + i));
            big.add(g, s, NodeFactory.createURI("http://example.org/next"), NodeFactory.createURI("http://example.org/s/" + ((i * 7919) % 90_000)));
        }
        String ours = blocks(big, true);
        assertEquals(blocks(big, false), ours);
        assertTrue(ours.startsWith("PREFIX ex: <http://example.org/>"), ours.substring(0, 80));
    }

    private static String blocks(DatasetGraph dsg, boolean cached) {
        StringWriter w = new StringWriter();
        StreamRDF out = cached ? new DatasetWriter.Blocks(w) : new WriterStreamRDFBlocks(RiotLib.create(w), RIOT.getContext().copy());
        out.start();
        dsg.prefixes().forEach(out::prefix);
        dsg.find().forEachRemaining(out::quad);
        out.finish();
        return w.toString();
    }

    /** Jena's N-Quads writer, given the quads in the order of the sort. */
    private static byte[] jenas(DatasetGraph dsg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NQuadsWriter.write(out, QuadOrder.nquads(dsg).stream().map(QuadOrder.Line::quad).iterator());
        return out.toByteArray();
    }
}
