package org.sovietpolicykg.queries;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import org.sovietpolicykg.errors.BadRequestException;

/**
 * REGEX and REPLACE that a time limit can stop: the same SPARQL functions (Java regular expressions, as Jena's), read
 * through {@link Deadline#guarded} so that a pattern that backtracks without end is stopped at the query's limit, and
 * REPLACE refuses to build a string longer than {@link #MAX_STRING} characters (a chain of REPLACEs that doubles a
 * string would otherwise fill the memory before any clock is looked at); and GROUP_CONCAT, which over a product of
 * patterns built one string of every row, refuses (400) to build one longer than that. {@link #guard} puts them into a
 * query.
 */
final class GuardedExpressions {
    /** The longest string REPLACE may build, in characters. */
    static final int MAX_STRING = 1 << 20;

    private GuardedExpressions() {}

    /** The query with every REGEX and REPLACE replaced by its guarded form. */
    static Query guard(Query q) {
        return QueryTransformOps.transform(q, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex && !(func instanceof Regex))
                    return new Regex(args);
                if (func instanceof E_StrReplace && !(func instanceof Replace))
                    return new Replace(args);
                return super.transform(func, args);
            }

            @Override
            public Expr transform(ExprAggregator eAgg) {
                Aggregator a = eAgg.getAggregator();
                if (a instanceof AggGroupConcat g && !(a instanceof Concat))
                    return new ExprAggregator(eAgg.getVar(), new Concat(g.getExprList().get(0), g.getSeparator(), false));
                if (a instanceof AggGroupConcatDistinct g)
                    return new ExprAggregator(eAgg.getVar(), new Concat(g.getExprList().get(0), g.getSeparator(), true));
                return super.transform(eAgg);
            }
        });
    }

    /** GROUP_CONCAT (and GROUP_CONCAT DISTINCT) as Jena's, refusing to build a string of more than {@link #MAX_STRING} characters. */
    static final class Concat extends AggGroupConcat {
        private final String separator;
        private final boolean distinct;

        Concat(Expr expr, String separator, boolean distinct) {
            super(expr, separator);
            this.separator = separator;
            this.distinct = distinct;
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Concat(exprs.get(0), separator, distinct);
        }

        @Override
        public Accumulator createAccumulator() {
            String sep = separator != null ? separator : " ";
            return new AccumulatorExpr(getExpr(), distinct) {
                private final StringBuilder soFar = new StringBuilder();
                private boolean first = true;

                @Override
                protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
                    String str = nv.asString();
                    if (soFar.length() + sep.length() + str.length() > MAX_STRING)
                        throw new BadRequestException(String.format(Locale.ROOT, "GROUP_CONCAT built a string of more than %,d"
                                + " characters, the most a query may build; group by more (GROUP BY), or concatenate fewer rows"
                                + " (a LIMIT in a subquery)", MAX_STRING));
                    if (!first)
                        soFar.append(sep);
                    soFar.append(str);
                    first = false;
                }

                @Override
                protected void accumulateError(Binding binding, FunctionEnv env) {}

                @Override
                public NodeValue getAccValue() {
                    return NodeValue.makeString(soFar.toString());
                }
            };
        }
    }

    static final class Regex extends E_Regex {
        Regex(ExprList args) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = pattern("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
            return p.matcher(Deadline.guarded(arg.getLiteralLexicalForm())).find() ? NodeValue.TRUE : NodeValue.FALSE;
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs);
        }
    }

    static final class Replace extends E_StrReplace {
        Replace(ExprList args) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            NodeValue nvStr = args.get(0);
            String s = NodeValueOps.checkAndGetStringLiteral("REPLACE", nvStr).getLiteralLexicalForm();
            Pattern p = pattern("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
            String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            String x = replaceAll(p.matcher(Deadline.guarded(s)), rep);
            if (x == null || x.equals(s))
                return nvStr;
            Node n = nvStr.asNode();
            return NodeValue.makeNode(n.getLiteralLanguage().isEmpty() ? NodeFactory.createLiteralDT(x, n.getLiteralDatatype())
                    : NodeFactory.createLiteralLang(x, n.getLiteralLanguage()));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs);
        }
    }

    private static Pattern pattern(String label, NodeValue pattern, NodeValue flags) {
        String pat = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
        String f = flags == null ? null : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
        return RegexEngine.makePattern(label, pat, f);
    }

    /** Java's replaceAll as Jena's REPLACE does it (an empty match next to a match is skipped), with a size cap. */
    private static String replaceAll(Matcher matcher, String rep) {
        try {
            StringBuilder sb = null;
            while (matcher.find()) {
                if (sb == null)
                    sb = new StringBuilder();
                else if (matcher.start() == matcher.end())
                    continue;
                matcher.appendReplacement(sb, rep);
                if (sb.length() > MAX_STRING)
                    throw new QueryCancelledException();
                Deadline.check();
            }
            if (sb == null)
                return null;
            matcher.appendTail(sb);
            if (sb.length() > MAX_STRING)
                throw new QueryCancelledException();
            return sb.toString();
        } catch (IndexOutOfBoundsException ex) {
            throw new ExprEvalException("IndexOutOfBounds", ex);
        }
    }
}
