package org.sovietpolicykg.queries;

import org.apache.jena.sparql.ARQException;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.StageGeneratorGeneric;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderLib;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderProc;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;

/**
 * Jena's evaluation of basic graph patterns, with a join order that cannot fail. Jena orders a pattern's triples by
 * weights computed on the pattern as the first solution binds it; when that binds a variable in predicate position to a
 * blank node or a literal (here: {@code ?p rdfs:domain ?d . ?x ?d ?y}, as the ontology's domains include unions, which
 * are blank nodes), its weighing throws {@code ARQException: Unidentified predicate} and the query was a 500. Such a
 * triple simply matches nothing (SPARQL 1.1, 18.3); the pattern keeps its written order instead, and the answer is
 * Jena's own otherwise.
 */
final class TolerantReorder extends StageGeneratorGeneric {
    static final TolerantReorder INSTANCE = new TolerantReorder();

    private static final ReorderTransformation FIXED = ReorderLib.fixed();
    private static final ReorderTransformation ORDER = new ReorderTransformation() {
        @Override
        public BasicPattern reorder(BasicPattern pattern) {
            return reorderIndexes(pattern).reorder(pattern);
        }

        @Override
        public ReorderProc reorderIndexes(BasicPattern pattern) {
            try {
                return FIXED.reorderIndexes(pattern);
            } catch (ARQException unweighable) {
                return ReorderLib.identity().reorderIndexes(pattern);
            }
        }
    };

    private TolerantReorder() {}

    @Override
    public QueryIterator execute(BasicPattern pattern, QueryIterator input, ExecutionContext execCxt) {
        return execute(pattern, ORDER, input, execCxt);
    }
}
