package org.sovietpolicykg.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.Node;

import org.sovietpolicykg.curation.Declarations.Claim;
import org.sovietpolicykg.curation.Declarations.Entity;
import org.sovietpolicykg.curation.Declarations.Link;
import org.sovietpolicykg.curation.Declarations.Note;
import org.sovietpolicykg.curation.Declarations.PropertyValues;
import org.sovietpolicykg.curation.Declarations.QuoteRef;
import org.sovietpolicykg.curation.Declarations.ReferenceDate;
import org.sovietpolicykg.curation.Declarations.Source;
import org.sovietpolicykg.curation.Declarations.SourceRecord;
import org.sovietpolicykg.curation.Declarations.Statement;
import org.sovietpolicykg.curation.Declarations.Unlinked;
import org.sovietpolicykg.curation.Declarations.When;
import org.sovietpolicykg.curation.Declarations.WikidataLink;
import org.sovietpolicykg.diagnostics.InputFiles;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.text.Quote;

/**
 * Reads the curation files of data/ into {@link Declarations}: {@code source/source.yaml}, every
 * {@code curation/*.yaml} and {@code enrichment/*.yaml} in file-name order. It checks the shape of each file
 * (known keys, required keys, single values, slugs) and collects every problem with its file:line; meaning
 * (does this id exist, is this quote in the essay) is checked later, by the graph builder.
 */
public final class CurationReader {

    /** One folder per source text: {@code data/sources/NAME/} with the text, its record and its curation. */
    public static final String SOURCES_DIR = "data/sources";
    /** In a source's folder: what the text is and the sha256 its curation was made against. */
    public static final String SOURCE_RECORD = "source.yaml";
    /** In a source's folder: what the text says (entities, claims, statements, links). */
    public static final String CURATION_DIR = "curation";
    public static final String ENRICHMENT_DIR = "data/enrichment";

    /** The keys of an entity that are not properties of the ontology. */
    public static final Set<String> ENTITY_RESERVED = Set.of("id", "type", "label", "names", "variants", "description",
            "implicit", "quote", "prefix", "suffix", "when", "variantKind", "reviewed");
    private static final Set<String> CLAIM_KEYS = Set.of("id", "by", "stance", "work", "evidence", "about", "summary",
            "quote", "prefix", "suffix", "supports", "qualifies", "disputes", "note", "role", "answers", "episodes", "reviewed");
    private static final Set<String> STATEMENT_KEYS = Set.of("id", "subject", "predicate", "object", "claim", "quote",
            "prefix", "suffix", "note", "when", "interpretedIn", "modality", "heldBy", "reviewed");
    private static final Set<String> LINK_KEYS = Set.of("id", "domestic", "foreign", "relation", "direction", "claim",
            "quote", "prefix", "suffix", "note", "interpretedIn", "modality", "reviewed");
    private static final Set<String> NOTE_KEYS = Set.of("id", "on", "text", "sources");
    private static final Set<String> WHEN_KEYS = Set.of("text", "from", "to", "precision", "relative");
    private static final Set<String> RELATIVE_KEYS = Set.of("kind", "of", "text");
    private static final Set<String> SOURCE_KEYS = Set.of("file", "sha256", "title", "description", "language", "author");
    private static final Set<String> ENRICHMENT_SOURCE_KEYS = Set.of("id", "label", "url");
    private static final Set<String> WIKIDATA_KEYS = Set.of("entity", "qid", "label", "evidence", "match");
    private static final Set<String> DATE_KEYS = Set.of("entity", "from", "to", "precision", "source", "label");
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Path projectDir;
    /** Where the declarations marked {@code reviewed: false} of the source being read are collected. */
    private List<Declarations.Unreviewed> unreviewed = new ArrayList<>();
    private final Problems problems;

    public CurationReader(Path projectDir, Problems problems) {
        this.projectDir = projectDir;
        this.problems = problems;
    }

