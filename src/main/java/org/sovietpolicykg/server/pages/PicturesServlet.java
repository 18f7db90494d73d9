package org.sovietpolicykg.server.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.errors.NotFoundException.Suggestion;
import org.sovietpolicykg.errors.NotFoundException;
import org.sovietpolicykg.html.Pages;
import org.sovietpolicykg.html.Pictures.Edge;
import org.sovietpolicykg.html.Pictures.Item;
import org.sovietpolicykg.html.Pictures;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.server.http.KgServlet;
import org.sovietpolicykg.vocabulary.SPC;

/**
 * The pictures, drawn on the server ({@link Pictures}): {@code /pictures/timeline} (the canned query
 * {@code timeline} as a two-lane timeline) and {@code /pictures/links} (the domestic–foreign links as a network), each a
 * page with the SVG inline, and {@code /pictures/timeline.svg}, {@code /pictures/links.svg} the SVG alone. Drawn once:
 * the data does not change while the server runs.
 */
public final class PicturesServlet extends KgServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/pictures/";

    private final transient DatasetGraph queryable;
    private final transient CannedTables tables;
    private final transient Terms terms;
    private final transient Map<String, String> drawn = new ConcurrentHashMap<>();

    public PicturesServlet(DatasetGraph queryable, CannedTables tables) {
        this.queryable = queryable;
        this.tables = tables;
        this.terms = tables.terms();
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        switch (name) {
            case "timeline" -> html(resp, drawn.computeIfAbsent(name, n -> timelinePage()));
            case "timeline.svg" -> bytes(resp, "image/svg+xml", drawn.computeIfAbsent(name, n -> Pictures.timeline(items())).getBytes(StandardCharsets.UTF_8));
            case "links" -> html(resp, drawn.computeIfAbsent(name, n -> linksPage()));
            case "links.svg" -> bytes(resp, "image/svg+xml", drawn.computeIfAbsent(name, n -> Pictures.network(edges())).getBytes(StandardCharsets.UTF_8));
            default -> throw new NotFoundException("No picture at " + req.getRequestURI(),
                    List.of(new Suggestion("The timeline", PATH + "timeline"), new Suggestion("The network of links", PATH + "links")));
        }
    }

    private String timelinePage() {
        List<Item> items = items();
        // why an item is undated: the curators' absence note, as the query timeline gives it
        Map<String, String> why = new HashMap<>();
        QueryRunner.Table t = tables.table("timeline");
        List<String> c = t.columns();
        for (List<Node> row : t.rows())
            text(row.get(c.indexOf("whyUndated"))).ifPresent(w -> why.put(terms.base().href(row.get(c.indexOf("entity")).getURI()), w));
        List<Map<String, Object>> leftOut = new ArrayList<>();
        for (Item i : items)
            if (i.from() == null && i.to() == null)
                leftOut.add(Map.of("href", i.href(), "label", i.label(), "lane", i.lane(), "why", why.getOrDefault(i.href(), "")));
        return page("Timeline", "Timeline: at home and abroad", "The events, decisions and policies of the essay in time, the domestic"
                + " above and the foreign below. A bar runs from an item's start to its end, a point marks a single day; a pale, dashed mark"
                + " is dated only to the year, the decade or roughly. Dates are the reference dates added from elsewhere where"
                + " they are known, else the essay's own (the query timeline gives both and says which is drawn); where the essay's own"
                + " time is narrower, a dark mark on the bar shows it (the Great Purge drawn 1936–1938, the essay's ‘1937’ marked).", "timeline", Pictures.timeline(items), leftOut);
    }

    private String linksPage() {
        return page("Domestic–foreign links", "How the essay links home and abroad", "Each arrow is a link the essay (or, marked so on"
                + " its page, the curators) draws between a domestic and a foreign policy, decision or event, from the side that acts to the"
                + " other, labelled with its relation; domestic items are blue on the left, foreign ones red on the right.",
                "domestic-foreign-links", Pictures.network(edges()), List.of());
    }

    /** A picture's page: its words, the picture, its SVG alone, the canned query its data comes from, what it leaves out. */
    private static String page(String title, String heading, String intro, String query, String picture, List<Map<String, Object>> leftOut) {
        Map<String, Object> s = new HashMap<>();
        s.put("title", title);
        s.put("heading", heading);
        s.put("intro", intro);
        s.put("svg", PATH + (query.equals("timeline") ? "timeline" : "links") + ".svg");
        s.put("data", "/run/" + query);
        s.put("dataName", "the query " + query);
        s.put("picture", picture);
        s.put("leftOut", leftOut);
        s.put("hasLeftOut", !leftOut.isEmpty());
        return Pages.render("picture", s);
    }

    /** The rows of the canned query timeline. */
    private List<Item> items() {
        QueryRunner.Table t = tables.table("timeline");
        List<String> c = t.columns();
        List<Item> items = new ArrayList<>();
        for (List<Node> row : t.rows()) {
            String precision = text(row.get(c.indexOf("refPrecision"))).or(() -> text(row.get(c.indexOf("essayPrecision")))).orElse(null);
            if ("essay".equals(text(row.get(c.indexOf("dateSource"))).orElse("")))
                precision = text(row.get(c.indexOf("essayPrecision"))).orElse(precision);
            items.add(new Item(text(row.get(c.indexOf("label"))).orElseThrow(), date(row.get(c.indexOf("from"))), date(row.get(c.indexOf("to"))),
                    text(row.get(c.indexOf("lane"))).orElse("unclassified"), precision, text(row.get(c.indexOf("dateSource"))).orElse(null),
                    text(row.get(c.indexOf("kind"))).orElse(null), terms.base().href(row.get(c.indexOf("entity")).getURI()),
                    text(row.get(c.indexOf("essayPhrase"))).orElse(null), date(row.get(c.indexOf("essayFrom"))), date(row.get(c.indexOf("essayTo")))));
        }
        return items;
    }

    /** Every spo:DomesticForeignLink: from the acting side to the other, with its relation's label. */
    private List<Edge> edges() {
        Graph g = queryable.getDefaultGraph();
        Node link = spo("DomesticForeignLink");
        Node foreignToDomestic = terms.base().node(NodeFactory.createURI(SPC.NS + "foreign-to-domestic"));
        List<Edge> edges = new ArrayList<>();
        for (Node l : g.find(Node.ANY, RDF.type.asNode(), link).mapWith(Triple::getSubject).toList()) {
            Pictures.Node d = node(g, first(g, l, spo("domesticSide")), "domestic");
            Pictures.Node f = node(g, first(g, l, spo("foreignSide")), "foreign");
            String relation = Terms.label(g, first(g, l, spo("relation"))).orElse("linked to");
            boolean fromForeign = g.contains(l, spo("direction"), foreignToDomestic);
            String title = (fromForeign ? f.label() + " " + relation + " " + d.label() : d.label() + " " + relation + " " + f.label());
            edges.add(fromForeign ? new Edge(f, d, relation, terms.base().href(l.getURI()), title)
                    : new Edge(d, f, relation, terms.base().href(l.getURI()), title));
        }
        return edges;
    }

    private Pictures.Node node(Graph g, Node n, String sphere) {
        return new Pictures.Node(terms.base().href(n.getURI()), Terms.label(g, n).orElse(terms.name(n)), sphere);
    }

    private Node spo(String local) {
        return terms.spo(local);
    }

    private static Node first(Graph g, Node s, Node p) {
        return Terms.first(g, s, p).orElseThrow(() -> new IllegalStateException(s + " has no " + p));
    }

    private static Optional<String> text(Node n) {
        return n == null ? Optional.empty() : Optional.of(n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
    }

    private static LocalDate date(Node n) {
        if (n == null || !n.isLiteral())
            return null;
        String s = n.getLiteralLexicalForm();
        return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    }
}
