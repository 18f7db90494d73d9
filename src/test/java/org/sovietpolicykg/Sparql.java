package org.sovietpolicykg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;

/** SPARQL for tests: rows of a SELECT as maps of variable to the lexical form or IRI, with the usual prefixes. */
public final class Sparql {
    public static final String PREFIXES = """
            PREFIX spo:  <https://w3id.org/soviet-policy-kg/ontology#>
            PREFIX spd:  <https://w3id.org/soviet-policy-kg/id/>
            PREFIX spc:  <https://w3id.org/soviet-policy-kg/concept/>
            PREFIX claim: <https://w3id.org/soviet-policy-kg/claim/>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    private Sparql() {}

    public static List<Map<String, String>> select(DatasetGraph dsg, String query) {
        return select(dsg, QueryFactory.create(PREFIXES + query));
    }

    /** The rows of a parsed (or bound) SELECT: each variable's lexical form or IRI, null where unbound. */
    public static List<Map<String, String>> select(DatasetGraph dsg, Query query) {
        List<Map<String, String>> rows = new ArrayList<>();
        // an explicit time limit: a test server may have set a short one on the shared dataset's context
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                .timeout(60, TimeUnit.SECONDS).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Map<String, String> row = new LinkedHashMap<>();
                for (String v : rs.getResultVars()) {
                    RDFNode n = s.get(v);
                    row.put(v, n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** One column of a SELECT. */
    public static List<String> column(DatasetGraph dsg, String query, String var) {
        return select(dsg, query).stream().map(r -> r.get(var)).toList();
    }

    public static long count(DatasetGraph dsg, String where) {
        return Long.parseLong(select(dsg, "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }").get(0).get("n"));
    }
}
