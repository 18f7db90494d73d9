package org.sovietpolicykg.html;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The two pictures, drawn on the server as SVG (Mustache templates {@code timeline.svg} and {@code network.svg}; the
 * layout is computed here, deterministically): a two-lane timeline, domestic above and foreign below, each item a
 * bar from its start to its end or a point at its day, its precision drawn (solid for a day or month, lighter and
 * dashed for a year, a decade or an approximate date) and named in its tooltip, linked to its page; and the network
 * of the domestic–foreign links, the domestic side on the left and the foreign on the right, each link an arrow
 * from the side that acts, labelled with its relation. Both are 1280 units wide, scale to the page and print.
 */
public final class Pictures {
    public static final int WIDTH = 1280;
    private static final int MARGIN = 40;
    private static final int ROW = 22;
    /** Roughly the width of a character of the labels (11 px sans-serif), for packing labels without overlap. */
    private static final double CHAR = 6.2;

    private Pictures() {}

    /**
     * An item of the timeline: dates as ISO dates (either may be missing), its lane, label, precision and page; and the
     * essay's own time (its phrase and bounds, any of them missing), marked on the bar where it is narrower than what
     * is drawn (the Great Purge drawn 1936-1938, the essay's "1937" marked on it).
     */
    public record Item(String label, LocalDate from, LocalDate to, String lane, String precision, String dateSource, String kind, String href,
            String essayPhrase, LocalDate essayFrom, LocalDate essayTo) {
        public Item(String label, LocalDate from, LocalDate to, String lane, String precision, String dateSource, String kind, String href) {
            this(label, from, to, lane, precision, dateSource, kind, href, null, null, null);
        }

        public Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(href, "href");
        }

        boolean dated() {
            return from != null || to != null;
        }

        LocalDate start() {
            return from != null ? from : to;
        }