    /** Reads everything; the result is partial when problems were found (check {@link Problems}). */
    public Curation read() {
        List<TextCuration> texts = new ArrayList<>();
        for (Path dir : sourceFolders())
            readSource(dir).ifPresent(texts::add);
        List<Source> sources = new ArrayList<>();
        List<WikidataLink> wikidata = new ArrayList<>();
        List<ReferenceDate> dates = new ArrayList<>();
        List<Unlinked> unlinked = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<Unlinked> undated = new ArrayList<>();
        eachFile(projectDir.resolve(ENRICHMENT_DIR), "an enrichment file", Set.of("sources", "wikidata", "unlinked", "dates", "notes", "undated"), (y, top) -> {
            collect(y, top.get("sources"), this::enrichmentSource, sources);
            collect(y, top.get("wikidata"), this::wikidata, wikidata);
            collect(y, top.get("unlinked"), (yy, n) -> absence(yy, n, "this entity left unlinked", "an entity left without a Wikidata link"), unlinked);
            collect(y, top.get("dates"), this::date, dates);
            collect(y, top.get("notes"), this::note, notes);
            collect(y, top.get("undated"), (yy, n) -> absence(yy, n, "this entity left undated", "a policy, decision or event left without a date"),
                    undated);
        });
        return new Curation(texts, sources, wikidata, unlinked, dates, notes, undated);
    }

    /** The folders of data/sources/, in name order; none is a problem. */
    private List<Path> sourceFolders() {
        Path d = projectDir.resolve(SOURCES_DIR);
        List<Path> dirs = List.of();
        if (Files.isDirectory(d)) {
            try (Stream<Path> s = Files.list(d)) {
                dirs = s.filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                problems.add(SOURCES_DIR, 0, 0, "cannot list: " + e.getMessage());
                return List.of();
            }
        }
        List<Path> outside = dirs.stream().filter(x -> !InputFiles.isInside(projectDir, x)).toList();
        outside.forEach(x -> problems.add(SOURCES_DIR + "/" + x.getFileName(), 0, 0, "is a symbolic link to a place outside the"
                + " project; expected a folder inside it (the link is not followed)"));
        dirs = dirs.stream().filter(x -> !outside.contains(x)).toList();
        if (dirs.isEmpty() && outside.isEmpty())
            problems.add(SOURCES_DIR, 0, 0, "no source: expected one folder per source text, e.g. " + SOURCES_DIR
                    + "/essay/ holding the text, " + SOURCE_RECORD + " and " + CURATION_DIR + "/*.yaml");
        return dirs;
    }

    /** One source's folder: its record and its curation files. */
    private Optional<TextCuration> readSource(Path dir) {
        String name = dir.getFileName().toString();
        String folder = SOURCES_DIR + "/" + name;
        if (!name.matches(SLUG)) {
            problems.add(folder, 0, 0, "the folder name '" + name + "' is not a slug; expected lower-case letters, digits"
                    + " and single hyphens (it names the text's IRIs, text/" + name.toLowerCase(Locale.ROOT) + "/p1/s1)");
            return Optional.empty();
        }
        SourceRecord record = readSourceRecord(dir, folder);
        Path curation = dir.resolve(CURATION_DIR);
        if (!Files.isDirectory(curation))
            problems.add(folder + "/" + CURATION_DIR, 0, 0, "missing: expected the folder of the text's curation files (NN-*.yaml)");
        else if (InputFiles.list(projectDir, curation, ".yaml", folder + "/" + CURATION_DIR, new Problems()).isEmpty())
            problems.add(folder + "/" + CURATION_DIR, 0, 0, "holds no .yaml file; expected the text's curation files (NN-*.yaml)");
        List<Entity> entities = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<Declarations.Unreviewed> proposed = new ArrayList<>();
        unreviewed = proposed;
        eachFile(dir.resolve(CURATION_DIR), "a curation file", Set.of("entities", "claims", "statements", "links"), (y, top) -> {
            collect(y, top.get("entities"), this::entity, entities);
            collect(y, top.get("claims"), this::claim, claims);
            collect(y, top.get("statements"), this::statement, statements);
            collect(y, top.get("links"), this::link, links);
        });
        unreviewed = new ArrayList<>();
        if (record == null)
            return Optional.empty();
        return Optional.of(new TextCuration(name, folder, record, entities, claims, statements, links, proposed));
    }

