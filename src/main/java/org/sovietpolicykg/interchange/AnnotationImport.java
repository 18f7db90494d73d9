package org.sovietpolicykg.interchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.text.Quote;
import org.sovietpolicykg.text.QuoteMatch;
import org.sovietpolicykg.text.QuoteResolver;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPD;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Annotations made with the tools curators use, turned into a curation file of a source: W3C Web Annotation JSON-LD
 * as Recogito and Hypothesis write it (a list of annotations, or a page or collection with {@code items}: each a
 * {@code TextQuoteSelector} and/or {@code TextPositionSelector} target, a tagging body naming the class, an
 * identifying body naming a Wikidata item or one of our entities) and INCEpTION's WebAnno TSV 3.3 (named entities with
 * their {@code identifier} and {@code value} features). Every passage is resolved against the text: positions count
 * UTF-16 code units from the start of the text, as browser tools and INCEpTION count them, and are converted to code
 * points; positions relative to one of our sentences or paragraphs (our own export) count code points. A position
 * whose passage is not the annotation's quote, a quote that is not in the text, a TSV of another version: each is a
 * problem at {@code file:line} naming the annotation, all collected, nothing written.
 * <pre>
 *   List&lt;Mention&gt; found = AnnotationImport.read(file, "export.json", text, segments, base, problems);
 *   Proposal p = AnnotationImport.propose(found, known, "export.json", problems);
 * </pre>
 */
public final class AnnotationImport {
    public static final String TSV_HEADER = "#FORMAT=WebAnno TSV 3.3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OUR_SEGMENT = Pattern.compile(".*/text/[a-z0-9-]+/p([0-9]+)(?:/s([0-9]+))?");
    private static final Pattern QID = Pattern.compile("https?://(?:www\\.)?wikidata\\.org/(?:entity|wiki)/(Q[0-9]+)");

    private AnnotationImport() {}

    /** A passage an annotation names: where it was read, its id, the entity or QID it identifies, its tag, its span in code points. */
    public record Mention(String file, int line, String annotation, Optional<String> entity, Optional<String> qid, Optional<String> tag,
            int start, int end, String form) {
        String where() {
            return file + ":" + line;
        }
    }

    /**
     * A relation an export draws between two annotated passages (a WebAnno TSV relation layer): its label, which is
     * to name a relation of the ontology, from the governor (the arc's source) to the dependent (its target).
     */
    public record Relation(String file, int line, String label, Mention governor, Mention dependent) {}

    /** What an export holds: its passages, and the relations between them. */
    public record Read(List<Mention> mentions, List<Relation> relations) {}

    /** The entities the project declares: by id, and by QID. */
    public record Known(Map<String, Declarations.Entity> byId, Map<String, String> idByQid) {
        public static Known of(List<Declarations.Entity> entities, List<Declarations.WikidataLink> links) {
            Map<String, Declarations.Entity> byId = new TreeMap<>();
            entities.forEach(e -> byId.put(e.id().value(), e));
            Map<String, String> byQid = new TreeMap<>();
            links.forEach(l -> byQid.putIfAbsent(l.qid().value(), l.entity().value()));
            return new Known(byId, byQid);
        }
    }

