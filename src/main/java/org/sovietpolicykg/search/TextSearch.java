package org.sovietpolicykg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The full-text index of a dataset: Jena's own text index ({@code jena-text}, Lucene), queried in SPARQL with
 * {@code text:query}. It holds, from the curated and the source graphs (and the concepts' labels from the ontology's), each sentence's and paragraph's text
 * ({@code rdf:value}), every label and alternative label, the names the texts use ({@code spo:nameInEssay}), their
 * variant spellings and the mentions' surface forms, each claim's summary, each description, and each quote of an
 * anchor ({@code oa:exact}): one Lucene field per property ({@link #FIELDS}), so that a hit says which property it
 * matched, analysed in English (stemmed: "purge" finds "purges" and "purged"; exact phrases in double quotes). Built in
 * memory, from the quads in a fixed order, so that the same sources give the same index.
 * <pre>
 *   TextSearch.attach(queryable, base);   // then, in a query on it:
 *   (?s ?score ?literal ?graph ?property) text:query (rdf:value rdfs:label "Rapallo")
 * </pre>
 */
public final class TextSearch {
    /** The namespace of jena-text's property function, {@code text:query}. */
    public static final String NS = "http://jena.apache.org/text#";
    public static final String QUERY = NS + "query";
    /** The most documents one {@code text:query} returns when it names no limit. */
    public static final int DEFAULT_LIMIT = 1_000;
    /** The field of {@code rdf:value}, which a {@code text:query} without properties searches. */
    public static final String DEFAULT_FIELD = "text";

    private static final Logger LOG = LoggerFactory.getLogger(TextSearch.class);

    private TextSearch() {}

    /** The indexed properties by their field names (under the default base), in the order they are documented. */
    public static Map<String, Node> fields(BaseIri base) {
        Map<String, Node> f = new LinkedHashMap<>();
        f.put("text", RDF.value.asNode());
        f.put("label", RDFS.label.asNode());
        f.put("prefLabel", SKOS.prefLabel.asNode());
        f.put("altLabel", SKOS.altLabel.asNode());
        f.put("name", base.node(SPO.nameInEssay));
        f.put("variant", base.node(SPO.variantSpelling));
        f.put("surface", base.node(SPO.surfaceForm));
        f.put("summary", base.node(SPO.summary));
        f.put("description", DCTerms.description.asNode());
        f.put("quote", OA.exact);
        return f;
    }

    /**
     * Indexes a dataset (its named graphs, or their queryable union view) and sets the index in its context, unless
     * its context has one already.
     */
    public static TextIndex attach(DatasetGraph dsg, BaseIri base) {
        // a dataset does not change while it is served: the index already made for it is the one (a second server,
        // or a test, on the same dataset does not index it again)
        if (dsg.getContext().get(TextQuery.textIndex) instanceof TextIndex made)
            return made;
        long t0 = System.nanoTime();
        TextIndex index = index(dsg, base);
        dsg.getContext().set(TextQuery.textIndex, index);
        LOG.info("Text index: {} texts, names, summaries and quotes indexed in {} ms", documents(index), (System.nanoTime() - t0) / 1_000_000);
        return index;
    }

    /**
     * Sets an index made before (the one {@code build} wrote, {@link TextIndexFolder#open}) in a dataset's context,
     * where {@code text:query} and {@link #attach(DatasetGraph, BaseIri)} find it.
     */
    public static TextIndex attach(DatasetGraph dsg, TextIndex index) {
        dsg.getContext().set(TextQuery.textIndex, index);
        return index;
    }

    /** How many documents (literals) an index of this class holds. */
    static int documents(TextIndex index) {
        return index instanceof TextIndexLucene l && l.getIndexWriter() != null ? l.getIndexWriter().getDocStats().numDocs : -1;
    }

    /** How the index is made and queried: its fields, English analysis, values stored (for snippets). */
    static TextIndexConfig config(BaseIri base) {
        EntityDefinition def = new EntityDefinition("uri", DEFAULT_FIELD, RDF.value.asNode());
        fields(base).forEach((field, p) -> {
            if (!field.equals(DEFAULT_FIELD))
                def.set(field, p);
        });
        def.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(new EnglishAnalyzer());
        config.setQueryAnalyzer(new EnglishAnalyzer());
        config.setValueStored(true);
        config.setMaxBasicQueries(1_024);
        return config;
    }

    /** The text index of a dataset's curated and source graphs, in memory. */
    public static TextIndex index(DatasetGraph dsg, BaseIri base) {
        TextIndexConfig config = config(base);
        EntityDefinition def = config.getEntDef();
        TextIndexLucene index = new TextIndexLucene(new ByteBuffersDirectory(), config);
        List<Quad> quads = new ArrayList<>();
        List<Node> predicates = List.copyOf(fields(base).values());
        Txn.executeRead(dsg, () -> {
            for (Node g : List.of(base.node(SPD.GRAPH_SOURCE), base.node(SPD.GRAPH_CURATED)))
                for (Node p : predicates)
                    dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                        if (q.getObject().isLiteral())
                            quads.add(q);
                    });
            // the concepts' labels (kinds of evidence, stances), which live with the ontology
            for (Node p : List.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode()))
                dsg.find(base.node(SPD.GRAPH_ONTOLOGY), Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if (q.getObject().isLiteral())
                        quads.add(q);
                });
        });
        // a fixed order, so that the same sources give the same index
        quads.sort(Comparator.comparing((Quad q) -> q.getSubject().toString()).thenComparing(q -> q.getPredicate().getURI())
                .thenComparing(q -> q.getObject().toString()).thenComparing(q -> q.getGraph().getURI()));
        for (Quad q : quads) {
            Entity e = TextQueryFuncs.entityFromQuad(def, q);
            if (e != null)
                index.addEntity(e);
        }
        index.commit();
        return index;
    }
}
