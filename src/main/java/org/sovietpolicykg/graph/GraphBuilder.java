package org.sovietpolicykg.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.CurationReader;
import org.sovietpolicykg.curation.Declarations.QuoteRef;
import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.Ref;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.diagnostics.InputFiles;
import org.sovietpolicykg.diagnostics.Loc;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.graph.OntologyIndex.PropertyKind;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;
import org.sovietpolicykg.validation.ShapesValidator;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPC;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * Builds the knowledge graph from a project folder: the ontology, the essay and the curation files go in; a
 * dataset of named graphs comes out, validated against the SHACL shapes of ontology/. Every problem found on the
 * way (a bad quote, an unknown id, a shape violation) is collected and reported together with its file:line, and
 * nothing is returned unless there is none.
 * <pre>
 *   KnowledgeGraph kg = GraphBuilder.create().projectDir(Path.of(".")).build();
 * </pre>
 */
public final class GraphBuilder {
    public static final String ONTOLOGY_DIR = "ontology";
    /** An annotation's path: anno/KIND/ID (mentions: anno/mention/[SOURCE/]ENTITY-at-OFFSET), then its parts. */
    private static final Pattern ANNOTATION = Pattern.compile(
            "anno/(?:(?:description|claim|statement|link)/([a-z0-9-]+)|mention/(?:[a-z0-9-]+/)?([a-z0-9-]+?)-at-[0-9]+)(?:/.*)?");
    private static final Pattern TEXT = Pattern.compile("text/([a-z0-9-]+)(?:/.*)?");

    private Path projectDir = Path.of(".");
    private BaseIri baseIri = BaseIri.DEFAULT;

    private GraphBuilder() {}

    public static GraphBuilder create() {
        return new GraphBuilder();
    }

    /** The project folder and base IRI of a configuration. */
    public static GraphBuilder of(KgConfig config) {
        return create().projectDir(config.projectDir()).baseIri(config.base());
    }

    /** The folder that holds ontology/ and data/. */
    public GraphBuilder projectDir(Path dir) {
        Objects.requireNonNull(dir, "projectDir");
        if (!Files.isDirectory(dir.resolve(ONTOLOGY_DIR)) || !Files.isDirectory(dir.resolve("data")))
            throw new ConfigException("Illegal project folder=" + dir + ": expected a folder holding ontology/ and data/");
        this.projectDir = dir;
        return this;
    }

    /** The base IRI of ontology and data (default {@value BaseIri#DEFAULT_IRI}). */
    public GraphBuilder baseIri(BaseIri base) {
        this.baseIri = Objects.requireNonNull(base, "baseIri");
        return this;
    }

    public KnowledgeGraph build() {
        return new Run(null).run().kg();
    }

    /**
     * Builds, and validates against the shapes on {@code aside} while the caller goes on: the graph is returned as
     * soon as it is built and inferred from, and is known to conform only once {@link Pending#validated()} returns.
     * For a caller that can throw away what it makes in the meantime ({@code build} writes the downloads into a
     * temporary folder and moves it into place only after the validation): the validation's core and the writers'
     * are then busy at once, not one after the other. A problem found before the validation is thrown here, as by
     * {@link #build()}; the shape violations, all together with their file:line, by {@link Pending#validated()}.
     */
    public Pending buildValidatingAside(ExecutorService aside) {
        return new Run(Objects.requireNonNull(aside, "aside")).run();
    }

    /** A graph whose validation against the shapes may still be running. */
    public record Pending(KnowledgeGraph kg, Future<?> validation) {
        /** Waits for the validation; throws the shape violations as {@link #build()} would have. */
        public KnowledgeGraph validated() {
            try {
                validation.get();
                return kg;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KgException("Interrupted while validating the graph", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r)
                    throw r;
                if (e.getCause() instanceof Error err)
                    throw err;
                throw new KgException("The graph could not be validated: " + e.getCause(), e.getCause());
            }
        }
    }

    /** One source text as the build reads it: its curation, its text and where anchors in it go. */
    private record TextInput(TextCuration curation, SourceText source, Segmentation text, Anchors anchors) {}