    /**
     * What an import proposes: the entities new to the project (as curation YAML maps, in text order of first mention),
     * how many passages name a known entity by a name it already has, and the forms of known entities that are new
     * names for them (a curator adds them by hand to the entity's declaration).
     */
    public record Proposal(List<Map<String, Object>> entities, int mentions, int ofKnownByTheirNames, Map<String, Set<String>> newNamesOfKnown,
            Map<Mention, String> entityOf, List<Map<String, Object>> claims, List<Map<String, Object>> statements) {
        /** The curation file's content. */
        public Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("entities", entities);
            if (!claims.isEmpty())
                doc.put("claims", claims);
            if (!statements.isEmpty())
                doc.put("statements", statements);
            return doc;
        }
    }

    /** Reads an export, Web Annotations or WebAnno TSV by its first characters, against a source's text. */
    public static Read read(Path file, String display, SourceText text, Segmentation segments, BaseIri base, Problems problems) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot be read as UTF-8 text: " + e.getMessage());
            return new Read(List.of(), List.of());
        }
        if (content.startsWith("#FORMAT="))
            return tsv(content, display, text, base, problems);
        return new Read(webAnnotations(content, display, text, segments, base, problems), List.of());
    }

    // ---- Web Annotations

    static List<Mention> webAnnotations(String content, String display, SourceText text, Segmentation segments, BaseIri base, Problems problems) {
        List<Located> items = new ArrayList<>();
        try (JsonParser p = JSON.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY)
                array(p, items);
            else if (t == JsonToken.START_OBJECT) {
                if (JSON.readTree(content).has("target"))
                    items.add(new Located(JSON.readTree(content), p.currentTokenLocation().getLineNr()));
                else
                    container(p, items);
            }
            else
                problems.add(display, 1, 1, "is neither JSON nor WebAnno TSV; expected a list of Web Annotations, an AnnotationPage or"
                        + " AnnotationCollection with items, or a file that starts with " + TSV_HEADER);
        } catch (JsonProcessingException e) {
            problems.add(display, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getLocation() == null ? 0
                    : e.getLocation().getColumnNr(), "is not valid JSON: " + e.getOriginalMessage());
            return List.of();
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot be read: " + e.getMessage());
            return List.of();
        }
        List<Mention> out = new ArrayList<>();
        for (Located l : items)
            annotation(l.node(), display, l.line(), text, segments, base, problems).ifPresent(out::add);
        return out;
    }

    private record Located(JsonNode node, int line) {}

    private static void array(JsonParser p, List<Located> items) throws IOException {
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                items.add(new Located(JSON.readTree(p), line));
            } else
                p.skipChildren();
        }
    }

    /** The items of a page ({@code items}), of a collection's first page ({@code first}) or of a search result ({@code rows}). */
    private static void container(JsonParser p, List<Located> items) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ((name.equals("items") || name.equals("rows")) && v == JsonToken.START_ARRAY)
                array(p, items);
            else if (name.equals("first") && v == JsonToken.START_OBJECT)
                container(p, items);
            else
                p.skipChildren();
        }
    }

    private static Optional<Mention> annotation(JsonNode a, String display, int line, SourceText text, Segmentation segments, BaseIri base,
            Problems problems) {
        String id = a.path("id").asText(a.path("@id").asText("(an annotation without id)"));
        String where = "annotation " + id;
        List<JsonNode> bodies = list(a.has("body") ? a.get("body") : a.path("bodyValue"));
        String motivation = a.path("motivation").asText("");
        Optional<String> entity = Optional.empty(), qid = Optional.empty(), tag = Optional.empty();
        String entityNs = base.node(SPD.entity("")).getURI();
        boolean naming = false;
        for (JsonNode b : bodies) {
            String purpose = b.path("purpose").asText("");
            String source = b.isTextual() ? b.asText() : b.path("source").isObject() ? b.path("source").path("id").asText("")
                    : b.path("source").asText(b.path("id").asText(""));
            if (purpose.equals("tagging") && b.has("value")) {
                tag = Optional.of(b.get("value").asText());
                naming = true;
            } else if ((purpose.equals("identifying") || purpose.isEmpty() && !source.isEmpty()) && !source.isEmpty()) {
                Matcher q = QID.matcher(source);
                if (q.matches())
                    qid = Optional.of(q.group(1));
                else if (source.startsWith(entityNs) && !source.substring(entityNs.length()).contains("/"))
                    entity = Optional.of(source.substring(entityNs.length()));
                naming |= purpose.equals("identifying");
            }
        }
        if (!(motivation.equals("identifying") || motivation.equals("tagging") || motivation.isEmpty() && naming))
            return Optional.empty(); // a comment, a description, a link: not a mention
        JsonNode target = list(a.path("target")).stream().filter(t -> t.has("selector")).findFirst().orElse(null);
        if (target == null) {
            problems.add(display, line, 0, where + " has no target with a selector; expected a TextQuoteSelector or TextPositionSelector");
            return Optional.empty();
        }
        String sourceIri = target.path("source").isObject() ? target.path("source").path("id").asText("") : target.path("source").asText("");
        JsonNode quote = null, position = null;
        for (JsonNode s : list(target.get("selector"))) {
            if (s.path("type").asText().equals("TextQuoteSelector"))
                quote = s;
            if (s.path("type").asText().equals("TextPositionSelector"))
                position = s;
        }
        if (quote == null && position == null) {
            problems.add(display, line, 0, where + " has neither a TextQuoteSelector nor a TextPositionSelector; expected one of them");
            return Optional.empty();
        }
        Optional<int[]> span;
        if (position != null)
            span = position(position, sourceIri, display, line, where, text, segments, problems);
        else
            span = quote(new Quote(quote.path("exact").asText(""), quote.path("prefix").asText(""), quote.path("suffix").asText("")), display,
                    line, where, text, problems);
        if (span.isEmpty())
            return Optional.empty();
        String selected = text.slice(span.get()[0], span.get()[1]);
        if (quote != null && !quote.path("exact").asText("").equals(selected)) {
            problems.add(display, line, 0, where + ": its TextPositionSelector (" + position.path("start").asText() + " to "
                    + position.path("end").asText() + ") selects \"" + selected + "\" but its TextQuoteSelector's exact is \""
                    + quote.path("exact").asText() + "\"; expected the same passage (positions count UTF-16 code units from the start of"
                    + " the text, or code points from the start of one of our sentences when the source is its IRI)");
            return Optional.empty();
        }
        return checked(new Mention(display, line, id, entity, qid, tag, span.get()[0], span.get()[1], selected), text, problems);
    }

    private static Optional<int[]> position(JsonNode position, String sourceIri, String display, int line, String where, SourceText text,
            Segmentation segments, Problems problems) {
        if (!position.path("start").canConvertToInt() || !position.path("end").canConvertToInt()) {
            problems.add(display, line, 0, where + ": its TextPositionSelector has no integer start and end");
            return Optional.empty();
        }
        int start = position.get("start").asInt(), end = position.get("end").asInt();
        Matcher ours = OUR_SEGMENT.matcher(sourceIri);
        if (ours.matches()) {
            int p = Integer.parseInt(ours.group(1));
            int s = ours.group(2) == null ? 0 : Integer.parseInt(ours.group(2));
            Optional<Segment> seg = (s == 0 ? segments.paragraphs() : segments.sentencesOf(p)).stream()
                    .filter(x -> x.paragraph() == p && x.sentence() == s).findFirst();
            if (seg.isEmpty() || start < 0 || end < start || seg.get().start() + end > seg.get().end()) {
                problems.add(display, line, 0, where + ": its target " + sourceIri + " (" + start + " to " + end + ") is not a passage of"
                        + " this text's paragraph " + p + (s == 0 ? "" : ", sentence " + s) + "; expected offsets within it");
                return Optional.empty();
            }
            return Optional.of(new int[] {seg.get().start() + start, seg.get().start() + end});
        }
        String t = text.text();
        if (start < 0 || end < start || end > t.length() || splitsPair(t, start) || splitsPair(t, end)) {
            problems.add(display, line, 0, where + ": its TextPositionSelector (" + start + " to " + end + ") is not a passage of the text ("
                    + t.length() + " UTF-16 code units); expected UTF-16 offsets from the start of the text");
            return Optional.empty();
        }
        return Optional.of(new int[] {text.toCodePoint(start), text.toCodePoint(end)});
    }

    private static boolean splitsPair(String t, int i) {
        return i > 0 && i < t.length() && Character.isLowSurrogate(t.charAt(i)) && Character.isHighSurrogate(t.charAt(i - 1));
    }

    private static Optional<int[]> quote(Quote q, String display, int line, String where, SourceText text, Problems problems) {
        if (q.exact().isEmpty()) {
            problems.add(display, line, 0, where + ": its TextQuoteSelector has no exact");
            return Optional.empty();
        }
        QuoteMatch m = new QuoteResolver(text).resolve(q);
        if (m instanceof QuoteMatch.Found f)
            return Optional.of(new int[] {f.start(), f.end()});
        if (m instanceof QuoteMatch.Ambiguous amb)
            problems.add(display, line, 0, where + ": its quote \"" + q.exact() + "\" occurs " + amb.starts().size() + " times in the text;"
                    + " expected a prefix or suffix (or a TextPositionSelector) that tells them apart");
        else if (m instanceof QuoteMatch.Missing miss)
            problems.add(display, line, 0, where + ": its quote \"" + q.exact() + "\" is not in the text; nearest passage (edit distance "
                    + miss.distance() + "): \"" + miss.nearest() + "\"");
        return Optional.empty();
    }

    /** A passage must be whole words without white space at its ends, as the build finds names. */
    private static Optional<Mention> checked(Mention m, SourceText text, Problems problems) {
        String t = text.text();
        int from = text.toCharIndex(m.start()), to = text.toCharIndex(m.end());
        boolean whole = (from == 0 || !Character.isLetterOrDigit(t.charAt(from - 1))) && (to == t.length() || !Character.isLetterOrDigit(t.charAt(to)));
        if (m.form().isBlank() || !m.form().strip().equals(m.form()) || !whole) {
            problems.add(m.file(), m.line(), 0, "annotation " + m.annotation() + " selects \"" + m.form() + "\", which is not a whole name;"
                    + " expected whole words with no white space at either end (the build finds names as whole words)");
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull())
            return l;
        if (n.isArray())
            n.forEach(l::add);
        else
            l.add(n);
        return l;
    }

    // ---- WebAnno TSV 3.3

    /** A relation layer of a TSV: the column of its label and the column of the governor's address. */
    private record RelationLayer(String name, int label, int governor) {}

    /** A relation as a token line gives it, resolved to its passages once all lines are read. */
    private record PendingRelation(int line, String label, String dependentToken, String governorToken, int governorSpan, int dependentSpan) {}

    private static final Pattern GOVERNOR = Pattern.compile("([0-9]+-[0-9]+)(?:\\[([0-9]+)_([0-9]+)\\])?");

    static Read tsv(String content, String display, SourceText text, BaseIri base, Problems problems) {
        String entityNs = base.node(SPD.entity("")).getURI();
        String[] lines = content.split("\r?\n", -1);
        if (!lines[0].strip().equals(TSV_HEADER)) {
            problems.add(display, 1, 1, "is " + lines[0].strip().substring(1) + "; expected " + TSV_HEADER
                    + " (INCEpTION: export the document as \"WebAnno TSV v3.3\")");
            return new Read(List.of(), List.of());
        }
        // the columns after the token's three: one per feature of each span layer, one per feature and one for the governor of each relation layer
        int column = 3, identifier = -1, value = -1;
        List<RelationLayer> layers = new ArrayList<>();
        for (int i = 1; i < lines.length && lines[i].startsWith("#T_"); i++) {
            String[] parts = lines[i].substring(lines[i].indexOf('=') + 1).split("\\|");
            boolean ne = parts[0].endsWith(".NamedEntity");
            boolean relation = lines[i].startsWith("#T_RL");
            int label = -1, governor = -1;
            for (int f = 1; f < parts.length; f++) {
                if (ne && parts[f].equals("identifier"))
                    identifier = column;
                if (ne && parts[f].equals("value"))
                    value = column;
                if (relation && parts[f].startsWith("BT_"))
                    governor = column;
                else if (relation && label < 0)
                    label = column;
                column++;
            }
            if (relation && (label < 0 || governor < 0))
                problems.add(display, i + 1, 1, "the relation layer " + parts[0] + " has " + (label < 0 ? "no feature for its label" : "no governor column")
                        + "; expected #T_RL=LAYER|FEATURE|BT_SPANLAYER (a relation's label names a relation of the ontology)");
            else if (relation)
                layers.add(new RelationLayer(parts[0], label, governor));
        }
        if (identifier < 0 && value < 0) {
            problems.add(display, 2, 1, "declares no named entity layer; expected a line #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value");
            return new Read(List.of(), List.of());
        }
        Map<String, int[]> spans = new LinkedHashMap<>(); // key -> begin, end (UTF-16), line
        Map<String, String[]> features = new LinkedHashMap<>();
        Map<String, Set<String>> spansAt = new LinkedHashMap<>(); // token address -> the keys of the spans over it
        List<PendingRelation> pending = new ArrayList<>();
        String t = text.text();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() || l.startsWith("#"))
                continue;
            String[] cells = l.split("\t", -1);
            Matcher off = Pattern.compile("([0-9]+)-([0-9]+)").matcher(cells.length > 1 ? cells[1] : "");
            if (cells.length < 3 || !off.matches()) {
                problems.add(display, i + 1, 1, "is not a token line; expected SENTENCE-TOKEN, BEGIN-END, the token and its columns, tab-separated");
                continue;
            }
            int b = Integer.parseInt(off.group(1)), e = Integer.parseInt(off.group(2));
            if (e > t.length() || b > e || !t.substring(b, e).equals(cells[2])) {
                problems.add(display, i + 1, 1, "token " + cells[0] + " \"" + cells[2] + "\" at " + b + "-" + e + " is \""
                        + (e <= t.length() && b <= e ? t.substring(b, e) : "(past the end)") + "\" in the text; expected the same text"
                        + " (offsets count UTF-16 code units: the export is of another text, or the text has changed)");
                continue;
            }
            List<String> ids = identifier >= 0 && identifier < cells.length ? stacked(cells[identifier]) : List.of();
            List<String> vals = value >= 0 && value < cells.length ? stacked(cells[value]) : List.of();
            for (int k = 0; k < Math.max(ids.size(), vals.size()); k++) {
                String id = k < ids.size() ? ids.get(k) : "_", v = k < vals.size() ? vals.get(k) : "_";
                if (id.equals("_") && v.equals("_"))
                    continue;
                int lineNo = i + 1;
                String n = spanId(id).or(() -> spanId(v)).orElse("line" + lineNo + "-" + k);
                int[] span = spans.computeIfAbsent(n, x -> new int[] {b, e, lineNo});
                span[0] = Math.min(span[0], b);
                span[1] = Math.max(span[1], e);
                features.putIfAbsent(n, new String[] {withoutSpanId(id), withoutSpanId(v)});
                spansAt.computeIfAbsent(cells[0], x -> new LinkedHashSet<>()).add(n);
            }
            for (RelationLayer layer : layers) {
                if (layer.governor() >= cells.length)
                    continue;
                List<String> labels = layer.label() < cells.length ? stacked(cells[layer.label()]) : List.of();
                List<String> governors = stacked(cells[layer.governor()]);
                for (int k = 0; k < governors.size(); k++) {
                    String g = governors.get(k);
                    if (g.equals("_"))
                        continue;
                    Matcher gm = GOVERNOR.matcher(g);
                    String label = k < labels.size() ? withoutSpanId(labels.get(k)) : "_";
                    if (!gm.matches()) {
                        problems.add(display, i + 1, 1, "the governor of a " + layer.name() + " relation is \"" + g
                                + "\"; expected the address of a token, SENTENCE-TOKEN, or SENTENCE-TOKEN[GOVERNOR_DEPENDENT] for spans of several tokens");
                        continue;
                    }
                    int gs = gm.group(2) == null ? 0 : Integer.parseInt(gm.group(2)), ds = gm.group(3) == null ? 0 : Integer.parseInt(gm.group(3));
                    pending.add(new PendingRelation(i + 1, label, cells[0], gm.group(1), gs, ds));
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        Map<String, Mention> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> s : spans.entrySet()) {
            String[] f = features.get(s.getKey());
            Optional<String> entity = Optional.empty(), qid = Optional.empty();
            Matcher q = QID.matcher(f[0]);
            if (q.matches())
                qid = Optional.of(q.group(1));
            else if (f[0].startsWith(entityNs))
                entity = Optional.of(f[0].substring(entityNs.length()));
            Optional<String> tag = f[1].equals("*") || f[1].equals("_") ? Optional.empty() : Optional.of(f[1]);
            int[] x = s.getValue();
            String form = t.substring(x[0], x[1]);
            Optional<Mention> m = checked(new Mention(display, x[2], "named entity " + s.getKey() + " (\"" + form + "\")", entity, qid, tag,
                    text.toCodePoint(x[0]), text.toCodePoint(x[1]), form), text, problems);
            m.ifPresent(out::add);
            m.ifPresent(mm -> byKey.put(s.getKey(), mm));
        }
        if (!pending.isEmpty() && spans.isEmpty())
            problems.add(display, 2, 1, "holds relations but no named entity; expected named entities with their identifier");
        List<Relation> relations = new ArrayList<>();
        for (PendingRelation r : pending) {
            Optional<String> gov = r.governorSpan() > 0 ? Optional.of(String.valueOf(r.governorSpan())) : single(spansAt.get(r.governorToken()));
            Optional<String> dep = r.dependentSpan() > 0 ? Optional.of(String.valueOf(r.dependentSpan())) : single(spansAt.get(r.dependentToken()));
            if (gov.isEmpty() || dep.isEmpty() || !spans.containsKey(gov.get()) || !spans.containsKey(dep.get())) {
                problems.add(display, r.line(), 1, "the relation \"" + r.label() + "\" from token " + r.governorToken() + " to token "
                        + r.dependentToken() + " does not join two named entities; expected a relation between two annotated names");
                continue;
            }
            if (r.label().equals("_") || r.label().equals("*") || r.label().isBlank()) {
                problems.add(display, r.line(), 1, "the relation from token " + r.governorToken() + " to token " + r.dependentToken()
                        + " has no label; expected the name of a relation of the ontology (e.g. replaced, signed)");
                continue;
            }
            Mention g = byKey.get(gov.get()), d = byKey.get(dep.get());
            if (g != null && d != null) // a passage refused above is reported there
                relations.add(new Relation(display, r.line(), r.label(), g, d));
        }
        return new Read(out, relations);
    }

    /** The one span over a token, if there is exactly one. */
    private static Optional<String> single(Set<String> keys) {
        return keys != null && keys.size() == 1 ? Optional.of(keys.iterator().next()) : Optional.empty();
    }

    /** The annotations of a cell, split at unescaped '|', unescaped. */
    private static List<String> stacked(String cell) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                sb.append(c).append(cell.charAt(++i));
            } else if (c == '|') {
                out.add(sb.toString());
                sb.setLength(0);
            } else
                sb.append(c);
        }
        out.add(sb.toString());
        return out;
    }

    private static final Pattern SPAN_ID = Pattern.compile("(.*?)\\[([0-9]+)\\]$");

    private static Optional<String> spanId(String v) {
        Matcher m = SPAN_ID.matcher(v);
        return m.matches() && !m.group(1).endsWith("\\") ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static String withoutSpanId(String v) {
        Matcher m = SPAN_ID.matcher(v);
        String s = m.matches() && !m.group(1).endsWith("\\") ? m.group(1) : v;
        // WebAnno TSV escapes its own special characters with a backslash
        return s.replaceAll("\\\\([\\\\\\[\\]|_*;>\\-])", "$1");
    }

    // ---- the proposal

    /** The class a proposed entity has when the class it is tagged with needs facts an annotation does not give. */
    public static final String FALLBACK_CLASS = "Idea";

    /** The classes a tag names: the ontology's own class names, and the usual named-entity labels. */
    static Optional<String> classOf(String tag, Set<String> classes) {
        for (String c : classes)
            if (c.equalsIgnoreCase(tag))
                return Optional.of(c);
        return switch (tag.toUpperCase(Locale.ROOT)) {
            case "PER", "PERSON", "PERS" -> Optional.of("Person");
            case "LOC", "LOCATION", "GPE", "PLACE" -> Optional.of("Place");
            case "ORG", "ORGANIZATION", "ORGANISATION" -> Optional.of("Organisation");
            case "EVENT", "EVE", "EVT" -> Optional.of("Event");
            case "WORK", "WORK_OF_ART" -> Optional.of("Work");
            default -> Optional.empty();
        };
    }

    /**
     * The curation an import proposes: a passage that names a known entity by one of its names is found by the build
     * already; a new form of a known entity is listed for the curator to add; an entity new to the project (one of
     * our IRIs the project does not declare, a QID it does not know, or no identifier) is declared, with the forms the
     * text uses as its names and the class its tag names, marked as unreviewed.
     */
    public static Proposal propose(List<Mention> mentions, Known known, Set<String> classes, Map<String, String> needs, String from,
            Problems problems) {
        Map<String, Map<String, Object>> fresh = new LinkedHashMap<>();
        Map<String, Set<String>> newNames = new TreeMap<>();
        Map<Mention, String> entityOf = new LinkedHashMap<>();
        int byName = 0;
        for (Mention m : mentions) {
            Optional<String> id = m.entity().or(() -> m.qid().map(q -> known.idByQid().get(q)));
            if (id.isPresent() && known.byId().containsKey(id.get())) {
                entityOf.put(m, id.get());
                Declarations.Entity d = known.byId().get(id.get());
                Set<String> forms = new LinkedHashSet<>();
                d.names().forEach(n -> forms.add(n.value()));
                d.variants().forEach(n -> forms.add(n.value()));
                if (d.names().isEmpty() && d.variants().isEmpty())
                    forms.add(d.label().value());
                if (forms.contains(m.form()))
                    byName++;
                else
                    newNames.computeIfAbsent(id.get() + " (" + d.loc() + ")", x -> new LinkedHashSet<>()).add(m.form());
                continue;
            }
            String slug = id.orElseGet(() -> slug(m.form()));
            Map<String, Object> e = fresh.get(slug);
            if (e == null) {
                Optional<String> cls = m.tag().flatMap(t -> classOf(t, classes));
                if (cls.isEmpty()) {
                    problems.add(m.file(), m.line(), 0, "annotation " + m.annotation() + " names \"" + m.form() + "\", an entity the project does"
                            + " not have, " + (m.tag().isPresent() ? "tagged \"" + m.tag().get() + "\", which is no class" : "with no tag")
                            + "; expected a tagging body (or INCEpTION value) naming its class: one of the ontology's classes " + classes
                            + " or PER, LOC, ORG, EVENT, WORK");
                    continue;
                }
                e = new LinkedHashMap<>();
                e.put("id", slug);
                e.put("reviewed", false);
                // a class whose shape asks for what no annotation says (a policy's sphere, an event's time) is proposed as
                // an Idea, so that the file builds, with what to add said in its description
                String need = needs.get(cls.get());
                e.put("type", need == null ? cls.get() : FALLBACK_CLASS);
                e.put("label", m.form());
                e.put("names", new ArrayList<String>());
                e.put("description", "Proposed by import from " + from + " (annotation " + m.annotation() + ")"
                        + m.qid().map(q -> ", Wikidata " + q).orElse("") + "; unreviewed: a curator checks it and writes its gloss."
                        + (need == null ? "" : " Tagged " + cls.get() + ": to make it one, set type: " + cls.get() + " and add " + need + "."));
                fresh.put(slug, e);
            }
            entityOf.put(m, slug);
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) e.get("names");
            if (!names.contains(m.form()))
                names.add(m.form());
        }
        return new Proposal(new ArrayList<>(fresh.values()), mentions.size(), byName, newNames, entityOf, List.of(), List.of());
    }

    /**
     * The statements the relations of an export propose, each with its label as the predicate (a relation of the
     * ontology), its governor's entity as the subject and its dependent's as the object, quoted from the text between
     * them, in one sentence. A statement is asserted by a claim: one claim for each sentence that has relations, made by
     * the text's author (its record's {@code author}), quoting the sentence; claims and statements are marked
     * {@code reviewed: false} and say where they come from. A relation of no known name, across sentences, or of a text
     * whose author is unknown, is a problem at its line.
     */
    public static Proposal withStatements(Proposal p, List<Relation> relations, Set<String> properties, Optional<String> author, String sourceYaml,
            Segmentation segments, String stem, String from, Problems problems) {
        if (relations.isEmpty())
            return p;
        if (author.isEmpty()) {
            problems.add(sourceYaml, 1, 1, "has no author, and the export has " + relations.size() + " relations: a statement the text makes is"
                    + " asserted by a claim of its author; expected author: ENTITY (the id of who wrote the text)");
            return p;
        }
        SourceText text = segments.source();
        QuoteResolver quotes = new QuoteResolver(text);
        Map<String, Map<String, Object>> claims = new LinkedHashMap<>();
        Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
        for (Relation r : relations) {
            String s = p.entityOf().get(r.governor()), o = p.entityOf().get(r.dependent());
            if (s == null || o == null)
                continue; // a passage with no entity is reported already
            Optional<String> predicate = properties.stream().filter(x -> x.equalsIgnoreCase(r.label())).findFirst();
            if (predicate.isEmpty()) {
                problems.add(r.file(), r.line(), 1, "the relation \"" + r.label() + "\" from \"" + r.governor().form() + "\" to \""
                        + r.dependent().form() + "\" is no relation of the ontology; expected one of its object properties " + properties);
                continue;
            }
            int start = Math.min(r.governor().start(), r.dependent().start()), end = Math.max(r.governor().end(), r.dependent().end());
            Optional<Segment> sentence = segments.smallestContaining(start, end).filter(x -> !x.isParagraph());
            if (sentence.isEmpty()) {
                problems.add(r.file(), r.line(), 1, "the relation \"" + r.label() + "\" joins \"" + r.governor().form() + "\" and \""
                        + r.dependent().form() + "\", which are not in one sentence; expected both in the sentence that states it");
                continue;
            }
            Segment sg = sentence.get();
            String claim = "import-" + stem + "-p" + sg.paragraph() + "-s" + sg.sentence();
            claims.computeIfAbsent(claim, c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c);
                m.put("reviewed", false);
                m.put("by", author.get());
                m.put("stance", "asserts");
                m.put("summary", "Unreviewed: the relations annotated in " + sg.label() + ", proposed by import from " + from
                        + "; a curator writes what the sentence claims.");
                m.putAll(anchored(text, quotes, sg.start(), sg.start() + sg.text().strip().codePointCount(0, sg.text().strip().length())));
                return m;
            });
            String id = "import-" + stem + "-" + s + "-" + predicate.get().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + "-" + o;
            String unique = id;
            for (int n = 2; statements.containsKey(unique); n++)
                unique = id + "-" + n;
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("id", unique);
            st.put("reviewed", false);
            st.put("subject", s);
            st.put("predicate", predicate.get());
            st.put("object", o);
            st.put("claim", claim);
            st.putAll(anchored(text, quotes, start, end));
            st.put("note", "Proposed by import from " + from + " (line " + r.line() + "); unreviewed.");
            statements.put(unique, st);
        }
        return new Proposal(p.entities(), p.mentions(), p.ofKnownByTheirNames(), p.newNamesOfKnown(), p.entityOf(),
                new ArrayList<>(claims.values()), new ArrayList<>(statements.values()));
    }

    /** The quote of a passage [start, end) (code points), with as much of the text before it as makes it the only one. */
    private static Map<String, Object> anchored(SourceText text, QuoteResolver quotes, int start, int end) {
        String exact = text.slice(start, end);
        String t = text.text();
        int from = text.toCharIndex(start);
        String prefix = "";
        while (!(quotes.resolve(new Quote(exact, prefix, "")) instanceof QuoteMatch.Found) && prefix.length() < from) {
            int k = prefix.length() + 1;
            if (Character.isLowSurrogate(t.charAt(from - k)) && k < from)
                k++;
            prefix = t.substring(from - k, from);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quote", exact);
        if (!prefix.isEmpty())
            m.put("prefix", prefix);
        return m;
    }

    /** A slug of a name: {@code Hermann Goering} gives {@code hermann-goering}. */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "entity" : s;
    }
}
