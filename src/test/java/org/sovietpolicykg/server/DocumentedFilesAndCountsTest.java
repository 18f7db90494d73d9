package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files, named graphs and counts README.md states are the server's: every download it names answers at
 * {@code /dumps/}, and every download the server offers is in its table; the graphs the TriG dump is said to hold are
 * the named graphs, as many as it says; and each count of the essay it gives (anchors by kind, paragraphs and
 * sentences, domestic–foreign links, people) is what the endpoint counts.
 */
class DocumentedFilesAndCountsTest extends AbstractLiveServerTest {
    static final String PREFIXES = "PREFIX spo: <https://w3id.org/soviet-policy-kg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#> "
            + "PREFIX dcterms: <http://purl.org/dc/terms/> ";
    static final String GRAPHS = "https://w3id.org/soviet-policy-kg/graph/";

    static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    static long count(String where) throws Exception {
        String q = PREFIXES + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }";
        String body = get("/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "application/sparql-results+json").body();
        return new ObjectMapper().readTree(body).path("results").path("bindings").get(0).path("n").path("value").asLong();
    }

    static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "README.md no longer says: " + regex);
        return m;
    }

    @Test
    void every_download_the_readme_names_is_served_and_every_one_served_is_named() throws Exception {
        String readme = readme();
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("(?:/dumps/|`)((?:dataset|wikidata-links|manifest)\\.[a-z0-9]+|[a-z0-9-]+\\.tei\\.xml)`").matcher(readme);
        while (m.find())
            named.add(m.group(1));
        List<String> missing = new ArrayList<>();
        for (String name : named) {
            int status = get("/dumps/" + name, null).statusCode();
            if (status != 200)
                missing.add("/dumps/" + name + " answers " + status);
        }
        assertEquals(List.of(), missing, "downloads the README names");
        JsonNode listed = new ObjectMapper().readTree(get("/dumps/", "application/json").body()).path("dumps");
        Set<String> served = new TreeSet<>();
        listed.forEach(d -> served.add(d.path("url").asText().replaceAll(".*/dumps/", "")));
        assertTrue(served.contains("manifest.sha256"), served.toString());
        served.removeAll(named);
        assertEquals(Set.of(), served, "downloads the server offers that the README does not name");
        // the manifest checks every other download, as sha256sum -c does
        String manifest = get("/dumps/manifest.sha256", null).body();
        for (JsonNode d : listed)
            if (!d.path("url").asText().endsWith("/manifest.sha256"))
                assertTrue(manifest.contains(d.path("sha256").asText() + "  " + d.path("url").asText().replaceAll(".*/dumps/", "") + "\n"), manifest);
    }

    @Test
    void the_graphs_the_readme_lists_are_the_named_graphs_of_the_server() throws Exception {
        String readme = readme();
        Matcher trig = find(readme, "\\| `dataset\\.trig` \\| the (\\w+) named graphs \\(([a-z, ]+)\\)");
        Set<String> said = new TreeSet<>(List.of(trig.group(2).split(", ")));
        Set<String> table = new TreeSet<>();
        Matcher row = Pattern.compile("\\| `<" + Pattern.quote(GRAPHS) + "([a-z]+)>` \\|").matcher(readme);
        while (row.find())
            table.add(row.group(1));
        String body = get("/kg/sparql?query=" + URLEncoder.encode("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g", StandardCharsets.UTF_8),
                "application/sparql-results+json").body();
        Set<String> graphs = new TreeSet<>();
        new ObjectMapper().readTree(body).path("results").path("bindings").forEach(b -> graphs.add(b.path("g").path("value").asText().replace(GRAPHS, "")));
        assertEquals(Set.of("curated", "enrichment", "inferred", "ontology", "source", "wikidata"), graphs);
        assertEquals(graphs, said, "the graphs the README says dataset.trig holds");
        assertEquals(graphs, table, "the README's table of named graphs");
        assertEquals(Map.of(6, "six").get(graphs.size()), trig.group(1), "how many, in words");
    }

    @Test
    void the_counts_the_readme_gives_are_the_graphs_counts() throws Exception {
        String readme = readme();
        Map<String, Long> said = new TreeMap<>(), counted = new TreeMap<>();
        Matcher a = find(readme, "the essay's (\\d+) anchors highlighted where its quote sits \\((\\d+) mentions, (\\d+) descriptions, "
                + "(\\d+) claims, (\\d+) statements, (\\d+) links\\)");
        String[] kinds = {"anchors", "mentions", "descriptions", "claims", "statements", "links"};
        for (int i = 0; i < kinds.length; i++)
            said.put(kinds[i], Long.parseLong(a.group(i + 1)));
        String inEssay = "?x oa:hasTarget/oa:hasSource/dcterms:isPartOf/dcterms:isPartOf <https://w3id.org/soviet-policy-kg/text/essay> . ";
        counted.put("anchors", count(inEssay));
        for (String kind : List.of("mention", "description", "claim", "statement", "link"))
            counted.put(kind + "s", count(inEssay + "FILTER(CONTAINS(STR(?x), '/anno/" + kind + "/'))"));
        Matcher s = find(readme, "its (\\d+) paragraphs and (\\d+) sentences");
        said.put("paragraphs", Long.parseLong(s.group(1)));
        said.put("sentences", Long.parseLong(s.group(2)));
        counted.put("paragraphs", count("?x a spo:Paragraph ; dcterms:isPartOf <https://w3id.org/soviet-policy-kg/text/essay>"));
        counted.put("sentences", count("?x a spo:Sentence ; dcterms:isPartOf/dcterms:isPartOf <https://w3id.org/soviet-policy-kg/text/essay>"));
        said.put("domestic-foreign links", Long.parseLong(find(readme, "the network of the (\\d+) domestic–foreign links").group(1)));
        counted.put("domestic-foreign links", count("?x a spo:DomesticForeignLink"));
        Matcher people = find(readme, "finds all (\\d+) people \\(the (\\d+)\\s+typed `spo:Person` and the (\\d+) historians");
        said.put("people", Long.parseLong(people.group(1)));
        said.put("typed spo:Person", Long.parseLong(people.group(2)));
        said.put("historians", Long.parseLong(people.group(3)));
        counted.put("people", count("?x a spo:Person"));
        counted.put("typed spo:Person", count("GRAPH <" + GRAPHS + "curated> { ?x a spo:Person }"));
        counted.put("historians", count("?x a spo:Historian"));
        assertEquals(said, counted, "README.md's counts against the endpoint's");
        assertEquals(said.get("anchors"), said.get("mentions") + said.get("descriptions") + said.get("claims") + said.get("statements")
                + said.get("links"), "the anchors are the sum of their kinds");
    }
}
