package org.sovietpolicykg.graph;

import static org.sovietpolicykg.graph.GraphBuilder.add;
import static org.sovietpolicykg.graph.GraphBuilder.en;
import static org.sovietpolicykg.graph.GraphBuilder.str;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.Ref;
import org.sovietpolicykg.diagnostics.Problem;
import org.sovietpolicykg.vocabulary.PROV;
import org.sovietpolicykg.vocabulary.SPC;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;
import org.sovietpolicykg.vocabulary.WD;

/**
 * What the build adds from elsewhere, apart from the essay's statements and each with its source: the enrichment
 * graph (the sources, the Wikidata links with their evidence, the reference dates, the curators' notes with the works
 * they cite) and the offline Wikidata extract.
 * The ids it refers to are the curation's, resolved (and their problems reported) by {@link CuratedIds}.
 */
final class EnrichmentGraph {
    private final Build build;
    private final Graph enrichment;

    /** Adds to {@code enrichment} in this build. */
    EnrichmentGraph(Build build, Graph enrichment) {
        this.build = build;
        this.enrichment = enrichment;
    }

    /**
     * The offline Wikidata extract, if there is one: Wikidata's statements about linked items in Wikidata's own terms,
     * in a named graph of its own, described (source, what it is) in the enrichment graph. Only wd: items may be
     * described in it; the citation of each fact is the comment above it in the file.
     */
    Graph wikidataExtract() {
        Path file = build.projectDir().resolve(GraphBuilder.WIKIDATA_EXTRACT);
        if (!Files.isRegularFile(file))
            return GraphFactory.createDefaultGraph();
        Graph g = RdfFiles.readTurtle(build.projectDir(), file, GraphBuilder.WIKIDATA_EXTRACT, build.problems());
        g.find().forEach(t -> {
            if (!t.getSubject().isURI() || !t.getSubject().getURI().startsWith(WD.NS))
                build.problems().add(Problem.at(GraphBuilder.WIKIDATA_EXTRACT, 1, 1, "the extract describes " + t.getSubject()
                        + "; expected only Wikidata items (" + WD.NS + "Q...)"));
        });
        Node graph = SPD.GRAPH_WIKIDATA;
        add(enrichment, graph, RDF.type.asNode(), PROV.Entity);
        add(enrichment, graph, RDFS.label.asNode(), en("Wikidata extract"));
        add(enrichment, graph, RDFS.comment.asNode(), en("Wikidata's own statements about items the graph links to (labels in English,"
                + " Russian and German, dates, coordinates), in Wikidata's terms, each copied from a public Wikidata-generated file that "
                + GraphBuilder.WIKIDATA_EXTRACT + " cites beside it. Serve it as a stand-in for Wikidata's query service, or query the named graph offline."));
        add(enrichment, graph, DCTerms.source.asNode(), SPD.source("wikidata"));
        return g;
    }

    /** The source of an absence note that names none: the curators' search for a Wikidata pairing, the essay's text. */
    static final String UNLINKED_SOURCE = "curators-search";
    static final String UNDATED_SOURCE = "essay-text";

    /**
     * Why an entity has no value where a user may look for one (a Wikidata link, a date): an absence note in the
     * enrichment graph, <base>enrichment/FAMILY/ID, by the curators, with its source.
     */
    /** The notes of what is missing ({@link #absence}), each refused when the entity has what it is said to lack. */
    private void absences(List<Declarations.Unlinked> listed, Set<String> having, String family, String what, Node lacks, String defaultSource,
            Map<String, Node> sources, String contradiction) {
        for (Declarations.Unlinked u : listed) {
            build.ids().idOf("entity", u.entity(), what).ifPresent(e -> absence(family, e, u, lacks, defaultSource, sources));
            if (having.contains(u.entity().value()))
                build.problems().add(u.entity().loc().problem("'" + u.entity().value() + "' " + contradiction + "; expected one or the other"));
        }
    }

    private void absence(String family, Node entity, Declarations.Unlinked u, Node lacks, String defaultSource, Map<String, Node> sources) {
        Node note = SPD.enrichment(family, u.entity().value());
        add(enrichment, note, RDF.type.asNode(), SPO.AbsenceNote);
        add(enrichment, note, RDF.type.asNode(), SPO.CuratorsNote);
        add(enrichment, note, RDF.type.asNode(), PROV.Entity);
        add(enrichment, note, SPO.noteOn, entity);
        add(enrichment, note, SPO.lacks, lacks);
        add(enrichment, note, RDFS.label.asNode(), en(u.why().value()));
        add(enrichment, note, SKOS.note.asNode(), en(u.why().value()));
        add(enrichment, note, DCTerms.creator.asNode(), SPD.entity("curators"));
        String src = u.source().map(Ref::value).orElse(defaultSource);
        Node s = sources.get(src);
        if (s != null)
            add(enrichment, note, DCTerms.source.asNode(), s);
        else
            build.problems().add(u.source().map(r -> r.loc()).orElse(u.loc()).problem("source '" + src + "' of the note on '"
                    + u.entity().value() + "' is not a source of data/enrichment/ (sources:); expected one of " + new TreeSet<>(sources.keySet())));
    }