    /**
     * Above this many triples the built graphs are kept as they were built (a dataset that links them, Jena's
     * in-memory graphs: about 200 bytes a triple), not copied into a transactional in-memory dataset (about 800 bytes a
     * quad in its six indexes: 830 MB at a hundred texts, which leaves nothing of -Xmx1g for writing the dumps). Every
     * use of the built dataset reads it, none writes; the server copies it into a view of its own.
     */
    static final long KEPT_LINKED_ABOVE = 250_000;

    static final String WIKIDATA_EXTRACT = "data/enrichment/wikidata-extract.ttl";

    /** One build: its problems and the state the steps share. */
    private final class Run implements CuratedIds {
        final Problems problems = new Problems();
        /** Where the validation runs while the caller goes on; none: it runs before the graph is returned. */
        final ExecutorService aside;
        OntologyIndex ontology;
        /** The text whose curation is being turned into triples. */
        TextInput current;
        final Graph source = GraphFactory.createDefaultGraph();
        final Graph curated = GraphFactory.createDefaultGraph();
        final Graph enrichment = GraphFactory.createDefaultGraph();
        /** Every id declared in curation: its kind ("entity", "claim", ...) and where. */
        final Map<String, Declared> ids = new LinkedHashMap<>();
        final Map<String, Declarations.Entity> entities = new HashMap<>();
        final Map<String, Declarations.Claim> claims = new HashMap<>();
        /** The sources' curation, for {@link #locate}. */
        final List<TextCuration> texts = new ArrayList<>();

        Run(ExecutorService aside) {
            this.aside = aside;
        }

        record Declared(String kind, Loc loc, Node node) {}

        Pending run() {
            Graph ontologyGraph = readOntology();
            Graph shapes = RdfFiles.readTurtle(projectDir, projectDir.resolve(ShapesValidator.SHAPES_FILE), ShapesValidator.SHAPES_FILE, problems);
            ontology = new OntologyIndex(ontologyGraph, shapes);
            Curation curation = new CurationReader(projectDir, problems).read();
            problems.throwIfAny("the sources cannot be read");

            texts.addAll(curation.texts());
            SourceGraph sources = new SourceGraph(new Build(projectDir, problems, this), source);
            List<TextInput> inputs = new ArrayList<>();
            for (TextCuration tc : curation.texts())
                sources.readText(tc).ifPresent(st -> {
                    Segmentation seg = Segmentation.of(st);
                    inputs.add(new TextInput(tc, st, seg, new Anchors(tc.name(), SourceGraph.displayName(tc), seg, problems)));
                });
            problems.throwIfAny("a source text does not match its record");

            declareIds(curation);
            List<KnowledgeGraph.Text> texts = new ArrayList<>();
            for (TextInput in : inputs) {
                current = in;
                sources.build(in.curation(), in.source(), in.text());
                in.curation().entities().forEach(this::entity);
                in.curation().claims().forEach(this::claim);
                in.curation().statements().forEach(this::statement);
                in.curation().links().forEach(this::link);
                List<MentionFinder.Mention> mentions = new MentionGraph(curated, problems).find(curation.entities(), in.curation(),
                        in.source(), in.text(), in.anchors(), SourceGraph.displayName(in.curation()));
                texts.add(new KnowledgeGraph.Text(in.curation(), in.text(), mentions, in.anchors().anchored()));
            }
            current = null;
            EnrichmentGraph added = new EnrichmentGraph(new Build(projectDir, problems, this), enrichment);
            added.build(curation);
            Graph wikidata = added.wikidataExtract();
            problems.throwIfAny("the curation does not make a valid graph");

            // validated and inferred from over the graphs as they were built (a dataset that links them, no copy); kept so
            // when large, else copied into a transactional dataset, each graph emptied as it is copied unless the
            // validation aside still reads it: at a hundred texts one copy of a million triples is what fits in -Xmx1g, not three
            Map<Node, Graph> graphs = new LinkedHashMap<>();
            graphs.put(SPD.GRAPH_ONTOLOGY, ontologyGraph);
            graphs.put(SPD.GRAPH_SOURCE, source);
            graphs.put(SPD.GRAPH_CURATED, curated);
            graphs.put(SPD.GRAPH_ENRICHMENT, enrichment);
            if (!wikidata.isEmpty())
                graphs.put(SPD.GRAPH_WIKIDATA, wikidata);
            DatasetGraph linked = DatasetGraphFactory.createGeneral();
            graphs.forEach(linked::addGraph);
            Future<?> validation;
            if (aside == null) {
                validate(linked, shapes, problems);
                validation = CompletableFuture.completedFuture(null);
            } else
                // it reads the graphs as built, which from now on are only read (by the inference, the caller's writers)
                validation = aside.submit(() -> validate(linked, shapes, new Problems()));
            Graph inferred = Inference.rdfs(linked);
            graphs.put(SPD.GRAPH_INFERRED, inferred);
            DatasetGraph dsg;
            if (graphs.values().stream().mapToLong(Graph::size).sum() > KEPT_LINKED_ABOVE) {
                dsg = DatasetGraphFactory.createGeneral();
                graphs.forEach(dsg::addGraph);
            } else {
                // the same dataset whether validated aside or not (the pretty dumps follow its order); a graph the
                // validation still reads is not emptied
                DatasetGraph txn = DatasetGraphFactory.createTxnMem();
                Txn.executeWrite(txn, () -> graphs.forEach((name, g) -> {
                    txn.addGraph(name, g);
                    if (g != ontologyGraph && aside == null)
                        g.clear();
                }));
                dsg = txn;
            }

            DatasetGraph out = baseIri.dataset(dsg);
            baseIri.prefixes().forEach((p, uri) -> out.prefixes().add(p, uri));
            return new Pending(new KnowledgeGraph(out, texts, curation, baseIri), validation);
        }

