package org.sovietpolicykg.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.vocabulary.XSD;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.search.TextSearch;

/**
 * The functions a query may call: the SPARQL 1.1 built-ins (always), XSD casts, the XPath string, date and math
 * functions, and the ARQ extensions a researcher uses for strings, numbers and dates ({@code afn:localname},
 * {@code afn:sprintf}, {@code afn:sqrt}, ...). Nothing else: no {@code java:} class loading, no {@code afn:print}
 * (which writes to the server's log), no {@code afn:context}, {@code afn:wait}, {@code afn:eval} or {@code fn:apply}
 * (which call or reveal what the server has), no custom aggregates. A query that names another function is refused
 * with 400 naming it ({@link #check}); the function registries of the query context hold only these
 * ({@link #functions}, {@link #propertyFunctions}), so nothing is loaded even if a check were missed.
 */
final class FunctionAllowlist {
    static final String AFN = "http://jena.apache.org/ARQ/function#";
    static final String FN = "http://www.w3.org/2005/xpath-functions#";
    static final String MATH = "http://www.w3.org/2005/xpath-functions/math#";
    static final String SPARQL = "http://www.w3.org/ns/sparql#";
    static final String LIST = "http://jena.apache.org/ARQ/list#";

    /** The ARQ extensions allowed, by local name (they live in Jena's function library). */
    static final Set<String> AFN_ALLOWED = Set.of("localname", "namespace", "strjoin", "sprintf", "sqrt", "min", "max", "pi", "e",
            "substr", "substring", "strlen", "evenInteger", "sha1sum", "langeq", "collation", "now", "nowtz", "date", "timezone",
            "uuid", "struuid", "bnode", "triple", "subject", "predicate", "object", "isTriple", "adjust-to-timezone",
            "system-timezone");
    /** Functions of allowed namespaces that are not allowed all the same. */
    static final Set<String> DENIED = Set.of(FN + "apply");
    /** Property functions allowed: RDF list access only. */
    static final Set<String> PROPERTY_FUNCTIONS = Set.of(LIST + "member", LIST + "index", LIST + "length",
            "http://www.w3.org/2000/01/rdf-schema#member",
            // full-text search on the dataset's own text index (jena-text; the search package builds it)
            TextSearch.QUERY);

    private FunctionAllowlist() {}

    static boolean allowed(String iri) {
        if (DENIED.contains(iri))
            return false;
        if (iri.startsWith(AFN))
            return AFN_ALLOWED.contains(iri.substring(AFN.length()));
        return iri.startsWith(XSD.NS) || iri.startsWith(FN) || iri.startsWith(MATH) || iri.startsWith(SPARQL);
    }

    /** Refuses a query that calls a function outside the allowlist, naming it. */
    static void check(Query query) {
        Set<String> refused = new TreeSet<>();
        Op op;
        try {
            op = Algebra.compile(query);
        } catch (RuntimeException e) {
            // e.g. "Unregistered aggregate": a name the engine does not know
            throw new BadRequestException("The query cannot be run: " + e.getMessage());
        }
        ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f && !allowed(f.getFunctionIRI()))
                    refused.add("<" + f.getFunctionIRI() + ">");
            }

            @Override
            public void visit(ExprAggregator eAgg) {
                if (eAgg.getAggregator() instanceof AggCustom c)
                    refused.add("the custom aggregate <" + c.getIRI() + ">");
            }
        };
        // the walker visits the expressions of filters and binds; those of ORDER BY and the aggregates are visited here
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpOrder opOrder) {
                opOrder.getConditions().forEach(c -> Walker.walk(c.getExpression(), exprs));
            }

            @Override
            public void visit(OpGroup opGroup) {
                opGroup.getAggregators().forEach(a -> {
                    a.visit(exprs);
                    if (a.getAggregator().getExprList() != null)
                        a.getAggregator().getExprList().forEach(e -> Walker.walk(e, exprs));
                });
            }
        }, exprs);
        if (!refused.isEmpty())
            throw new BadRequestException("The query calls " + String.join(", ", refused) + ", which this endpoint does not"
                    + " offer; expected the SPARQL 1.1 functions, XSD casts, the XPath functions (fn:, math:) and the ARQ"
                    + " functions " + new TreeSet<>(AFN_ALLOWED.stream().map(n -> "afn:" + n).toList()));
    }

    /** A function registry with the allowed functions only, and no loading of classes by IRI. */
    static FunctionRegistry functions() {
        FunctionRegistry standard = FunctionRegistry.get();
        FunctionRegistry reg = new FunctionRegistry() {
            @Override
            public FunctionFactory get(String uri) {
                return allowed(uri) ? standard.get(uri) : null;
            }

            @Override
            public boolean isRegistered(String uri) {
                return allowed(uri) && standard.get(uri) != null;
            }
        };
        List<String> keys = new ArrayList<>();
        standard.keys().forEachRemaining(keys::add);
        keys.stream().filter(FunctionAllowlist::allowed).forEach(k -> reg.put(k, standard.get(k)));
        return reg;
    }

    /** A property-function registry that manages RDF list access only: any other predicate is a plain predicate. */
    static PropertyFunctionRegistry propertyFunctions() {
        PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();
        return new PropertyFunctionRegistry() {
            @Override
            public boolean manages(String uri) {
                return PROPERTY_FUNCTIONS.contains(uri);
            }

            @Override
            public PropertyFunctionFactory get(String uri) {
                return PROPERTY_FUNCTIONS.contains(uri) ? standard.get(uri) : null;
            }

            @Override
            public boolean isRegistered(String uri) {
                return PROPERTY_FUNCTIONS.contains(uri);
            }
        };
    }
}
