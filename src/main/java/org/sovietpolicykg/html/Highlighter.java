package org.sovietpolicykg.html;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import com.github.mustachejava.util.HtmlEscaper;

/**
 * A text with its anchors highlighted where their quotes sit, as HTML (every character of the text and of every
 * attribute escaped by Mustache's escaper). A mention is a link around the words it names; a claim, statement, link or
 * description is a tint or underline under the words it covers (one class per kind, {@code in-claim}, …) and a
 * numbered marker at its start that links to its page. Links never nest: a marker whose start falls inside a
 * mention goes just before the mention, and a mention that overlaps one already linked becomes a marker. Every
 * anchor drawn carries {@code data-anno} (its annotation's path), so each can be counted.
 */
public final class Highlighter {
    /** The kinds of anchor, in the order of the legend. */
    public static final List<String> KINDS = List.of("mention", "claim", "statement", "link", "description");

    /** One anchor: code-point offsets in the text, its kind, its page, a title, and its annotation's path. */
    public record Span(int start, int end, String kind, String href, String title, String anno) {
        public Span {
            if (start < 0 || end < start)
                throw new IllegalArgumentException("Illegal span [" + start + ", " + end + ") of " + anno);
            if (!KINDS.contains(kind))
                throw new IllegalArgumentException("Unknown kind " + kind + " of " + anno + "; expected one of " + KINDS);
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(anno, "anno");
        }
    }

    private Highlighter() {}

    /** The text as HTML with the spans (offsets in code points; a span past the end of the text is an error). */
    public static String html(String text, List<Span> spans) {
        int length = text.codePointCount(0, text.length());
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparing(Span::anno));
        // the mentions that become links: no two overlapping
        List<Span> linked = new ArrayList<>();
        List<Span> markers = new ArrayList<>();
        for (Span s : sorted) {
            if (s.end() > length)
                throw new IllegalArgumentException("The span " + s.anno() + " ends at " + s.end() + ", after the text (" + length + ")");
            if (s.kind().equals("mention") && s.end() > s.start()
                    && linked.stream().noneMatch(l -> l.start() < s.end() && s.start() < l.end()))
                linked.add(s);
            else
                markers.add(s);
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (Span s : sorted) {
            cuts.add(s.start());
            cuts.add(s.end());
        }
        StringWriter w = new StringWriter();
        Span open = null;
        List<Integer> at = new ArrayList<>(cuts);
        for (int i = 0; i < at.size(); i++) {
            int p = at.get(i);
            if (open != null && open.end() == p) {
                w.write("</a>");
                open = null;
            }
            for (Span m : markers) {
                if (markerAt(m, linked) == p)
                    marker(w, m);
            }
            for (Span l : linked) {
                if (l.start() == p) {
                    openLink(w, "hl k-mention", l);
                    open = l;
                }
            }
            if (i + 1 == at.size())
                break;
            int q = at.get(i + 1);
            String piece = text.substring(text.offsetByCodePoints(0, p), text.offsetByCodePoints(0, q));
            StringBuilder classes = new StringBuilder();
            for (String kind : KINDS) {
                if (kind.equals("mention"))
                    continue;
                if (markers.stream().anyMatch(m -> m.kind().equals(kind) && m.start() <= p && q <= m.end()))
                    classes.append(classes.isEmpty() ? "" : " ").append("in-").append(kind);
            }
            if (classes.isEmpty()) {
                HtmlEscaper.escape(piece, w);
            } else {
                w.write("<span class=\"" + classes + "\">");
                HtmlEscaper.escape(piece, w);
                w.write("</span>");
            }
        }
        if (open != null)
            w.write("</a>");
        return w.toString();
    }

    /** Where a marker goes: its start, or the start of the linked mention its start falls inside. */
    private static int markerAt(Span m, List<Span> linked) {
        for (Span l : linked)
            if (l.start() < m.start() && m.start() < l.end())
                return l.start();
        return m.start();
    }

    private static void marker(StringWriter w, Span m) {
        openLink(w, "marker k-" + m.kind(), m);
        w.write(Character.toUpperCase(m.kind().charAt(0)));
        w.write("</a>");
    }

    /** The opening tag of a span's link: its page, its title and its annotation, escaped. */
    private static void openLink(StringWriter w, String classes, Span s) {
        w.write("<a class=\"" + classes + "\" href=\"");
        HtmlEscaper.escape(s.href(), w);
        w.write("\" title=\"");
        HtmlEscaper.escape(s.title(), w);
        w.write("\" data-anno=\"");
        HtmlEscaper.escape(s.anno(), w);
        w.write("\">");
    }
}