    private SourceRecord readSourceRecord(Path dir, String folder) {
        Path file = dir.resolve(SOURCE_RECORD);
        String display = folder + "/" + SOURCE_RECORD;
        YamlNodes y = new YamlNodes(display, problems);
        if (!Files.isRegularFile(file)) {
            problems.add(display, 0, 0, "missing: expected the record of the text (file, sha256, title)");
            return null;
        }
        Optional<Node> root = YamlNodes.parse(projectDir, file, display, "the record of the text (file, sha256, title)", problems);
        if (root.isEmpty())
            return null;
        Node n = root.get();
        Map<String, Node> m = y.mapping(n, "the source record", SOURCE_KEYS);
        Optional<Ref> f = y.required(m, "file", n, "the source record");
        Optional<Ref> sha = y.required(m, "sha256", n, "the source record");
        Optional<Ref> title = y.required(m, "title", n, "the source record");
        sha.filter(s -> !s.value().matches("[0-9a-f]{64}")).ifPresent(s -> problems.add(s.loc().problem(
                "sha256 '" + s.value() + "' is not a sha256; expected 64 lower-case hex digits")));
        Optional<Ref> badFile = f.filter(x -> !x.value().matches("[^/\\\\]+") || x.value().startsWith("."));
        badFile.ifPresent(x -> problems.add(x.loc().problem("file '" + x.value() + "' is not a file name of " + folder
                + "/; expected the name of the text file beside " + SOURCE_RECORD + ", e.g. essay.txt")));
        if (f.isEmpty() || badFile.isPresent() || sha.isEmpty() || title.isEmpty())
            return null;
        return new SourceRecord(y.loc(n), f.get(), sha.get(), title.get(), y.optional(m, "description", "the source record"),
                y.optional(m, "language", "the source record"), y.optional(m, "author", "the source record"));
    }

