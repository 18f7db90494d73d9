package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.sovietpolicykg.TestGraphs;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pages for readers: the essay's reading view (every anchor highlighted and linked, a filter by kind without
 * script), sentence, entity and claim pages that read as a historian writes (statements as sentences, concepts by
 * their labels, no datatype IRIs), the 404 page for browsers (JSON for programs), the named graphs' and the ontology
 * version's IRIs, and the two pictures, drawn as SVG with the expected items.
 */
class ReadersTest extends AbstractLiveServerTest {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String BASE = BaseIri.DEFAULT_IRI;
    static final Pattern ANNO = Pattern.compile("data-anno=\"(/anno/([a-z]+)/[^\"]+)\"");

    static long count(String sparql) {
        try (var qe = QueryExecutionFactory.create(sparql, DatasetFactory.wrap(TestGraphs.queryable()))) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    static Map<String, Integer> kinds(String html) {
        Map<String, Integer> m = new TreeMap<>();
        Matcher x = ANNO.matcher(html);
        while (x.find())
            m.merge(x.group(2), 1, Integer::sum);
        return m;
    }

    @Test
    void the_reading_view_highlights_every_anchor_of_the_essay_once_each_linked_to_its_page() throws Exception {
        HttpResponse<String> r = get("/essay", BROWSER);
        assertEquals(200, r.statusCode());
        long anchors = count("PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a oa:hasTarget/oa:hasSource/dcterms:isPartOf/dcterms:isPartOf <" + BASE + "text/essay> }");
        assertEquals(385, anchors, "the essay's anchors: 147 mentions, 96 descriptions, 58 claims, 70 statements, 14 links");
        List<String> annos = new ArrayList<>();
        Matcher m = ANNO.matcher(r.body());
        while (m.find())
            annos.add(m.group(1));
        assertEquals(anchors, annos.size(), "every anchor drawn");
        assertEquals(annos.size(), new HashSet<>(annos).size(), "each once");
        assertEquals(Map.of("claim", 58, "description", 96, "link", 14, "mention", 147, "statement", 70), kinds(r.body()));
        // numbered: five paragraphs, and the sentence that names the pact
        for (int p = 1; p <= 5; p++)
            assertTrue(r.body().contains("id=\"p" + p + "\""), "paragraph " + p);
        assertTrue(r.body().contains("<span class=\"sentence\" id=\"p4-s1\"><a class=\"snum\" href=\"/text/essay/p4/s1\">4.1</a>"));
        // a mention is a link around its words; a claim a marker to its page
        assertTrue(r.body().contains("href=\"/id/molotov\" title=\"mention: Vyacheslav Molotov\" data-anno=\"/anno/mention/molotov-at-"));
        assertTrue(r.body().contains("<a class=\"marker k-claim\" href=\"/claim/preston-self-serving\""));
        // a legend with the counts
        assertTrue(r.body().contains("<span class=\"count\">58</span>"), "the legend counts the claims");
    }

    /**
     * The essay's hedges in the reading view: the legend counts the statements' and links' anchors by how firmly the
     * text puts them, and {@code ?modality=hedged} (a plain link) shows, of those, only the hedged ones (the other
     * kinds stay); each anchor's title says its modality.
     */
    @Test
    void the_reading_view_filters_statements_and_links_by_modality() throws Exception {
        String prefixes = "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#> ";
        long hedged = count(prefixes + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a oa:hasBody ?r ; oa:hasTarget ?t ."
                + " ?r spo:modality <" + BASE + "concept/hedged> }");
        long asserted = count(prefixes + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a oa:hasBody ?r ; oa:hasTarget ?t ."
                + " ?r spo:modality <" + BASE + "concept/asserted> }");
        assertTrue(hedged > 0 && asserted > hedged, hedged + " hedged, " + asserted + " asserted");
        HttpResponse<String> all = get("/essay", BROWSER);
        assertTrue(all.body().contains("name=\"modality\" value=\"hedged\" checked"), "the legend offers the filter");
        assertTrue(all.body().replace("&#61;", "=").contains("<a href=\"/essay?modality=hedged\">only these</a>"));
        assertTrue(all.body().contains("title=\"statement (hedged): ") || all.body().contains("title=\"link (hedged): "), "titles say it");
        Map<String, Integer> onlyHedged = kinds(get("/essay?modality=hedged", BROWSER).body());
        assertEquals(hedged, onlyHedged.getOrDefault("statement", 0) + onlyHedged.getOrDefault("link", 0), "only the hedged ones: " + onlyHedged);
        assertEquals(kinds(all.body()).get("claim"), onlyHedged.get("claim"), "the claims stay");
        assertEquals(400, get("/essay?modality=certain", BROWSER).statusCode());
    }

    @Test
    void the_filter_by_kind_is_a_plain_link_and_shows_only_those_kinds() throws Exception {
        HttpResponse<String> claims = get("/essay?kind=claim", BROWSER);
        assertEquals(Map.of("claim", 58), kinds(claims.body()));
        assertEquals(Map.of("link", 14, "statement", 70), kinds(get("/essay?kind=statement&kind=link", BROWSER).body()));
        assertTrue(get("/essay", BROWSER).body().replace("&#61;", "=").contains("href=\"/essay?kind=claim\""), "the legend links to each kind alone");
        HttpResponse<String> bad = get("/essay?kind=rumour", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Unknown kind=rumour"), bad.body());
        assertEquals(get("/essay", BROWSER).body(), get("/read/essay", BROWSER).body(), "/essay is the essay's /read/ page");
    }

    @Test
    void a_sentence_page_highlights_the_mentions_of_its_sentence() throws Exception {
        String body = get("/text/essay/p4/s1", BROWSER).body();
        String sentence = body.substring(body.indexOf("<h2>The sentence</h2>"), body.indexOf("Read it in its text"));
        assertTrue(sentence.contains("href=\"/id/molotov\""), "Molotov is highlighted");
        assertTrue(sentence.contains("href=\"/id/litvinov\""), "and Litvinov, as the essay spells him (Litvoniv)");
        assertTrue(sentence.contains(">Litvoniv</span></a>"), "the essay's spelling, linked to Litvinov");
        assertTrue(body.contains("href=\"/essay#p4-s1\""), "it links to its place in the reading view");
    }

    @Test
    void an_entity_page_shows_statements_as_sentences_and_claims_with_their_historian() throws Exception {
        String litvinov = get("/id/litvinov", BROWSER).body();
        assertTrue(litvinov.contains("Vyacheslav Molotov</a> — <a href=\"/ontology#replaced\" title=\"spo:replaced\">replaced</a> — <a href=\"/id/litvinov\">Maxim Litvinov</a>"),
                "Molotov — replaced — Litvinov, as a sentence");
        assertTrue(litvinov.contains("<td class=\"quote\">“Litvinov”</td>"), "a highlighted mention of him in the essay");
        assertFalse(litvinov.contains("rdf:object") || litvinov.contains("rdf:subject"), "no reification shown raw");

        String spain = get("/id/spanish-civil-war", BROWSER).body();
        assertTrue(spain.contains("<a href=\"/id/preston\" class=\"claimant\">Paul Preston</a> <em>argues</em>"),
                "Preston's claim about the Spanish Civil War, with its historian and stance");

        String claim = get("/claim/preston-self-serving", BROWSER).body();
        assertTrue(claim.contains("A claim by <a href=\"/id/preston\" class=\"claimant\">Paul Preston</a>, who <em>argues</em> <span class=\"evidence\">(evidence: unstated)</span>"));
        // the whole claim, to "over the far right" (issue 21: the span stopped at "self-serving")
        assertTrue(claim.contains("“its priorities always remained strictly self-serving insomuch that a prolonging of the conflict seemed to serve its interests far more than a quick decisive victory over the far right”"), "its passage");
        assertTrue(claim.contains(">is interpretation</a></td><td>no"), "a boolean as yes or no");
        for (String page : List.of(litvinov, spain, claim, get("/statement/molotov-replaced-litvinov/time", BROWSER).body()))
            assertFalse(page.contains("http://www.w3.org/2001/XMLSchema#") || page.contains("xsd:"), "no datatype IRI shown");
        assertTrue(get("/statement/molotov-replaced-litvinov/time", BROWSER).body().contains("1939-01-01 <span class=\"kind\">date</span>"),
                "a date says it is a date");
    }

    @Test
    void an_unknown_iri_gets_a_helpful_page_for_a_browser_and_json_for_a_program() throws Exception {
        HttpResponse<String> page = get("/id/litvinof", BROWSER);
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<a href=\"/id/litvinov\">Maxim Litvinov</a>"), "perhaps you meant Litvinov");
        assertTrue(page.body().contains("href=\"/essay\""), "and where to go from here");
        HttpResponse<String> json = get("/id/litvinof", "application/json");
        assertEquals(404, json.statusCode());
        JsonNode j = new ObjectMapper().readTree(json.body());
        assertEquals("/id/litvinov", j.get("suggestions").get(0).get("href").asText());
        assertEquals(404, get("/id/litvinof", null).statusCode());
        assertTrue(get("/id/litvinof", null).headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"),
                "no Accept: a program");
        // a path no route serves, likewise
        HttpResponse<String> nothing = get("/nothing-here", BROWSER);
        assertEquals(404, nothing.statusCode());
        assertTrue(nothing.body().contains("<h1>Nothing here</h1>"), nothing.body());
        assertTrue(get("/nothing-here", "application/json").body().contains("\"status\" : 404"));
    }