    /** The enrichment graph from data/enrichment/: sources, Wikidata links with their evidence, reference dates. */
    void build(Curation c) {
        Map<String, Node> sources = new HashMap<>();
        for (Declarations.Source s : c.sources()) {
            Node n = SPD.source(s.id().value());
            sources.put(s.id().value(), n);
            add(enrichment, n, RDF.type.asNode(), PROV.Entity);
            add(enrichment, n, RDFS.label.asNode(), en(s.label().value()));
            s.url().ifPresent(u -> add(enrichment, n, FOAF.page.asNode(),
                    NodeFactory.createURI(u.value())));
        }
        Set<Node> records = new HashSet<>();
        for (Declarations.WikidataLink w : c.wikidata()) {
            String what = "the Wikidata link of '" + w.entity().value() + "'";
            build.ids().idOf("entity", w.entity(), what).ifPresent(e -> {
                Node qid = WD.item(w.qid().value());
                String kind = w.matchKind();
                Node property = SPO.wikidataMatch(kind);
                add(enrichment, e, property, qid);
                // exact links keep their record IRIs (…/enrichment/wikidata/ENTITY); others say their kind; a second link
                // of the same kind for the same entity adds its QID (…/enrichment/wikidata-close/ENTITY/Q19896779)
                String family = kind.equals("exact") ? "wikidata" : "wikidata-" + kind;
                Node first = SPD.enrichment(family, w.entity().value());
                Node rec = records.add(first) ? first : SPD.enrichment(family, w.entity().value() + "/" + w.qid().value());
                add(enrichment, rec, RDF.type.asNode(), RDF.Statement.asNode());
                add(enrichment, rec, RDF.subject.asNode(), e);
                add(enrichment, rec, RDF.predicate.asNode(), property);
                add(enrichment, rec, RDF.object.asNode(), qid);
                w.label().ifPresent(l -> add(enrichment, rec, RDFS.label.asNode(), en(l.value())));
                add(enrichment, rec, PROV.value, str(w.qid().value()));
                add(enrichment, rec, SKOS.note.asNode(), str("evidence: " + w.evidence().value()));
                Optional.ofNullable(sources.get("wikidata")).ifPresent(src -> add(enrichment, rec, DCTerms.source.asNode(), src));
            });
        }
        Set<String> linked = new HashSet<>();
        c.wikidata().forEach(w -> linked.add(w.entity().value()));
        absences(c.unlinked(), linked, "unlinked", "an entity left unlinked", SPC.lacksWikidataLink, UNLINKED_SOURCE, sources,
                "is listed as left unlinked but has a Wikidata link");
        Set<String> dated = new HashSet<>();
        c.dates().forEach(d -> dated.add(d.entity().value()));
        absences(c.undated(), dated, "undated", "an entity left undated", SPC.lacksDate, UNDATED_SOURCE, sources,
                "is listed as undated but has a reference date");
        // curators' notes from elsewhere: on what, what they say, and the works they cite
        Node curators = SPD.entity("curators");
        for (Declarations.Note n : c.notes()) {
            String what = "note '" + n.id().value() + "'";
            build.ids().anyIdOf(n.on(), "'on' of " + what).ifPresent(on -> {
                Node note = SPD.enrichment("note", n.id().value());
                add(enrichment, note, RDF.type.asNode(), SPO.CuratorsNote);
                add(enrichment, note, RDF.type.asNode(), PROV.Entity);
                add(enrichment, note, SPO.noteOn, on);
                add(enrichment, note, RDFS.label.asNode(), en(n.text().value()));
                add(enrichment, note, SKOS.note.asNode(), en(n.text().value()));
                add(enrichment, note, DCTerms.creator.asNode(), curators);
                n.sources().forEach(src -> add(enrichment, note, DCTerms.bibliographicCitation.asNode(), str(src.value())));
            });
        }
        for (Declarations.ReferenceDate d : c.dates()) {
            String what = "the reference date of '" + d.entity().value() + "'";
            build.ids().idOf("entity", d.entity(), what).ifPresent(e -> {
                Node span = SPD.sub(e, "time/reference");
                build.ids().timeSpan(enrichment, e, span, SPO.referenceTimeSpan, null, d.from(), d.to(), Optional.of(d.precision()), what);
                d.label().ifPresent(l -> add(enrichment, span, RDFS.label.asNode(), en(l.value())));
                Node src = sources.get(d.source().value());
                if (src != null)
                    add(enrichment, span, DCTerms.source.asNode(), src);
                else
                    add(enrichment, span, DCTerms.bibliographicCitation.asNode(), str(d.source().value()));
            });
        }
    }
}
