package org.sovietpolicykg.queries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Query results in a form every engine can be compared in: a row is a map from variable to a term written as
 * {@code <iri>}, {@code "lexical"@lang} or {@code "lexical"^^<datatype>} (numbers by value, so that "2.0" and "2"
 * of xsd:decimal agree).
 */
final class Rows {
    private Rows() {}

    static String iri(String iri) {
        return "<" + iri + ">";
    }

    static String literal(String lexical, String datatype, String lang) {
        if (lang != null && !lang.isEmpty())
            return "\"" + lexical + "\"@" + lang.toLowerCase();
        String dt = datatype == null ? "http://www.w3.org/2001/XMLSchema#string" : datatype;
        if (dt.endsWith("#integer") || dt.endsWith("#decimal") || dt.endsWith("#long") || dt.endsWith("#int")) {
            try {
                return "\"" + new BigDecimal(lexical).stripTrailingZeros().toPlainString() + "\"^^<number>";
            } catch (NumberFormatException e) {
                // fall through: compare as written
            }
        }
        return "\"" + lexical + "\"^^<" + dt + ">";
    }

    static String jena(Node n) {
        if (n == null)
            return null;
        if (n.isURI())
            return iri(n.getURI());
        if (n.isLiteral())
            return literal(n.getLiteralLexicalForm(), n.getLiteralDatatypeURI(), n.getLiteralLanguage());
        return "_:blank";
    }

    static List<Map<String, String>> of(ResultSet rs) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> vars = rs.getResultVars();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (String v : vars) {
                RDFNode n = s.get(v);
                row.put(v, n == null ? null : jena(n.asNode()));
            }
            rows.add(row);
        }
        return rows;
    }
}