        /** The graphs as built (not what is inferred from them) against the shapes; every violation with its file:line. */
        void validate(DatasetGraph built, Graph shapes, Problems found) {
            ShapesValidator.validate(built, shapes, found, this::locate);
            found.throwIfAny("the graph does not conform to " + ShapesValidator.SHAPES_FILE);
        }

        Graph readOntology() {
            Graph g = GraphFactory.createDefaultGraph();
            List<Path> files = InputFiles.list(projectDir, projectDir.resolve(ONTOLOGY_DIR), ".ttl", ONTOLOGY_DIR, problems);
            if (files.isEmpty())
                problems.add(ONTOLOGY_DIR, 0, 0, "holds no .ttl file; expected the ontology's Turtle files");
            for (Path f : files)
                if (!f.endsWith("shapes.ttl"))
                    RdfFiles.readTurtle(projectDir, f, ONTOLOGY_DIR + "/" + f.getFileName(), problems).find().forEachRemaining(g::add);
            return g;
        }

        /**
         * Where in the curation a node of the graph was made: the declaration of its id (an entity, claim, statement or
         * link), also for the nodes under it (its time span, its annotations and their selectors), or the record of its
         * text; empty for a node that no curation entry made (the ontology's).
         */
        Optional<Loc> locate(Node n) {
            if (!n.isURI() || !n.getURI().startsWith(SPD.BASE))
                return Optional.empty();
            String path = n.getURI().substring(SPD.BASE.length());
            Matcher anno = ANNOTATION.matcher(path);
            if (anno.matches())
                return Optional.ofNullable(ids.get(anno.group(1) != null ? anno.group(1) : anno.group(2))).map(Declared::loc);
            for (Declared d : ids.values()) {
                String own = d.node().getURI();
                if (n.getURI().equals(own) || n.getURI().startsWith(own + "/"))
                    return Optional.of(d.loc());
            }
            Matcher text = TEXT.matcher(path);
            if (text.matches())
                return curationOf(text.group(1)).map(tc -> tc.record().loc());
            return Optional.empty();
        }

        Optional<TextCuration> curationOf(String source) {
            return texts.stream().filter(tc -> tc.name().equals(source)).findFirst();
        }

        void declareIds(Curation c) {
            c.entities().forEach(d -> declare("entity", d.id(), SPD.entity(d.id().value())));
            c.entities().forEach(d -> entities.putIfAbsent(d.id().value(), d));
            c.claims().forEach(d -> declare("claim", d.id(), SPD.claim(d.id().value())));
            c.claims().forEach(d -> claims.putIfAbsent(d.id().value(), d));
            c.statements().forEach(d -> declare("statement", d.id(), SPD.statement(d.id().value())));
            c.links().forEach(d -> declare("link", d.id(), SPD.link(d.id().value())));
        }

