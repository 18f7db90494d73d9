package org.sovietpolicykg.queries;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.resultset.ResultSetWrapper;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.errors.BadRequestException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.errors.UnavailableException;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.formats.GraphOutput;
import org.sovietpolicykg.formats.JsonLdContext;

/**
 * Runs a bound query against a dataset with a time limit, inside a read transaction, and writes its results in a
 * chosen format. Queries arrive ready to run: a canned query's IRIs were moved to the served base when the catalogue
 * was loaded, and its parameters bound by {@link QueryBinder}; the runner changes nothing in them.
 */
public final class QueryRunner {
    private final DatasetGraph dataset;
    private final QueryPolicy policy;
    private final long timeoutMs;
    /** JSON-LD answers are compacted with it (none: Jena's own JSON-LD). */
    private final JsonLdContext jsonLd;

    /** A runner under a query policy (the time limit, what SERVICE may call). */
    public QueryRunner(DatasetGraph dataset, QueryPolicy policy) {
        this(dataset, policy, null);
    }

    /** The same, its JSON-LD answers compacted with the project's context. */
    public QueryRunner(DatasetGraph dataset, QueryPolicy policy, JsonLdContext jsonLd) {
        this.dataset = dataset;
        this.policy = policy;
        this.timeoutMs = policy.timeoutMs();
        this.jsonLd = jsonLd;
    }

    /** A runner under the default policy with a time limit. */
    public QueryRunner(DatasetGraph dataset, long timeoutMs) {
        this(dataset, QueryPolicy.withTimeout(timeoutMs));
    }

    /** The policy the queries run under. */
    public QueryPolicy policy() {
        return policy;
    }

    /** The default format of a query: JSON for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE. */
    public static Format defaultFormat(Query q) {
        return q.isSelectType() || q.isAskType() ? Format.JSON : Format.TURTLE;
    }

    public byte[] run(Query query, Format format) {
        return run(query, format, jsonLd == null ? null : jsonLd.url());
    }

    /** The answer in a format; a JSON-LD answer names the context at {@code contextUrl} (a server names its own). */
    public byte[] run(Query query, Format format, String contextUrl) {
        boolean tabular = query.isSelectType() || query.isAskType();
        if (format.isTabular() != tabular)
            throw new BadRequestException("Format '" + format.key() + "' does not fit a " + (tabular ? "SELECT or ASK" : "CONSTRUCT or DESCRIBE")
                    + " query; expected one of " + Format.keys(Format.fitting(tabular)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        execute(query, qe -> {
            if (query.isSelectType())
                ResultSetMgr.write(out, limited(qe.execSelect()), format.lang());
            else if (query.isAskType())
                ResultSetMgr.write(out, qe.execAsk(), format.lang());
            else
                out.writeBytes(GraphOutput.write(graph(query, qe), format, jsonLd, contextUrl));
            return null;
        });
        return out.toByteArray();
    }

    /** Runs the query with the time limit; a query stopped by it is a {@link QueryTimeoutException}. */
    private <T> T execute(Query query, Function<QueryExecution, T> results) {
        Query prepared = policy.prepare(query);
        try {
            return policy.run(() -> Txn.calculateRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(QueryPolicy.view(dataset))).query(prepared).context(policy.context(dataset))
                        .timeout(timeoutMs, TimeUnit.MILLISECONDS).build()) {
                    return results.apply(qe);
                }
            }));
        } catch (QueryCancelledException e) {
            throw policy.tooLong();
        } catch (RuntimeException e) {
            // a failure the policy knows: a SERVICE refused (400) or failing (502), a bad text search, a limit of the policy
            KgException service = QueryPolicy.knownFailure(e);
            throw service != null ? service : e;
        }
    }

    private static Graph graph(Query query, QueryExecution qe) {
        return query.isConstructType() ? qe.execConstruct().getGraph() : qe.execDescribe().getGraph();
    }

    /** Results as a table of RDF terms, for pages: SELECT as is, ASK as one "answer", a graph as subject, predicate, object. */
    public record Table(List<String> columns, List<List<Node>> rows) {}

    /** Runs a query with the time limit and returns its results as a {@link Table} (graph results in a stable order). */
    public Table table(Query query) {
        return execute(query, qe -> {
            List<List<Node>> rows = new ArrayList<>();
            if (query.isSelectType()) {
                ResultSet rs = limited(qe.execSelect());
                List<String> columns = rs.getResultVars();
                while (rs.hasNext()) {
                    QuerySolution sol = rs.next();
                    List<Node> row = new ArrayList<>();
                    for (String c : columns)
                        row.add(sol.get(c) == null ? null : sol.get(c).asNode());
                    rows.add(row);
                }
                return new Table(columns, rows);
            }
            if (query.isAskType())
                return new Table(List.of("answer"), List.of(List.of(NodeFactory.createLiteralDT(Boolean.toString(qe.execAsk()),
                        XSDDatatype.XSDboolean))));
            graph(query, qe).find().toList().stream().sorted(Comparator.comparing(Triple::toString))
                    .forEach(t -> rows.add(List.of(t.getSubject(), t.getPredicate(), t.getObject())));
            return new Table(List.of("subject", "predicate", "object"), rows);
        });
    }

    /** The results, refused (400) once they pass the policy's row limit. */
    private ResultSet limited(ResultSet rs) {
        long max = policy.limits().maxResultRows();
        return new ResultSetWrapper(rs) {
            private long n;

            @Override
            public QuerySolution next() {
                if (++n > max)
                    throw policy.tooManyRows();
                return super.next();
            }

            @Override
            public Binding nextBinding() {
                if (++n > max)
                    throw policy.tooManyRows();
                return super.nextBinding();
            }
        };
    }

    /** A query stopped for running too long: HTTP 503. */
    public static final class QueryTimeoutException extends UnavailableException {
        private static final long serialVersionUID = 1L;

        public QueryTimeoutException(String message) {
            super(message);
        }
    }

}
