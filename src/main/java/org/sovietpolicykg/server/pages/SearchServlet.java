package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.search.Snippets;
import org.sovietpolicykg.server.http.HttpErrors;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.server.http.PublicUrl;
import org.sovietpolicykg.server.http.RequestParameters;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /search?q=…}: full-text search for browsers and programs, through the canned query {@code search} (jena-text,
 * under the same policy and time limit as every query). The hits, best first, {@link #PAGE_SIZE} to a page, each
 * with a snippet whose matched words are marked by Lucene's highlighter (escaped; the snippet is the source's text);
 * the page groups them (entities, sentences, claims, statements and links), each linking to its page or, for a
 * sentence, to its place in the reading view ({@code /essay#p4-s8}); a sentence found through an entity's mention
 * says so. The same as JSON for a client that prefers it (hits, total, next page). Without {@code q}: the form.
 */
public final class SearchServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/search";
    public static final int PAGE_SIZE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> GROUPS = List.of("entity", "sentence", "claim", "statement", "link");
    static final Map<String, String> GROUP_TITLES = Map.of("entity", "Entities", "sentence", "Sentences", "claim", "Claims",
            "statement", "Statements", "link", "Domestic–foreign links");

    private final transient CannedTables tables;
    private final transient Terms terms;

    public SearchServlet(CannedTables tables) {
        this.tables = tables;
        this.terms = tables.terms();
    }

    /** One hit: what it is, the text that matched, marked, and where it sits. */
    record Hit(String kind, Node hit, String label, double score, String field, String marked, Node sentence, String via, String viaEntity,
            String evidence) {}

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> params = RequestParameters.single(req);
        String q = params.getOrDefault("q", "").strip();
        boolean html = HttpErrors.prefersHtml(req);
        if (q.isEmpty() && html) {
            page(resp, "", null, 1);
            return;
        }
        int page = 1;
        if (params.containsKey("page")) {
            try {
                page = Integer.parseInt(params.get("page"));
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1)
                throw new BadRequestException("Parameter 'page' is not a whole number from 1");
        }
        List<Hit> hits = hits(q);
        if (html)
            page(resp, q, hits, page);
        else
            json(req, resp, q, hits, page);
    }

    /** The hits of a search, best first, each once (a resource in a sentence), with its matched words marked. */
    List<Hit> hits(String q) {
        var lucene = Snippets.parse(q);
        CannedQuery search = tables.query("search");
        Query bound = tables.bind(search, Map.of("q", q));
        QueryRunner.Table table = tables.table(bound);
        List<String> cols = table.columns();
        Map<String, Hit> seen = new LinkedHashMap<>();
        for (List<Node> row : table.rows()) {
            Node kind = row.get(cols.indexOf("kind")), hit = row.get(cols.indexOf("hit")), label = row.get(cols.indexOf("label"));
            Node score = row.get(cols.indexOf("score")), field = row.get(cols.indexOf("field")), matched = row.get(cols.indexOf("matched"));
            Node sentence = row.get(cols.indexOf("sentence")), via = row.get(cols.indexOf("via"));
            Node sentenceText = row.get(cols.indexOf("sentenceText")), evidence = row.get(cols.indexOf("evidence"));
            if (kind == null || hit == null)
                continue;
            String k = kind.getLiteralLexicalForm(), name = label == null ? hit.toString() : label.getLiteralLexicalForm();
            double sc = score == null ? 0 : Double.parseDouble(score.getLiteralLexicalForm());
            String f = field == null ? "" : localName(field.getURI());
            // a resource once, at its best score (the rows come best first)
            seen.computeIfAbsent(k + " " + hit, x -> new Hit(k, hit, name, sc, f,
                    Snippets.mark(matched == null ? "" : matched.getLiteralLexicalForm(), lucene), k.equals("entity") ? null : sentence,
                    null, null, evidence == null ? null : evidence.getLiteralLexicalForm()));
            // a sentence that mentions an entity found by a name: a hit through the mention, its words marked
            if (k.equals("entity") && via != null && sentence != null && sentenceText != null)
                seen.computeIfAbsent("sentence " + sentence, x -> new Hit("sentence", sentence, sentenceText.getLiteralLexicalForm(), sc,
                        "mention", markWords(sentenceText.getLiteralLexicalForm(), via.getLiteralLexicalForm()), sentence,
                        via.getLiteralLexicalForm(), name, null));
        }
        return List.copyOf(seen.values());
    }

    /** A text with the words of a mention marked ("Rapello" in its sentence). */
    private static String markWords(String text, String words) {
        try {
            return Snippets.mark(text, Snippets.parse("\"" + words.replace("\"", "").replace("\\", "") + "\""));
        } catch (BadRequestException e) {
            return text;
        }
    }

    private static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }

    private static List<Hit> pageOf(List<Hit> hits, int page) {
        int from = Math.min(hits.size(), (page - 1) * PAGE_SIZE);
        return hits.subList(from, Math.min(hits.size(), from + PAGE_SIZE));
    }

    /** The sentence's place in the reading view ({@code /essay#p4-s8}), as every page links it. */
    private String sentenceHref(Node sentence) {
        return terms.base().localPath(sentence.getURI()).map(ReadingServlet::href).orElse(sentence.getURI());
    }

    private String sentenceLabel(Node sentence) {
        String path = terms.base().localPath(sentence.getURI()).orElse(sentence.getURI());
        String[] p = path.split("/");
        return p.length == 5 ? p[2] + " " + p[3].substring(1) + "." + p[4].substring(1) : path;
    }

    private void page(HttpServletResponse resp, String q, List<Hit> hits, int page) throws IOException {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", q.isEmpty() ? "Search" : "Search: " + q);
        scope.put("q", q);
        scope.put("searched", hits != null);
        if (hits != null) {
            List<Hit> shown = pageOf(hits, page);
            scope.put("total", hits.size());
            scope.put("from", shown.isEmpty() ? 0 : (page - 1) * PAGE_SIZE + 1);
            scope.put("to", (page - 1) * PAGE_SIZE + shown.size());
            List<Map<String, Object>> groups = new ArrayList<>();
            for (String kind : GROUPS) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Hit h : shown)
                    if (h.kind().equals(kind))
                        items.add(item(h));
                if (!items.isEmpty())
                    groups.add(Map.of("title", GROUP_TITLES.get(kind), "kind", kind, "items", items));
            }
            scope.put("groups", groups);
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            if (page > 1)
                scope.put("prev", PATH + "?q=" + enc + "&page=" + (page - 1));
            if (page * PAGE_SIZE < hits.size())
                scope.put("next", PATH + "?q=" + enc + "&page=" + (page + 1));
        }
        html(resp, Pages.render("search", scope));
    }

    private Map<String, Object> item(Hit h) {
        Map<String, Object> m = new HashMap<>();
        boolean sentence = h.kind().equals("sentence");
        m.put("href", sentence ? sentenceHref(h.hit()) : terms.base().localPath(h.hit().getURI()).orElse(h.hit().getURI()));
        m.put("label", sentence ? sentenceLabel(h.hit()) : h.label());
        m.put("snippet", Snippets.html(h.marked()));
        m.put("field", h.field());
        m.put("score", String.format(Locale.ROOT, "%.2f", h.score()));
        if (h.sentence() != null && !sentence) {
            m.put("sentenceHref", sentenceHref(h.sentence()));
            m.put("sentenceLabel", sentenceLabel(h.sentence()));
        }
        if (h.via() != null) {
            m.put("via", h.via());
            m.put("viaEntity", h.viaEntity());
        }
        if (h.evidence() != null) {
            m.put("evidence", h.evidence());
            // the claim's own words, not the evidence's label
            m.put("snippet", Snippets.html(h.label()));
        }
        return m;
    }

    private void json(HttpServletRequest req, HttpServletResponse resp, String q, List<Hit> hits, int page) throws IOException {
        String base = PublicUrl.of(req);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("total", hits.size());
        body.put("page", page);
        body.put("pageSize", PAGE_SIZE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit h : pageOf(hits, page)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", h.kind());
            m.put("iri", h.hit().getURI());
            m.put("label", h.kind().equals("sentence") ? sentenceLabel(h.hit()) : h.label());
            m.put("score", h.score());
            m.put("field", h.field());
            m.put("text", Snippets.unmarked(h.marked()));
            m.put("snippet", Snippets.html(h.marked()));
            if (h.sentence() != null)
                m.put("sentence", h.sentence().getURI());
            if (h.via() != null) {
                m.put("via", h.via());
                m.put("viaEntity", h.viaEntity());
            }
            if (h.evidence() != null)
                m.put("evidence", h.evidence());
            out.add(m);
        }
        body.put("hits", out);
        if (page * PAGE_SIZE < hits.size())
            body.put("next", base + PATH + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=" + (page + 1));
        bytes(resp, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
    }
}