        void declare(String kind, Ref id, Node node) {
            Declared earlier = ids.get(id.value());
            if (earlier != null)
                problems.add(id.loc().problem("duplicate id '" + id.value() + "': already declared as a " + earlier.kind()
                        + " at " + earlier.loc() + "; expected every id to be unique across the curation of every source"));
            else
                ids.put(id.value(), new Declared(kind, id.loc(), node));
        }

        // ---- entities

        void entity(Declarations.Entity d) {
            String what = "entity '" + d.id().value() + "'";
            Node e = SPD.entity(d.id().value());
            if (!ontology.isClass(d.type().value()))
                problems.add(d.type().loc().problem("type '" + d.type().value() + "' of " + what
                        + " is not a class of ontology/; expected one of " + ontology.classes()));
            else
                add(curated, e, RDF.type.asNode(), SPO.term(d.type().value()));
            add(curated, e, RDFS.label.asNode(), en(d.label().value()));
            add(curated, e, SKOS.prefLabel.asNode(), en(d.label().value()));
            d.description().ifPresent(x -> add(curated, e, DCTerms.description.asNode(), en(x.value())));
            if (d.implicit())
                add(curated, e, SPO.implicit, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
            for (Ref n : MentionGraph.namesOf(d))
                add(curated, e, SPO.nameInEssay, str(n.value()));
            Optional<Node> variantKind = d.variantKind().isPresent()
                    ? conceptIn(SPC.VARIANT_KINDS, d.variantKind().get(), "'variantKind' of " + what)
                    : Optional.of(SPC.misspelling);
            if (d.variantKind().isPresent() && d.variants().isEmpty())
                problems.add(d.variantKind().get().loc().problem(what + " has a 'variantKind' but no 'variants'; expected the variant forms it qualifies"));
            int nv = 0;
            for (Ref v : d.variants()) {
                add(curated, e, SPO.variantSpelling, str(v.value()));
                Node variant = SPD.sub(e, "variant/" + (++nv));
                add(curated, e, SPO.nameVariant, variant);
                add(curated, variant, RDF.type.asNode(), SPO.NameVariant);
                add(curated, variant, SPO.variantForm, str(v.value()));
                variantKind.ifPresent(k -> add(curated, variant, SPO.variantKind, k));
            }
            for (Declarations.PropertyValues pv : d.properties())
                property(e, what, pv);
            d.quote().flatMap(q -> current.anchors().resolve(q, what)).ifPresent(span -> {
                Node anno = SPD.annotation("description", d.id().value());
                current.anchors().emit(curated, anno, OA.Annotation, e, OA.describing, span);
                add(curated, e, SPO.hasAnchor, anno);
                current.anchors().record("description", d.id().value(), span);
            });
            d.when().ifPresent(w -> essayTime(e, w, what));
        }

        /** The essay's own time of a thing: its phrase, bounds and precision, and the constraints relative to other things. */
        void essayTime(Node owner, Declarations.When w, String what) {
            Node span = SPD.sub(owner, "time");
            timeSpan(curated, owner, span, SPO.timeSpan, w.text().value(), w.from(), w.to(), w.precision(), what);
            int n = 0;
            for (Declarations.Relative r : w.relative()) {
                Node c = SPD.sub(span, "constraint/" + (++n));
                String rw = "a 'relative' time of " + what;
                add(curated, span, SPO.timeConstraint, c);
                add(curated, c, RDF.type.asNode(), SPO.TimeConstraint);
                add(curated, c, SPO.essayPhrase, str(r.text().value()));
                conceptIn(SPC.TEMPORAL_RELATIONS, r.kind(), "'kind' of " + rw).ifPresent(k -> add(curated, c, SPO.temporalRelation, k));
                idOf("entity", r.of(), "'of' of " + rw).ifPresent(o -> add(curated, c, SPO.relativeTo, o));
                if (current.source().text().indexOf(r.text().value()) < 0)
                    problems.add(r.text().loc().problem("the phrase '" + r.text().value() + "' of " + rw
                            + " is not in " + SourceGraph.displayName(current.curation()) + "; expected the text's own words for the time"));
            }
        }

        void property(Node subject, String what, Declarations.PropertyValues pv) {
            String key = pv.property().value();
            Optional<PropertyKind> kind = ontology.propertyKind(key);
            if (kind.isEmpty()) {
                problems.add(pv.property().loc().problem("unknown key '" + key + "' in " + what + ": spo:" + key
                        + " is not a property of ontology/; expected one of the reserved keys " + new TreeSet<>(
                                CurationReader.ENTITY_RESERVED) + " or a property of ontology/ " + ontology.entityProperties()));
                return;
            }
            Node p = SPO.term(key);
            for (Ref v : pv.values()) {
                switch (kind.get()) {
                    case OBJECT -> (ontology.range(key).filter(r -> r.equals(SKOS.Concept.getURI())).isPresent()
                            ? concept(v, "'" + key + "' of " + what) : reference(v, "'" + key + "' of " + what))
                            .ifPresent(o -> add(curated, subject, p, o));
                    case DATATYPE -> literal(v, ontology.datatype(key), "'" + key + "' of " + what)
                            .ifPresent(o -> add(curated, subject, p, o));
                    case ANNOTATION -> add(curated, subject, p, en(v.value()));
                }
            }
        }

        /** A concept slug of the ontology, for a property whose range is skos:Concept. */
        Optional<Node> concept(Ref r, String what) {
            Optional<Node> c = ontology.concept(r.value());
            if (c.isEmpty())
                problems.add(r.loc().problem("'" + r.value() + "' in " + what + " is not a concept of ontology/concepts.ttl"));
            return c;
        }

        /** An id of the curation or, failing that, a concept slug of the ontology. */
        Optional<Node> reference(Ref r, String what) {
            Declared d = ids.get(r.value());
            Optional<Node> c = ontology.concept(r.value());
            if (d != null)
                return Optional.of(d.node());
            if (c.isPresent())
                return c;
            problems.add(r.loc().problem("'" + r.value() + "' in " + what + " is neither a declared id nor a concept"
                    + Suggest.nearest(r.value(), ids.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")));
            return Optional.empty();
        }

        /** A reference that must be a curation id of one kind (entity, claim, ...). */
        @Override
        public Optional<Node> idOf(String kind, Ref r, String what) {
            Declared d = ids.get(r.value());
            if (d == null || !d.kind().equals(kind)) {
                List<String> same = ids.entrySet().stream().filter(x -> x.getValue().kind().equals(kind)).map(Map.Entry::getKey).toList();
                problems.add(r.loc().problem("'" + r.value() + "' in " + what + " is not a declared " + kind
                        + (d == null ? "" : " (it is a " + d.kind() + ")")
                        + Suggest.nearest(r.value(), same).map(s -> "; did you mean '" + s + "'?").orElse("")));
                return Optional.empty();
            }
            return Optional.of(d.node());
        }

        @Override
        public Optional<Node> anyIdOf(Ref r, String what) {
            Declared d = ids.get(r.value());
            if (d == null) {
                problems.add(r.loc().problem("'" + r.value() + "' in " + what + " is not a declared id (an entity, claim, statement or link)"
                        + Suggest.nearest(r.value(), ids.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")));
                return Optional.empty();
            }
            return Optional.of(d.node());
        }

        /** A concept slug that must be in one scheme. */
        Optional<Node> conceptIn(String scheme, Ref r, String what) {
            Optional<Node> c = ontology.concept(r.value()).filter(x -> ontology.inScheme(x, scheme));
            if (c.isEmpty())
                problems.add(r.loc().problem("'" + r.value() + "' in " + what + " is not a concept of "
                        + scheme.substring(SPC.NS.length()) + "; expected one of " + ontology.conceptsOf(scheme)));
            return c;
        }

        Optional<Node> literal(Ref v, Optional<String> range, String what) {
            String dt = range.orElse(XSDDatatype.XSDstring.getURI());
            RDFDatatype type = TypeMapper.getInstance().getSafeTypeByName(dt);
            if (!type.isValid(v.value())) {
                problems.add(v.loc().problem("'" + v.value() + "' in " + what + " is not a valid " + dt));
                return Optional.empty();
            }
            return Optional.of(NodeFactory.createLiteralDT(v.value(), type));
        }

        @Override
        public void timeSpan(Graph g, Node owner, Node span, Node link, String phrase, Optional<Ref> from, Optional<Ref> to,
                Optional<Ref> precision, String what) {
            add(g, owner, link, span);
            add(g, span, RDF.type.asNode(), SPO.TimeSpan);
            if (phrase != null)
                add(g, span, SPO.essayPhrase, str(phrase));
            Optional<LocalDate> lo = from.flatMap(f -> bound(f, true, what));
            Optional<LocalDate> hi = to.flatMap(t -> bound(t, false, what));
            lo.ifPresent(d -> add(g, span, SPO.notBefore, NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate)));
            hi.ifPresent(d -> add(g, span, SPO.notAfter, NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate)));
            if (lo.isPresent() && hi.isPresent() && lo.get().isAfter(hi.get()))
                problems.add(from.get().loc().problem("the time of " + what + " begins (" + lo.get() + ") after it ends ("
                        + hi.get() + "); expected from <= to"));
            precision.flatMap(p -> conceptIn(SPC.PRECISIONS, p, "'precision' of " + what))
                    .ifPresent(p -> add(g, span, SPO.precision, p));
        }

        Optional<LocalDate> bound(Ref r, boolean lower, String what) {
            Optional<LocalDate> d = lower ? TimeBounds.lower(r.value()) : TimeBounds.upper(r.value());
            if (d.isEmpty())
                problems.add(r.loc().problem("'" + r.value() + "' in the time of " + what
                        + " is not a date; expected a year (1937), a year and month (1939-08) or a date (1939-08-23)"));
            return d;
        }

        // ---- claims, statements, links

        void claim(Declarations.Claim d) {
            String what = "claim '" + d.id().value() + "'";
            Node c = SPD.claim(d.id().value());
            add(curated, c, RDF.type.asNode(), SPO.Claim);
            idOf("entity", d.by(), "'by' of " + what).ifPresent(a -> add(curated, c, SPO.claimedBy, a));
            boolean byCurators = d.by().value().equals("curators");
            add(curated, c, SPO.isInterpretation, NodeFactory.createLiteralDT(Boolean.toString(byCurators), XSDDatatype.XSDboolean));
            d.stances().forEach(s -> conceptIn(SPC.STANCES, s, "'stance' of " + what).ifPresent(x -> add(curated, c, SPO.stance, x)));
            d.evidence().forEach(s -> conceptIn(SPC.EVIDENCE_TYPES, s, "'evidence' of " + what).ifPresent(x -> add(curated, c, SPO.evidence, x)));
            d.work().ifPresent(w -> idOf("entity", w, "'work' of " + what).ifPresent(x -> add(curated, c, SPO.inWork, x)));
            d.about().forEach(a -> reference(a, "'about' of " + what).ifPresent(x -> {
                add(curated, c, SPO.about, x);
                aboutKind(a.value()).ifPresent(k -> add(curated, c, k, x));
            }));
            d.role().flatMap(r -> conceptIn(SPC.ARGUMENT_ROLES, r, "'role' of " + what)).ifPresent(r -> {
                add(curated, c, SPO.argumentRole, r);
                if (r.equals(SPC.thesisRole))
                    add(curated, SPD.text(current.curation().name()), SPO.thesis, c);
            });
            add(curated, c, SPO.summary, en(d.summary().value()));
            add(curated, c, RDFS.label.asNode(), en(d.summary().value()));
            d.supports().forEach(x -> idOf("claim", x, "'supports' of " + what).ifPresent(o -> add(curated, c, SPO.supports, o)));
            d.qualifies().forEach(x -> idOf("claim", x, "'qualifies' of " + what).ifPresent(o -> add(curated, c, SPO.qualifies, o)));
            d.disputes().forEach(x -> idOf("claim", x, "'disputes' of " + what).ifPresent(o -> add(curated, c, SPO.disputes, o)));
            d.answers().forEach(x -> idOf("claim", x, "'answers' of " + what).ifPresent(o -> add(curated, c, SPO.answers, o)));
            d.episodes().forEach(x -> idOf("entity", x, "'episodes' of " + what).ifPresent(o -> add(curated, c, SPO.citesEpisode, o)));
            d.episodes().stream().filter(x -> d.about().stream().anyMatch(a -> a.value().equals(x.value()))).forEach(x -> problems.add(
                    x.loc().problem("'" + x.value() + "' of " + what + " is both an episode it cites and a topic ('about'); expected one or"
                            + " the other (an episode is also found by spo:about, by inference)")));
            d.note().ifPresent(n -> add(curated, c, SKOS.editorialNote.asNode(), en(n.value())));
            anchor("claim", d.id(), c, d.quote(), OA.describing, what);
        }

        /** The sub-property of spo:about for what an entity is: an actor, a policy, or an event (decisions too). */
        Optional<Node> aboutKind(String id) {
            Declarations.Entity e = entities.get(id);
            if (e == null)
                return Optional.empty();
            Node type = SPO.term(e.type().value());
            if (ontology.subClassOf(type, SPO.Actor))
                return Optional.of(SPO.aboutActor);
            if (ontology.subClassOf(type, SPO.Policy))
                return Optional.of(SPO.aboutPolicy);
            if (ontology.subClassOf(type, SPO.Event))
                return Optional.of(SPO.aboutEvent);
            return Optional.empty();
        }

        void statement(Declarations.Statement d) {
            String what = "statement '" + d.id().value() + "'";
            Node st = SPD.statement(d.id().value());
            Optional<Node> s = idOf("entity", d.subject(), "'subject' of " + what);
            Optional<Node> p = Optional.empty();
            boolean reason = false;
            if (ontology.propertyKind(d.predicate().value()).filter(k -> k == PropertyKind.OBJECT).isPresent()) {
                p = Optional.of(SPO.term(d.predicate().value()));
                reason = ontology.subPropertyOf(p.get(), SPO.hasReason);
            } else
                problems.add(d.predicate().loc().problem("predicate '" + d.predicate().value() + "' of " + what
                        + " is not an object property of ontology/; expected one of " + ontology.entityProperties()
                        + " (add new ones to ontology/relations.ttl)"));
            // a reason's object may be an aim (a concept) as well as an entity
            Optional<Node> o = reason && !ids.containsKey(d.object().value()) && ontology.concept(d.object().value()).isPresent()
                    ? conceptIn(NS_AIMS, d.object(), "'object' of " + what) : idOf("entity", d.object(), "'object' of " + what);
            if (reason && d.heldBy().isEmpty())
                problems.add(d.predicate().loc().problem(what + " gives a reason (" + d.predicate().value()
                        + ") but not whose it is; expected heldBy: the actor whose reason it is"));
            if (!reason && d.heldBy().isPresent())
                problems.add(d.heldBy().get().loc().problem("'heldBy' of " + what + " is only for a reason (a predicate under"
                        + " spo:hasReason: rootedIn, inOrderTo, inAnticipationOf); " + d.predicate().value() + " is none"));
            add(curated, st, RDF.type.asNode(), SPO.Statement);
            add(curated, st, RDF.type.asNode(), RDF.Statement.asNode());
            s.ifPresent(x -> add(curated, st, RDF.subject.asNode(), x));
            p.ifPresent(x -> add(curated, st, RDF.predicate.asNode(), x));
            o.ifPresent(x -> add(curated, st, RDF.object.asNode(), x));
            if (s.isPresent() && p.isPresent() && o.isPresent()) {
                add(curated, s.get(), p.get(), o.get());
                add(curated, st, SPO.reading, en(reading(d.subject(), p.get(), d.object())));
            }
            if (reason)
                d.heldBy().ifPresent(h -> idOf("entity", h, "'heldBy' of " + what).ifPresent(a -> add(curated, st, SPO.heldBy, a)));
            idOf("claim", d.claim(), "'claim' of " + what).ifPresent(c -> add(curated, st, SPO.assertedIn, c));
            d.interpretedIn().ifPresent(x -> idOf("claim", x, "'interpretedIn' of " + what).ifPresent(c -> add(curated, st, SPO.interpretedIn, c)));
            modality(d.modality(), d.claim(), what).ifPresent(m -> add(curated, st, SPO.modality, m));
            d.note().ifPresent(n -> add(curated, st, SKOS.editorialNote.asNode(), en(n.value())));
            d.when().ifPresent(w -> essayTime(st, w, what));
            anchor("statement", d.id(), st, d.quote(), OA.describing, what);
        }

        void link(Declarations.Link d) {
            String what = "link '" + d.id().value() + "'";
            Node l = SPD.link(d.id().value());
            add(curated, l, RDF.type.asNode(), SPO.DomesticForeignLink);
            Optional<Node> dom = idOf("entity", d.domestic(), "'domestic' of " + what);
            Optional<Node> fgn = idOf("entity", d.foreign(), "'foreign' of " + what);
            Optional<Node> rel = conceptIn(SPC.LINK_RELATIONS, d.relation(), "'relation' of " + what);
            Node dir = d.direction().map(x -> conceptIn(SPC.DIRECTIONS, x, "'direction' of " + what).orElse(null))
                    .orElse(SPC.domesticToForeign);
            dom.ifPresent(x -> add(curated, l, SPO.domesticSide, x));
            fgn.ifPresent(x -> add(curated, l, SPO.foreignSide, x));
            rel.ifPresent(x -> add(curated, l, SPO.relation, x));
            if (dir != null)
                add(curated, l, SPO.direction, dir);
            Optional<Node> shortcut = rel.flatMap(ontology::shortcut);
            if (rel.isPresent() && shortcut.isEmpty())
                problems.add(d.relation().loc().problem("relation '" + d.relation().value()
                        + "' has no spo:shortcut property in ontology/concepts.ttl; expected every link relation to name one"));
            if (dom.isPresent() && fgn.isPresent() && shortcut.isPresent() && dir != null) {
                boolean forward = dir.equals(SPC.domesticToForeign);
                add(curated, forward ? dom.get() : fgn.get(), shortcut.get(), forward ? fgn.get() : dom.get());
                add(curated, l, SPO.reading, en(forward ? reading(d.domestic(), rel.get(), d.foreign()) : reading(d.foreign(), rel.get(), d.domestic())));
            }
            idOf("claim", d.claim(), "'claim' of " + what).ifPresent(c -> add(curated, l, SPO.assertedIn, c));
            d.interpretedIn().ifPresent(x -> idOf("claim", x, "'interpretedIn' of " + what).ifPresent(c -> add(curated, l, SPO.interpretedIn, c)));
            modality(d.modality(), d.claim(), what).ifPresent(m -> add(curated, l, SPO.modality, m));
            d.note().ifPresent(n -> add(curated, l, SKOS.editorialNote.asNode(), en(n.value())));
            anchor("link", d.id(), l, d.quote(), OA.linking, what);
        }

        /** A record read as one sentence in its own direction: "Molotov replaced Litvinov", from the labels. */
        String reading(Ref subject, Node relation, Ref object) {
            return labelOf(subject) + " " + ontology.label(relation).orElse(relation.getLocalName()) + " " + labelOf(object);
        }

        String labelOf(Ref id) {
            Declarations.Entity e = entities.get(id.value());
            if (e != null)
                return e.label().value();
            return ontology.concept(id.value()).flatMap(ontology::label).orElse(id.value());
        }

        /**
         * The modality of a statement or link: its own where the curation gives one (its sentence hedges it), else the one
         * its claim's first stance names (spo:modality on the stance concept).
         */
        Optional<Node> modality(Optional<Ref> own, Ref claim, String what) {
            if (own.isPresent())
                return conceptIn(SPC.MODALITIES, own.get(), "'modality' of " + what);
            Declarations.Claim c = claims.get(claim.value());
            if (c == null)
                return Optional.empty();
            return c.stances().stream().map(s -> ontology.concept(s.value())).flatMap(Optional::stream)
                    .map(ontology::modalityOf).flatMap(Optional::stream).findFirst();
        }

        void anchor(String kind, Ref id, Node body, QuoteRef quote, Node motivation, String what) {
            current.anchors().resolve(quote, what).ifPresent(span -> {
                Node anno = SPD.annotation(kind, id.value());
                current.anchors().emit(curated, anno, OA.Annotation, body, motivation, span);
                current.anchors().record(kind, id.value(), span);
                add(curated, body, SPO.hasAnchor, anno);
            });
        }
    }

    private static final String NS_AIMS = SPC.NS + "aims";

    static Node en(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    static Node str(String s) {
        return NodeFactory.createLiteralString(s);
    }

    static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