    @Test
    void the_graph_iris_and_the_ontology_version_iri_resolve() throws Exception {
        Graph curated = TestGraphs.queryable().getGraph(NodeFactory.createURI(BASE + "graph/curated"));
        String page = get("/graph/curated", BROWSER).body();
        assertTrue(page.contains(curated.size() + " triples."), "the page says how many triples");
        assertTrue(page.contains("<code>" + BASE + "graph/curated</code>"));
        Graph asTurtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get("/graph/curated", "text/turtle").body(), Lang.TURTLE).parse(asTurtle);
        assertTrue(curated.isIsomorphicWith(asTurtle), "by content negotiation, the graph itself");
        for (String g : List.of("ontology", "source", "enrichment", "inferred", "wikidata"))
            assertEquals(200, get("/graph/" + g, BROWSER).statusCode(), g);
        assertEquals(404, get("/graph/nothing", null).statusCode());

        Graph ontology = TestGraphs.queryable().getGraph(NodeFactory.createURI(BASE + "graph/ontology"));
        Graph version = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get("/ontology/0.2.0", "text/turtle").body(), Lang.TURTLE).parse(version);
        assertTrue(ontology.isIsomorphicWith(version), "the version IRI gives the ontology");
        assertTrue(get("/ontology/0.2.0", BROWSER).body().contains("Soviet Policy KG ontology"));
        HttpResponse<String> prior = get("/ontology/0.1.0", "application/json");
        assertEquals(404, prior.statusCode());
        assertTrue(prior.body().contains("/ontology/0.2.0"), "the prior version is not served; the page says which is");
    }

    @Test
    void the_timeline_draws_every_dated_item_in_its_lane_and_the_network_every_link() throws Exception {
        HttpResponse<String> svg = get("/pictures/timeline.svg", null);
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        Document t = xml(svg.body());
        Map<String, Set<String>> lanes = new TreeMap<>();
        NodeList groups = t.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            Set<String> labels = new HashSet<>();
            NodeList items = g.getElementsByTagName("a");
            for (int k = 0; k < items.getLength(); k++)
                labels.add(((Element) items.item(k)).getAttribute("data-label"));
            lanes.put(g.getAttribute("data-lane"), labels);
        }
        // the dated rows of the canned query timeline, lane by lane: 11 domestic, 17 foreign, 1 both (in both lanes)
        JsonNode rows = new ObjectMapper().readTree(get("/api/queries/timeline", "application/sparql-results+json").body()).get("results").get("bindings");
        Map<String, Integer> dated = new TreeMap<>();
        rows.forEach(b -> {
            if (b.has("from") || b.has("to"))
                for (String lane : List.of("domestic", "foreign"))
                    if (b.get("lane").get("value").asText().contains(lane))
                        dated.merge(lane, 1, Integer::sum);
        });
        assertEquals(Map.of("domestic", 14, "foreign", 20), dated, "issue 25: industrialisation, the archives, the propaganda and the control in Spain dated from the essay's words");
        assertEquals(14, lanes.get("domestic").size());
        assertEquals(20, lanes.get("foreign").size());
        assertTrue(lanes.get("domestic").containsAll(List.of("Great Purge", "Five Year Plans", "Dismissal of Litvinov")));
        assertTrue(lanes.get("foreign").containsAll(List.of("Molotov–Ribbentrop Pact", "Spanish Civil War", "Dismissal of Litvinov")));
        assertTrue(svg.body().contains("data-label=\"Molotov–Ribbentrop Pact\" data-precision=\"day\""), "its precision");
        // the reference span (1936-1938), not only the essay's year of the escalation (1937)
        assertTrue(svg.body().contains("<title>Great Purge: 1936-01-01 to 1938-12-31"), "its dates in the tooltip");
        assertTrue(svg.body().contains("class=\"essay-mark\"") && svg.body().contains("data-essay=\"1937\""), "the essay's year marked on the reference span");

        String links = get("/pictures/links.svg", null).body();
        Document n = xml(links);
        assertEquals("14", n.getDocumentElement().getAttribute("data-edges"));
        assertEquals("19", n.getDocumentElement().getAttribute("data-nodes"));
        assertTrue(links.contains("<title>Dismissal of Litvinov enables Molotov–Ribbentrop Pact</title>"), "a labelled arrow");
        long linkRecords = count("PREFIX spo: <" + BASE + "ontology#> SELECT (COUNT(?l) AS ?n) { ?l a spo:DomesticForeignLink }");
        assertEquals(linkRecords, Pattern.compile("class=\"edge ").matcher(links).results().count());
        // every item links to a page that exists
        Matcher href = Pattern.compile("<a href=\"(/[^\"]+)\" class=\"(?:node|edge)").matcher(links);
        while (href.find())
            assertEquals(200, get(href.group(1), BROWSER).statusCode(), href.group(1));
    }

    @Test
    void no_page_shows_a_partner_as_a_target() throws Exception {
        for (String id : List.of("non-aggression-pact", "tripartite-agreement", "treaty-of-rapallo", "soviet-german-trade-talks")) {
            String body = get("/id/" + id, BROWSER).body();
            assertFalse(propertyRows(body, "partner").isEmpty(), id + " lists its partner");
            assertTrue(propertyRows(body, "target").isEmpty(), id + " shows a target: " + propertyRows(body, "target"));
        }
        // nor, from the other side, does Nazi Germany's page say the pact (or the trade talks) targets it
        String germany = get("/id/nazi-germany", BROWSER).body();
        assertTrue(pointingRows(germany, "target").stream().noneMatch(r -> r.contains("Molotov–Ribbentrop Pact") || r.contains("trade talks")),
                pointingRows(germany, "target").toString());
    }

    @Test
    void every_shortcut_of_a_curators_statement_or_link_is_flagged_on_the_page_the_authors_are_not() throws Exception {
        String pact = get("/id/non-aggression-pact", BROWSER).body();
        for (String p : List.of("overturned", "reversed", "ended by"))
            assertTrue(!propertyRows(pact, p).isEmpty() && propertyRows(pact, p).stream().allMatch(r -> r.contains("class=\"interpretation\"")),
                    p + ": " + propertyRows(pact, p));
        String search = get("/id/search-for-alliance", BROWSER).body();
        for (String p : List.of("ended by", "outcome"))
            assertTrue(!propertyRows(search, p).isEmpty() && propertyRows(search, p).stream().allMatch(r -> r.contains("class=\"interpretation\"")),
                    p + ": " + propertyRows(search, p));
        String dismissal = get("/id/litvinov-dismissal", BROWSER).body();
        assertTrue(propertyRows(dismissal, "enables").stream().allMatch(r -> r.contains("class=\"interpretation\"")), propertyRows(dismissal, "enables").toString());
        // the author's own: appeasement ended the UK-France-USSR agreement, unflagged
        String tripartite = get("/id/tripartite-agreement", BROWSER).body();
        assertTrue(!propertyRows(tripartite, "ended by").isEmpty()
                && propertyRows(tripartite, "ended by").stream().noneMatch(r -> r.contains("class=\"interpretation\"")), propertyRows(tripartite, "ended by").toString());
        // and the claim's evidence reads as the curators'
        String claim = get("/claim/curators-search-ended-in-pact", BROWSER).body();
        assertTrue(claim.contains("(evidence: curators&#39; inference)") || claim.contains("(evidence: curators' inference)"), "the curators' evidence");
    }

    @Test
    void a_hedged_link_reads_as_the_text_suggests_it_an_asserted_one_as_stated() throws Exception {
        String survival = get("/id/wartime-survival", BROWSER).body();
        assertTrue(survival.contains("<li><span class=\"modality\">the text only suggests that</span> <span class=\"sentence\"><a href=\"/id/socialism-in-one-country\""),
                "the link from 'could be argued to have been worthwhile'");
        String litvinov = get("/id/litvinov", BROWSER).body();
        assertTrue(litvinov.contains("<li><span class=\"sentence\"><a href=\"/id/molotov\">Vyacheslav Molotov</a> — <a href=\"/ontology#replaced\""),
                "Molotov replaced Litvinov, stated without a hedge");
    }

    /** The rows of the table "What the graph says of it" whose property is labelled so. */
    static List<String> propertyRows(String body, String property) {
        return rows(body.substring(body.indexOf("What the graph says of it"), body.indexOf("</table>", body.indexOf("What the graph says of it"))),
                "<tr><td><a [^>]*>" + Pattern.quote(property) + "</a></td>");
    }

    /** The rows of the table "What points to it" whose property is labelled so. */
    static List<String> pointingRows(String body, String property) {
        int at = body.indexOf("What points to it");
        if (at < 0)
            return List.of();
        return rows(body.substring(at, body.indexOf("</table>", at)), "<td><a [^>]*>" + Pattern.quote(property) + "</a>");
    }

    private static List<String> rows(String table, String has) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr>.*?</tr>", Pattern.DOTALL).matcher(table);
        while (m.find())
            if (Pattern.compile(has).matcher(m.group()).find())
                out.add(m.group());
        return out;
    }

    static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
