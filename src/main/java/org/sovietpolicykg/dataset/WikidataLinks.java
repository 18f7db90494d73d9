package org.sovietpolicykg.dataset;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.sovietpolicykg.curation.Curation;
import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * The Wikidata links of a built dataset as a table for spreadsheet and OpenRefine users
 * ({@value #CSV}: our IRI, label, QID, the mapping property, the kind of match, the evidence), and the report of
 * the links and of the entities left unlinked, with why, that {@code build} prints.
 */
public final class WikidataLinks {
    public static final String CSV = "wikidata-links.csv";

    private static final String QUERY = """
            PREFIX spo:  <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?iri ?label ?qid ?mapping ?match ?evidence WHERE {
              VALUES (?property ?mapping ?match) {
                (spo:wikidata "spo:wikidata" "exact")
                (spo:wikidataCloseMatch "spo:wikidataCloseMatch" "close")
                (spo:wikidataBroadMatch "spo:wikidataBroadMatch" "broad")
              }
              GRAPH <https://w3id.org/soviet-policy-kg/graph/enrichment> {
                ?iri ?property ?item .
                ?record rdf:subject ?iri ; rdf:predicate ?property ; rdf:object ?item ; prov:value ?qid .
                OPTIONAL { ?record skos:note ?note }
              }
              GRAPH <https://w3id.org/soviet-policy-kg/graph/curated> { ?iri rdfs:label ?label }
              BIND(COALESCE(STRAFTER(?note, "evidence: "), "") AS ?evidence)
            }
            ORDER BY ?iri ?match ?qid
            """;

    private WikidataLinks() {}

    /** The links as CSV (RFC 4180, UTF-8, a header row), in IRI order. Works on the named graphs or their union view. */
    public static byte[] csv(DatasetGraph dsg, BaseIri base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(base.sparql(QUERY)).build()) {
                ResultSetMgr.write(out, qe.execSelect(), ResultSetLang.RS_CSV);
            }
        });
        return out.toByteArray();
    }

    /** How many links of each kind of match. */
    public static Map<String, Integer> countsByMatch(DatasetGraph dsg, BaseIri base) {
        Map<String, Integer> counts = new TreeMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(base.sparql(QUERY)).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    counts.merge(s.getLiteral("match").getLexicalForm(), 1, Integer::sum);
                }
            }
        });
        return counts;
    }

    /**
     * The lines of the build report: the links by kind, then every entity without a link, with the reason the
     * curation gives ({@code unlinked:} in data/enrichment/), or saying that none was given.
     */
    public static List<String> report(Curation curation, DatasetGraph dsg, BaseIri base) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> counts = countsByMatch(dsg, base);
        lines.add(String.format("  %d links to Wikidata (%s); %s", counts.values().stream().mapToInt(Integer::intValue).sum(),
                String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()), CSV));
        Set<String> linked = new TreeSet<>();
        curation.wikidata().forEach(w -> linked.add(w.entity().value()));
        Map<String, String> why = new LinkedHashMap<>();
        curation.unlinked().forEach(u -> why.put(u.entity().value(), u.why().value()));
        List<Declarations.Entity> unlinked = curation.entities().stream().filter(e -> !linked.contains(e.id().value())).toList();
        lines.add(String.format("  %d entities left unlinked:", unlinked.size()));
        for (Declarations.Entity e : unlinked)
            lines.add(String.format("    %-34s %s", e.id().value(), why.getOrDefault(e.id().value(), "(no reason recorded in data/enrichment/)")));
        return lines;
    }
}
