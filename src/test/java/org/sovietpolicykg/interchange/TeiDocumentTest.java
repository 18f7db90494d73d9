package org.sovietpolicykg.interchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;

/**
 * The essay as TEI P5: valid against the TEI's own tei_all RELAX NG schema (P5 4.9.0, in src/test/resources/tei/, checked
 * by Jing), every one of its mentions marked up with its entity's IRI, the standOff's lists with Wikidata identifiers,
 * the claims, statements and links attributed and pointing at their sentences, the same bytes each time.
 */
class TeiDocumentTest {
    static final String ID = "https://w3id.org/soviet-policy-kg/id/";
    static Graph union;
    static TeiDocument essay;
    static Document dom;

    @BeforeAll
    static void write() throws Exception {
        union = TestGraphs.queryable().getDefaultGraph();
        essay = TeiDocument.of(union, BaseIri.DEFAULT, "essay").orElseThrow();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        dom = f.newDocumentBuilder().parse(new ByteArrayInputStream(essay.bytes()));
    }

    /** The problems Jing finds in a document, as "line:column: message". */
    static List<String> jing(byte[] xml) throws Exception {
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        ValidateProperty.ERROR_HANDLER.put(props, collect);
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
        URL schema = TeiDocumentTest.class.getResource("/tei/tei_all-4.9.0.rng");
        assertTrue(driver.loadSchema(new InputSource(schema.toExternalForm())), "the schema loads: " + problems);
        driver.validate(new InputSource(new ByteArrayInputStream(xml)));
        return problems;
    }

    static List<Element> elements(String localName) {
        NodeList l = dom.getElementsByTagNameNS(TeiDocument.NS, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++)
            out.add((Element) l.item(i));
        return out;
    }

    /** The mentions in the text: the name elements with a @ref inside a sentence. */
    static List<Element> mentions() {
        List<Element> out = new ArrayList<>();
        for (String n : List.of("persName", "placeName", "orgName", "rs"))
            for (Element e : elements(n))
                if (e.hasAttribute("ref") && e.getParentNode() instanceof Element p && inSentence(e))
                    out.add(e);
        return out;
    }

