package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The whole server under three bases (the default, another host, and {@code …/soviet-policy-kg/v2/}, which shares the
 * default's path): every canned query answers through the API with the rows it has under the default base, and every
 * link of the landing page and of every results page resolves on the server.
 */
class BaseIriServerTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    static Stream<String> bases() {
        return Stream.of(BaseIri.DEFAULT_IRI, "https://example.org/kg/", "https://w3id.org/soviet-policy-kg/v2/");
    }

    static HttpResponse<String> get(KgServer s, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path.replace("&amp;", "&"))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bases")
    void every_canned_query_answers_the_same_rows_and_every_page_link_resolves(String iri) throws Exception {
        // no SERVICE endpoint allowed: the federated queries are refused (400) without a request leaving this machine
        KgConfig config = KgConfig.defaults().withBase(BaseIri.of(iri)).withPort(0)
                .withFederation(new KgConfig.Federation(List.of(), Map.of()));
        KgServer server = Servers.standard(Datasets.unionView(GraphBuilder.of(config).build().dataset()), config).start();
        try {
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (CannedQuery q : QueryCatalog.load(Path.of("."), BaseIri.DEFAULT).all()) {
                if (q.isFederated())
                    continue; // they call Wikidata: FederationTest runs them against a stand-in
                HttpResponse<String> r = get(server, "/api/queries/" + q.name() + "?format=" + (q.isTabular() ? "csv" : "ntriples"));
                assertEquals(200, r.statusCode(), q.name() + ": " + r.body());
                rows.put(q.name(), (int) r.body().lines().filter(l -> !l.isBlank()).count() - (q.isTabular() ? 1 : 0));
            }
            assertEquals(EXPECTED_ROWS, rows, "under " + iri);

            List<String> pages = new ArrayList<>(List.of("/"));
            TreeSet<String> links = new TreeSet<>();
            for (CannedQuery q : QueryCatalog.load(Path.of("."), BaseIri.DEFAULT).all())
                if (!q.isFederated())
                    pages.add("/run/" + q.name());
            for (String page : pages) {
                HttpResponse<String> r = get(server, page);
                assertEquals(200, r.statusCode(), page);
                Matcher m = HREF.matcher(r.body());
                while (m.find())
                    links.add(m.group(1));
            }
            assertTrue(links.size() > 150, links.size() + " local links");
            List<String> broken = new ArrayList<>();
            List<String> federated = QueryCatalog.load(Path.of("."), BaseIri.DEFAULT).all().stream().filter(CannedQuery::isFederated)
                    .map(CannedQuery::name).toList();
            for (String link : links) {
                int status = get(server, link).statusCode();
                // a federated query's links are refused here (no endpoint allowed); FederationTest runs them
                boolean refusedFederated = status == 400 && federated.stream().anyMatch(n -> link.matches(".*/" + n + "([?].*)?"));
                if (status != 200 && !refusedFederated)
                    broken.add(link + " " + status);
            }
            assertEquals(List.of(), broken, "links that do not resolve under " + iri);
        } finally {
            server.stop();
        }
    }

    /** The rows of each canned query under the default base (their golden files hold the same). */
    static final Map<String, Integer> EXPECTED_ROWS = new LinkedHashMap<>();

    static {
        // issue 25: the new relations' rows (reasons, statements-by-relation, linked-to-doctrine, evidence-episodes), the
        // curators' new readings, the newly dated policies, the unlinked with why (wikidata-links 36 + 64), Goering and
        // the Popular front among the variants
        Object[] counts = {"actor", 24, "alliances-and-their-ends", 11, "claims-by-historian", 6, "claims-in-dispute", 28,
                "curators-interpretations", 35, "domestic-foreign-links", 14, "essay-author-claims", 37,
                "essay-vs-enrichment-dates", 39, "evidence-episodes", 10, "historians-and-works", 5, "link-graph", 159,
                "link-tension-or-consistency", 14, "linked-to-doctrine", 12, "mentions-per-entity", 97, "passage-of-claim", 1,
                "policies-by-sphere", 83, "policy-reversals", 5, "reasons", 8, "search", 109, "sentences-and-anchors", 41,
                "statements-by-relation", 70, "thesis-and-support", 24, "timeline", 37, "variant-spellings", 4,
                "who-did-what-abroad", 65, "wikidata-links", 100, "year-at-home-and-abroad", 17};
        for (int i = 0; i < counts.length; i += 2)
            EXPECTED_ROWS.put((String) counts[i], (Integer) counts[i + 1]);
    }
}
