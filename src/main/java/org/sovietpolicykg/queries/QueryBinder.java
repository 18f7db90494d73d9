package org.sovietpolicykg.queries;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.vocabulary.BaseIri;

/**
 * Binds the values of a request to a canned query's parameters: each value is turned into an RDF term of the
 * parameter's type and substituted for the variable in the parsed query (never spliced into the text). A value that
 * does not fit, a required parameter missing, or a parameter the query does not have gives a 400 that names it.
 */
public final class QueryBinder {
    private QueryBinder() {}

    /**
     * Binds for a dataset under {@code baseIri}: the catalogue has moved the query's own IRIs to that base already
     * (when it loaded), and prefixed names in the values (spd:stalin) are read under it.
     */
    public static Query bind(CannedQuery q, Map<String, String> values, BaseIri baseIri) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        q.parameters().forEach(p -> unknown.remove(p.name()));
        unknown.remove("format");
        if (!unknown.isEmpty())
            throw new BadRequestException("Query '" + q.name() + "' has no parameter " + String.join(", ", unknown)
                    + (q.parameters().isEmpty() ? "; it takes none" : "; it takes: " + describe(q)));
        Map<Var, Node> binding = new HashMap<>();
        for (Parameter p : q.parameters()) {
            String v = values.get(p.name());
            if (v == null)
                v = p.defaultValue().orElse(null);
            if (v == null) {
                if (p.required())
                    throw new BadRequestException("Query '" + q.name() + "' needs parameter '" + p.name() + "' ("
                            + p.typeName() + (p.description().isEmpty() ? "" : ": " + p.description()) + ")");
                continue;
            }
            binding.put(Var.alloc(p.variable()), term(q, p, v, baseIri));
        }
        Query query = q.parsed().cloneQuery();
        return binding.isEmpty() ? query : QueryTransformOps.transform(query, binding);
    }

    static Node term(CannedQuery q, Parameter p, String value, BaseIri baseIri) {
        String where = "Parameter '" + p.name() + "' of query '" + q.name() + "'";
        switch (p.kind()) {
            case STRING:
                return NodeFactory.createLiteralString(value);
            case LANG:
                return NodeFactory.createLiteralLang(value, p.datatypeOrLang());
            case TYPED: {
                RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(p.datatypeOrLang());
                if (!dt.isValid(value))
                    throw new BadRequestException(where + " expects " + p.typeName() + ", got '" + value + "'");
                return NodeFactory.createLiteralDT(value, dt);
            }
            case IRI: {
                PrefixMap pm = baseIri.prefixes();
                String iri = value;
                boolean absolute = IRIs.check(value) && IRIs.reference(value).isAbsolute()
                        && pm.getMapping().keySet().stream().noneMatch(prefix -> value.startsWith(prefix + ":"));
                if (!absolute && value.contains(":")) {
                    String expanded = pm.expand(value);
                    if (expanded == null)
                        throw new BadRequestException(where + " expects an IRI or a prefixed name with a known prefix "
                                + new TreeSet<>(pm.getMapping().keySet()) + ", got '" + value + "'");
                    iri = expanded;
                }
                try {
                    if (!IRIs.check(iri) || !IRIs.reference(iri).isAbsolute())
                        throw new BadRequestException(where + " expects an absolute IRI (e.g. " + baseIri.iri() + "id/stalin or spd:stalin), got '" + value + "'");
                } catch (IRIException e) {
                    throw new BadRequestException(where + " expects an IRI, got '" + value + "': " + e.getMessage());
                }
                return NodeFactory.createURI(iri);
            }
            default:
                throw new IllegalStateException(p.kind().toString());
        }
    }

    static String describe(CannedQuery q) {
        return String.join(", ", q.parameters().stream()
                .map(p -> p.name() + " (" + p.typeName() + (p.required() ? ", required" : ", optional") + ")").toList());
    }
}