    static boolean inSentence(Element e) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode())
            if (p.getLocalName().equals("s"))
                return true;
        return false;
    }

    static Element sentence(Element e) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode())
            if (p.getLocalName().equals("s"))
                return p;
        throw new AssertionError("not in a sentence");
    }

    @Test
    void the_bytes_are_the_jdks_writers_whichever_stax_library_is_on_the_class_path() throws Exception {
        // the test class path has Woodstox (through the OWL API), which writes the declaration with single quotes;
        // the build's class path has none: the TEI must be the same bytes from both
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", new String(essay.bytes(), "UTF-8").lines().findFirst().orElseThrow());
        assertEquals(new String(essay.bytes(), "UTF-8"), new String(TeiDocument.of(TestGraphs.queryable().getDefaultGraph(), BaseIri.DEFAULT, "essay")
                .orElseThrow().bytes(), "UTF-8"), "the same bytes each time");
    }

    @Test
    void the_essay_is_valid_tei_p5_against_tei_all() throws Exception {
        List<String> problems = jing(essay.bytes());
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
    }

    @Test
    void jing_would_find_a_document_that_is_not_tei() throws Exception {
        byte[] bad = new String(essay.bytes(), "UTF-8").replaceFirst("<teiHeader>", "<teiHeader><bogus/>").getBytes("UTF-8");
        assertTrue(jing(bad).stream().anyMatch(p -> p.contains("bogus")), "the check can fail");
    }

    @Test
    void every_mention_of_the_essay_is_marked_up_with_its_entity_iri() {
        TextAnchors anchors = TextAnchors.of(union, BaseIri.DEFAULT, "essay").orElseThrow();
        List<TextAnchors.Anchor> expected = anchors.anchors().stream().filter(a -> a.kind().equals("mention")).toList();
        assertEquals(147, expected.size(), "the essay's 147 mentions");
        List<Element> found = mentions();
        assertEquals(147, found.size());
        assertEquals(147, essay.inlineMentions());
        List<String> want = new ArrayList<>(), got = new ArrayList<>();
        expected.forEach(a -> want.add(a.body().getURI() + " " + a.exact()));
        found.forEach(e -> got.add(e.getAttribute("ref") + " " + e.getTextContent()));
        assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList());
    }

    @Test
    void litvoniv_is_a_persName_of_litvinov_in_paragraph_4_sentence_1() {
        Element litvoniv = mentions().stream().filter(e -> e.getTextContent().equals("Litvoniv")).findFirst().orElseThrow();
        assertEquals("persName", litvoniv.getLocalName());
        assertEquals(ID + "litvinov", litvoniv.getAttribute("ref"));
        assertEquals("p4-s1", sentence(litvoniv).getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"));
        assertTrue(sentence(litvoniv).getTextContent().startsWith("The Non-Aggression Pact that saw Molotov replace the Jewish Litvoniv in 1939"));
    }

    @Test
    void the_text_of_the_tei_is_the_essay_sentence_for_sentence() {
        TextAnchors anchors = TextAnchors.of(union, BaseIri.DEFAULT, "essay").orElseThrow();
        List<Element> sentences = elements("s");
        assertEquals(41, sentences.size(), "the essay's 41 sentences");
        for (int i = 0; i < sentences.size(); i++)
            assertEquals(anchors.sentences().get(i).text(), sentences.get(i).getTextContent());
        assertEquals(5, elements("body").get(0).getElementsByTagNameNS(TeiDocument.NS, "p").getLength());
    }

    @Test
    void the_standoff_lists_the_people_with_their_wikidata_items() {
        Element molotov = elements("person").stream().filter(p -> p.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id")
                .equals("molotov")).findFirst().orElseThrow();
        Set<String> idnos = new TreeSet<>();
        NodeList l = molotov.getElementsByTagNameNS(TeiDocument.NS, "idno");
        for (int i = 0; i < l.getLength(); i++)
            idnos.add(((Element) l.item(i)).getAttribute("type") + "=" + l.item(i).getTextContent());
        assertEquals(Set.of("URI=" + ID + "molotov", "wikidata=Q132899"), idnos);
        assertEquals("Vyacheslav Molotov", molotov.getElementsByTagNameNS(TeiDocument.NS, "persName").item(0).getTextContent());
        assertTrue(elements("listPlace").size() == 1 && elements("listOrg").size() == 1 && elements("listEvent").size() == 1);
    }

    @Test
    void statements_and_links_are_relations_and_claims_interps_attributed_and_at_their_sentences() {
        Element replaced = elements("relation").stream().filter(r -> r.getAttribute("ref").endsWith("/statement/molotov-replaced-litvinov"))
                .findFirst().orElseThrow();
        assertEquals("replaced", replaced.getAttribute("name"));
        assertEquals("#molotov", replaced.getAttribute("active"));
        assertEquals("#litvinov", replaced.getAttribute("passive"));
        assertEquals("#essay-author", replaced.getAttribute("resp"));
        assertEquals("#p4-s1", replaced.getAttribute("corresp"));
        Element mirrors = elements("relation").stream().filter(r -> r.getAttribute("ref").endsWith("/link/purge-mirrors-spain-reprisals"))
                .findFirst().orElseThrow();
        assertEquals("mirrors", mirrors.getAttribute("name"));
        assertEquals("#great-purge", mirrors.getAttribute("active"));
        assertEquals(14, elements("relation").stream().filter(r -> r.getAttribute("type").equals("link")).count(), "the 14 links");
        assertEquals(70, elements("relation").stream().filter(r -> r.getAttribute("type").equals("statement")).count(), "the 70 statements");
        Element conquest = elements("interp").stream().filter(i -> i.getAttribute("source").endsWith("/claim/conquest-validated"))
                .findFirst().orElseThrow();
        assertEquals("#conquest", conquest.getAttribute("resp"));
        assertEquals(58, elements("interp").size(), "the 58 claims");
        assertEquals(385, elements("span").size(), "every anchor as a span of the standOff");
    }

    @Test
    void time_phrases_are_dates_with_the_reference_dates() {
        List<Element> dates = elements("date").stream().filter(TeiDocumentTest::inSentence).toList();
        assertTrue(dates.size() >= 5, dates.size() + " dates");
        assertEquals(dates.size(), essay.dates());
        Element in1939 = dates.stream().filter(d -> sentence(d).getAttributeNS("http://www.w3.org/XML/1998/namespace", "id").equals("p4-s1")
                && d.getTextContent().equals("in 1939")).findFirst().orElseThrow();
        assertEquals("1939", in1939.getAttribute("when"), "the time of Molotov replacing Litvinov, as the essay gives it");
        Element rapallo = dates.stream().filter(d -> d.getTextContent().equals("the days of Rapello")).findFirst().orElseThrow();
        assertEquals("1922-04-16", rapallo.getAttribute("when"), "the Treaty of Rapallo's reference date");
        assertEquals("https://w3id.org/soviet-policy-kg/id/treaty-of-rapallo",
                ((Element) rapallo.getElementsByTagNameNS(TeiDocument.NS, "rs").item(0)).getAttribute("ref"), "a mention nested in a date");
    }

    @Test
    void the_same_graph_gives_the_same_bytes_whichever_way_it_is_held() throws IOException {
        assertArrayEquals(essay.bytes(), TeiDocument.of(union, BaseIri.DEFAULT, "essay").orElseThrow().bytes());
        assertArrayEquals(essay.bytes(), TeiDocument.of(TestGraphs.real().dataset().getUnionGraph(), BaseIri.DEFAULT, "essay").orElseThrow().bytes(),
                "the build's named graphs and the server's union view give the same TEI");
    }
}