    private Optional<Entity> entity(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "an entity", Set.of());
        Optional<Ref> id = slug(y, m, n, "this entity");
        String what = id.map(i -> "entity '" + i.value() + "'").orElse("this entity");
        Optional<Ref> type = y.required(m, "type", n, what);
        Optional<Ref> label = y.required(m, "label", n, what);
        List<Ref> names = y.scalars(m, "names", what);
        List<Ref> variants = y.scalars(m, "variants", what);
        Optional<Ref> implicit = y.optional(m, "implicit", what);
        implicit.filter(v -> !v.value().equals("true") && !v.value().equals("false")).ifPresent(v -> problems
                .add(v.loc().problem("'implicit' of " + what + " is '" + v.value() + "'; expected true or false")));
        Optional<QuoteRef> quote = quote(y, m, n, what, false);
        reviewed(y, m, n, "entity", id, what);
        Optional<When> when = Optional.ofNullable(m.get("when")).flatMap(w -> when(y, w, what));
        List<PropertyValues> props = new ArrayList<>();
        m.forEach((key, value) -> {
            if (!CurationReader.ENTITY_RESERVED.contains(key)) {
                List<Ref> values = y.scalars(m, key, what);
                props.add(new PropertyValues(new Ref(key, y.loc(value)), values));
            }
        });
        if (id.isEmpty() || type.isEmpty() || label.isEmpty())
            return Optional.empty();
        return Optional.of(new Entity(y.loc(n), id.get(), type.get(), label.get(), names, variants,
                y.optional(m, "description", what), implicit.map(v -> v.value().equals("true")).orElse(false), quote,
                when, props, y.optional(m, "variantKind", what)));
    }

    /** {@code reviewed: false} marks a proposal of {@code import} or {@code draft} that no curator has checked yet. */
    private void reviewed(YamlNodes y, Map<String, Node> m, Node n, String kind, Optional<Ref> id, String what) {
        Optional<Ref> r = y.optional(m, "reviewed", what);
        r.filter(v -> !v.value().equals("true") && !v.value().equals("false")).ifPresent(v -> problems.add(v.loc().problem(
                "'reviewed' of " + what + " is '" + v.value() + "'; expected false (proposed, not yet checked) or true")));
        if (id.isPresent() && r.filter(v -> v.value().equals("false")).isPresent())
            unreviewed.add(new Declarations.Unreviewed(y.loc(n), kind, id.get().value()));
    }

    private Optional<When> when(YamlNodes y, Node n, String owner) {
        String what = "'when' of " + owner;
        Map<String, Node> m = y.mapping(n, what, WHEN_KEYS);
        Optional<Ref> text = y.required(m, "text", n, what);
        Optional<Ref> from = y.optional(m, "from", what);
        Optional<Ref> to = y.optional(m, "to", what);
        List<Declarations.Relative> relative = new ArrayList<>();
        for (Node r : y.list(m.get("relative"))) {
            String rw = "an item of 'relative' in " + what;
            Map<String, Node> rm = y.mapping(r, rw, RELATIVE_KEYS);
            Optional<Ref> kind = y.required(rm, "kind", r, rw);
            Optional<Ref> of = y.required(rm, "of", r, rw);
            Optional<Ref> phrase = y.required(rm, "text", r, rw);
            if (kind.isPresent() && of.isPresent() && phrase.isPresent())
                relative.add(new Declarations.Relative(y.loc(r), kind.get(), of.get(), phrase.get()));
        }
        return text.map(t -> new When(y.loc(n), t, from, to, y.optional(m, "precision", what), relative));
    }

    private Optional<Claim> claim(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "a claim", CLAIM_KEYS);
        Optional<Ref> id = slug(y, m, n, "this claim");
        String what = id.map(i -> "claim '" + i.value() + "'").orElse("this claim");
        Optional<Ref> by = y.required(m, "by", n, what);
        List<Ref> stances = y.scalars(m, "stance", what);
        if (stances.isEmpty())
            y.problem(n, what + " has no 'stance'; expected stance: asserts | argues | notes | reveals | suggests | ...");
        Optional<Ref> summary = y.required(m, "summary", n, what);
        Optional<QuoteRef> quote = quote(y, m, n, what, true);
        reviewed(y, m, n, "claim", id, what);
        if (id.isEmpty() || by.isEmpty() || summary.isEmpty() || quote.isEmpty())
            return Optional.empty();
        return Optional.of(new Claim(y.loc(n), id.get(), by.get(), stances, y.optional(m, "work", what),
                y.scalars(m, "evidence", what), y.scalars(m, "about", what), summary.get(), quote.get(),
                y.scalars(m, "supports", what), y.scalars(m, "qualifies", what), y.scalars(m, "disputes", what),
                y.optional(m, "note", what), y.optional(m, "role", what), y.scalars(m, "answers", what),
                y.scalars(m, "episodes", what)));
    }

    private Optional<Statement> statement(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "a statement", STATEMENT_KEYS);
        Optional<Ref> id = slug(y, m, n, "this statement");
        String what = id.map(i -> "statement '" + i.value() + "'").orElse("this statement");
        Optional<Ref> s = y.required(m, "subject", n, what);
        Optional<Ref> p = y.required(m, "predicate", n, what);
        Optional<Ref> o = y.required(m, "object", n, what);
        Optional<Ref> c = y.required(m, "claim", n, what);
        Optional<QuoteRef> quote = quote(y, m, n, what, true);
        reviewed(y, m, n, "statement", id, what);
        if (id.isEmpty() || s.isEmpty() || p.isEmpty() || o.isEmpty() || c.isEmpty() || quote.isEmpty())
            return Optional.empty();
        Optional<When> when = Optional.ofNullable(m.get("when")).flatMap(w -> when(y, w, what));
        return Optional.of(new Statement(y.loc(n), id.get(), s.get(), p.get(), o.get(), c.get(), quote.get(),
                y.optional(m, "note", what), when, y.optional(m, "interpretedIn", what), y.optional(m, "modality", what),
                y.optional(m, "heldBy", what)));
    }

    private Optional<Link> link(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "a link", LINK_KEYS);
        Optional<Ref> id = slug(y, m, n, "this link");
        String what = id.map(i -> "link '" + i.value() + "'").orElse("this link");
        Optional<Ref> d = y.required(m, "domestic", n, what);
        Optional<Ref> f = y.required(m, "foreign", n, what);
        Optional<Ref> r = y.required(m, "relation", n, what);
        Optional<Ref> c = y.required(m, "claim", n, what);
        Optional<QuoteRef> quote = quote(y, m, n, what, true);
        reviewed(y, m, n, "link", id, what);
        if (id.isEmpty() || d.isEmpty() || f.isEmpty() || r.isEmpty() || c.isEmpty() || quote.isEmpty())
            return Optional.empty();
        return Optional.of(new Link(y.loc(n), id.get(), d.get(), f.get(), r.get(), y.optional(m, "direction", what),
                c.get(), quote.get(), y.optional(m, "note", what), y.optional(m, "interpretedIn", what), y.optional(m, "modality", what)));
    }

    private Optional<Source> enrichmentSource(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "a source", ENRICHMENT_SOURCE_KEYS);
        Optional<Ref> id = slug(y, m, n, "this source");
        Optional<Ref> label = y.required(m, "label", n, "this source");
        if (id.isEmpty() || label.isEmpty())
            return Optional.empty();
        return Optional.of(new Source(y.loc(n), id.get(), label.get(), y.optional(m, "url", "this source")));
    }

    private Optional<WikidataLink> wikidata(YamlNodes y, Node n) {
        String what = "this Wikidata link";
        Map<String, Node> m = y.mapping(n, "a Wikidata link", WIKIDATA_KEYS);
        Optional<Ref> entity = y.required(m, "entity", n, what);
        Optional<Ref> qid = y.required(m, "qid", n, what);
        Optional<Ref> evidence = y.required(m, "evidence", n, what);
        qid.filter(q -> !q.value().matches("Q[1-9][0-9]*")).ifPresent(q -> problems.add(q.loc().problem(
                "'" + q.value() + "' is not a Wikidata item identifier; expected Q followed by digits, e.g. Q855")));
        Optional<Ref> match = y.optional(m, "match", what);
        match.filter(k -> !WikidataLink.MATCHES.contains(k.value())).ifPresent(k -> problems.add(k.loc().problem(
                "'" + k.value() + "' is not a kind of match; expected one of " + String.join(", ", WikidataLink.MATCHES)
                        + " (exact: the same thing; close: nearly the same; broad: the Wikidata item is broader)")));
        if (entity.isEmpty() || qid.isEmpty() || evidence.isEmpty())
            return Optional.empty();
        return Optional.of(new WikidataLink(y.loc(n), entity.get(), qid.get(), y.optional(m, "label", what),
                evidence.get(), match));
    }

    /** An entry of what is missing (an entity left unlinked, or undated): the entity, why, and the source of that. */
    private Optional<Unlinked> absence(YamlNodes y, Node n, String what, String expected) {
        Map<String, Node> m = y.mapping(n, expected, Set.of("entity", "why", "source"));
        Optional<Ref> entity = y.required(m, "entity", n, what);
        Optional<Ref> why = y.required(m, "why", n, what);
        if (entity.isEmpty() || why.isEmpty())
            return Optional.empty();
        return Optional.of(new Unlinked(y.loc(n), entity.get(), why.get(), y.optional(m, "source", what)));
    }

    private Optional<Note> note(YamlNodes y, Node n) {
        Map<String, Node> m = y.mapping(n, "a curators' note", NOTE_KEYS);
        Optional<Ref> id = slug(y, m, n, "this note");
        String what = id.map(i -> "note '" + i.value() + "'").orElse("this note");
        Optional<Ref> on = y.required(m, "on", n, what);
        Optional<Ref> text = y.required(m, "text", n, what);
        List<Ref> sources = y.scalars(m, "sources", what);
        if (sources.isEmpty())
            y.problem(n, what + " has no 'sources'; expected the works it cites (author, title, year), a fact from elsewhere needs its source");
        if (id.isEmpty() || on.isEmpty() || text.isEmpty())
            return Optional.empty();
        return Optional.of(new Note(y.loc(n), id.get(), on.get(), text.get(), sources));
    }

    private Optional<ReferenceDate> date(YamlNodes y, Node n) {
        String what = "this reference date";
        Map<String, Node> m = y.mapping(n, "a reference date", DATE_KEYS);
        Optional<Ref> entity = y.required(m, "entity", n, what);
        Optional<Ref> precision = y.required(m, "precision", n, what);
        Optional<Ref> source = y.required(m, "source", n, what);
        Optional<Ref> from = y.optional(m, "from", what);
        Optional<Ref> to = y.optional(m, "to", what);
        if (from.isEmpty() && to.isEmpty())
            y.problem(n, what + " has neither 'from' nor 'to'; expected at least one bound");
        if (entity.isEmpty() || precision.isEmpty() || source.isEmpty())
            return Optional.empty();
        return Optional.of(new ReferenceDate(y.loc(n), entity.get(), from, to, precision.get(), source.get(),
                y.optional(m, "label", what)));
    }

    private Optional<Ref> slug(YamlNodes y, Map<String, Node> m, Node owner, String what) {
        Optional<Ref> id = y.required(m, "id", owner, what);
        if (id.isPresent() && !id.get().value().matches(SLUG)) {
            problems.add(id.get().loc().problem("id '" + id.get().value()
                    + "' is not a slug; expected lower-case letters, digits and single hyphens, e.g. great-purge"));
            return Optional.empty();
        }
        return id;
    }

    private Optional<QuoteRef> quote(YamlNodes y, Map<String, Node> m, Node owner, String what, boolean required) {
        Node q = m.get("quote");
        if (q == null || YamlNodes.isNull(q)) {
            if (required)
                y.problem(owner, what + " has no 'quote'; expected the verbatim passage of the essay it rests on");
            if (m.containsKey("prefix") || m.containsKey("suffix"))
                y.problem(owner, what + " has a prefix or suffix but no quote");
            return Optional.empty();
        }
        Optional<Ref> exact = y.scalar(q, "'quote' of " + what);
        if (exact.isEmpty())
            return Optional.empty();
        String text = exact.get().value();
        if (text.isEmpty() || !text.strip().equals(text)) {
            problems.add(exact.get().loc().problem("the quote of " + what
                    + (text.isEmpty() ? " is empty" : " begins or ends with white space")
                    + "; expected a passage of the essay that starts and ends with a visible character"));
            return Optional.empty();
        }
        String prefix = y.optional(m, "prefix", what).map(Ref::value).orElse("");
        String suffix = y.optional(m, "suffix", what).map(Ref::value).orElse("");
        return Optional.of(new QuoteRef(new Quote(text, prefix, suffix), exact.get().loc()));
    }

    /** Reads every YAML file of a folder, in name order, as a mapping with the given top-level keys. */
    /** Each item of a list read into a record (an item with problems is reported and left out). */
    private static <T> void collect(YamlNodes y, Node list, BiFunction<YamlNodes, Node, Optional<T>> read, List<T> into) {
        for (Node n : y.list(list))
            read.apply(y, n).ifPresent(into::add);
    }

    private void eachFile(Path dir, String what, Set<String> keys, BiConsumer<YamlNodes, Map<String, Node>> body) {
        for (Path file : InputFiles.list(projectDir, dir, ".yaml", display(dir), problems)) {
            String display = display(file);
            YamlNodes y = new YamlNodes(display, problems);
            YamlNodes.parse(projectDir, file, display, what + " (a mapping with " + String.join(", ", new TreeSet<>(keys)) + ")", problems)
                    .ifPresent(root -> body.accept(y, y.mapping(root, what, keys)));
        }
    }

    private String display(Path file) {
        return projectDir.relativize(file).toString().replace('\\', '/');
    }
}