        LocalDate end() {
            return to != null ? to : from;
        }
    }

    /** A node of the network: its page, label and sphere (domestic or foreign). */
    public record Node(String href, String label, String sphere) {}

    /** A link: from the side that acts to the other, its relation, and its page. */
    public record Edge(Node from, Node to, String relation, String href, String title) {}

    /** The SVG of the timeline of the dated items (undated ones are for the page to list). */
    public static String timeline(List<Item> items) {
        List<Item> dated = items.stream().filter(Item::dated).toList();
        if (dated.isEmpty())
            throw new IllegalArgumentException("No dated item to draw");
        int firstYear = dated.stream().map(Item::start).min(Comparator.naturalOrder()).orElseThrow().getYear();
        int lastYear = dated.stream().map(Item::end).max(Comparator.naturalOrder()).orElseThrow().getYear() + 1;
        LocalDate origin = LocalDate.of(firstYear, 1, 1);
        double days = ChronoUnit.DAYS.between(origin, LocalDate.of(lastYear, 1, 1));
        double plot = WIDTH - 2.0 * MARGIN;
        List<Map<String, Object>> lanes = new ArrayList<>();
        int y = 50;
        for (String lane : List.of("domestic", "foreign")) {
            List<Item> in = dated.stream().filter(i -> i.lane().contains(lane))
                    .sorted(Comparator.comparing(Item::start).thenComparing(Item::label)).toList();
            List<Double> rowEnds = new ArrayList<>();
            List<Map<String, Object>> drawn = new ArrayList<>();
            for (Item i : in) {
                double x1 = MARGIN + plot * ChronoUnit.DAYS.between(origin, i.start()) / days;
                double x2 = MARGIN + plot * (ChronoUnit.DAYS.between(origin, i.end()) + 1) / days;
                boolean point = x2 - x1 < 4;
                double labelEnd = Math.max(x2, x1 + 8) + 4 + CHAR * i.label().length();
                boolean labelLeft = labelEnd > WIDTH - 4;
                double occupiedFrom = labelLeft ? x1 - 4 - CHAR * i.label().length() : x1;
                double occupiedTo = labelLeft ? Math.max(x2, x1 + 8) : labelEnd;
                int row = 0;
                while (row < rowEnds.size() && rowEnds.get(row) > occupiedFrom - 6)
                    row++;
                if (row == rowEnds.size())
                    rowEnds.add(occupiedTo);
                else
                    rowEnds.set(row, occupiedTo);
                Map<String, Object> m = new HashMap<>();
                m.put("href", i.href());
                m.put("label", i.label());
                m.put("row", row);
                m.put("point", point);
                m.put("x", fmt(x1));
                m.put("cx", fmt(point ? (x1 + x2) / 2 : x1));
                m.put("w", fmt(Math.max(x2 - x1, 2)));
                m.put("precision", i.precision() == null ? "" : i.precision());
                m.put("fine", i.precision() == null || i.precision().equals("day") || i.precision().equals("month"));
                m.put("kind", i.kind() == null ? "" : i.kind());
                m.put("both", i.lane().contains(" and "));
                m.put("title", i.label() + ": " + period(i) + (i.precision() == null ? "" : " (precision: " + i.precision() + ")")
                        + (i.dateSource() == null ? "" : ", dated by the " + i.dateSource())
                        + (i.essayPhrase() == null ? "" : "; the essay: ‘" + i.essayPhrase() + "’"
                                + (i.essayFrom() != null && i.essayTo() != null ? " (" + i.essayFrom() + " to " + i.essayTo() + ")" : "")));
                // the essay's own span, marked on a bar drawn wider (by the reference dates)
                if (!point && i.essayFrom() != null && i.essayTo() != null && (!i.essayFrom().equals(i.start()) || !i.essayTo().equals(i.end()))
                        && !i.essayTo().isBefore(i.start()) && !i.essayFrom().isAfter(i.end())) {
                    LocalDate ef = i.essayFrom().isBefore(i.start()) ? i.start() : i.essayFrom();
                    LocalDate et = i.essayTo().isAfter(i.end()) ? i.end() : i.essayTo();
                    double e1 = MARGIN + plot * ChronoUnit.DAYS.between(origin, ef) / days;
                    double e2 = MARGIN + plot * (ChronoUnit.DAYS.between(origin, et) + 1) / days;
                    m.put("essay", Map.of("ex", fmt(e1), "ew", fmt(Math.max(e2 - e1, 2)), "phrase", i.essayPhrase() == null ? "" : i.essayPhrase()));
                }
                m.put("tx", fmt(labelLeft ? x1 - 4 : Math.max(x2, x1 + (point ? 5 : 0)) + 4));
                m.put("anchor", labelLeft ? "end" : "start");
                drawn.add(m);
            }
            int top = y;
            int rows = Math.max(1, rowEnds.size());
            for (Map<String, Object> m : drawn) {
                int r = (Integer) m.get("row");
                m.put("y", top + 12 + r * ROW);
                m.put("cy", top + 12 + r * ROW + 6);
                m.put("ty", top + 12 + r * ROW + 10);
                m.put("ey", top + 12 + r * ROW + 12);
            }
            Map<String, Object> l = new HashMap<>();
            l.put("name", lane);
            l.put("title", lane.equals("domestic") ? "Domestic" : "Foreign");
            l.put("top", top);
            l.put("height", rows * ROW + 20);
            l.put("labelY", top + 14);
            l.put("items", drawn);
            l.put("count", drawn.size());
            lanes.add(l);
            y = top + rows * ROW + 20 + 16;
        }
        int axisY = y;
        List<Map<String, Object>> ticks = new ArrayList<>();
        int step = lastYear - firstYear > 24 ? 5 : lastYear - firstYear > 10 ? 2 : 1;
        for (int year = firstYear; year <= lastYear; year++) {
            if (year % step != 0)
                continue;
            double x = MARGIN + plot * ChronoUnit.DAYS.between(origin, LocalDate.of(year, 1, 1)) / days;
            ticks.add(Map.of("x", fmt(x), "year", year));
        }
        Map<String, Object> s = new HashMap<>();
        s.put("width", WIDTH);
        s.put("height", axisY + 40);
        s.put("lanes", lanes);
        s.put("ticks", ticks);
        s.put("axisY", axisY);
        s.put("tickY", axisY + 16);
        s.put("from", firstYear);
        s.put("to", lastYear - 1);
        s.put("count", dated.size());
        s.put("plotLeft", MARGIN);
        s.put("plotRight", WIDTH - MARGIN);
        return Pages.render("timeline.svg", s);
    }

    private static String period(Item i) {
        if (i.from() != null && i.to() != null)
            return i.from().equals(i.to()) ? i.from().toString() : i.from() + " to " + i.to();
        return i.from() != null ? "from " + i.from() : "until " + i.to();
    }

    /** The SVG of the network of links. */
    public static String network(List<Edge> edges) {
        if (edges.isEmpty())
            throw new IllegalArgumentException("No link to draw");
        Map<String, Node> left = new LinkedHashMap<>();
        Map<String, Node> right = new LinkedHashMap<>();
        for (Edge e : edges) {
            for (Node n : List.of(e.from(), e.to())) {
                if (n.sphere().equals("domestic"))
                    left.putIfAbsent(n.href(), n);
            }
        }
        for (Edge e : edges)
            for (Node n : List.of(e.from(), e.to()))
                if (!left.containsKey(n.href()))
                    right.putIfAbsent(n.href(), n);
        List<Node> l = new ArrayList<>(left.values());
        l.sort(Comparator.comparing(Node::label));
        Map<String, Integer> leftIndex = new HashMap<>();
        for (int i = 0; i < l.size(); i++)
            leftIndex.put(l.get(i).href(), i);
        // the right column in the order of the left nodes it is linked to (fewer crossings)
        List<Node> r = new ArrayList<>(right.values());
        r.sort(Comparator.comparingDouble((Node n) -> edges.stream().filter(e -> e.from().href().equals(n.href()) || e.to().href().equals(n.href()))
                .mapToInt(e -> leftIndex.getOrDefault(e.from().href(), leftIndex.getOrDefault(e.to().href(), 0))).average().orElse(0))
                .thenComparing(Node::label));
        int gap = 44;
        int top = 60;
        int rows = Math.max(l.size(), r.size());
        double lx = 300;
        double rx = WIDTH - 300;
        Map<String, double[]> at = new HashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < l.size(); i++)
            nodes.add(node(l.get(i), lx, top + (rows - l.size()) * gap / 2.0 + i * gap, "end", at));
        for (int i = 0; i < r.size(); i++)
            nodes.add(node(r.get(i), rx, top + (rows - r.size()) * gap / 2.0 + i * gap, "start", at));
        List<Map<String, Object>> drawn = new ArrayList<>();
        int k = 0;
        for (Edge e : edges.stream().sorted(Comparator.comparing(Edge::href)).toList()) {
            double[] a = at.get(e.from().href());
            double[] b = at.get(e.to().href());
            double dir = Math.signum(b[0] - a[0]);
            if (dir == 0)
                dir = 1;
            double x1 = a[0] + dir * 8;
            double x2 = b[0] - dir * 10;
            // the label a little along the line, staggered so that labels of crossing links part
            double t = 0.35 + 0.3 * ((k++ % 3) / 2.0);
            Map<String, Object> m = new HashMap<>();
            m.put("x1", fmt(x1));
            m.put("y1", fmt(a[1]));
            m.put("x2", fmt(x2));
            m.put("y2", fmt(b[1]));
            m.put("lx", fmt(x1 + (x2 - x1) * t));
            m.put("ly", fmt(a[1] + (b[1] - a[1]) * t - 4));
            m.put("relation", e.relation());
            m.put("href", e.href());
            m.put("title", e.title());
            m.put("cls", "rel-" + e.relation().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            drawn.add(m);
        }
        Map<String, Object> s = new HashMap<>();
        s.put("width", WIDTH);
        s.put("height", top + rows * gap + 20);
        s.put("nodes", nodes);
        s.put("edges", drawn);
        s.put("lx", fmt(lx));
        s.put("rx", fmt(rx));
        s.put("nodeCount", nodes.size());
        s.put("edgeCount", drawn.size());
        return Pages.render("network.svg", s);
    }

    private static Map<String, Object> node(Node n, double x, double y, String anchor, Map<String, double[]> at) {
        at.put(n.href(), new double[] {x, y});
        Map<String, Object> m = new HashMap<>();
        m.put("href", n.href());
        m.put("label", n.label());
        m.put("sphere", n.sphere());
        m.put("x", fmt(x));
        m.put("y", fmt(y));
        m.put("tx", fmt(anchor.equals("end") ? x - 12 : x + 12));
        m.put("ty", fmt(y + 4));
        m.put("anchor", anchor);
        return m;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
