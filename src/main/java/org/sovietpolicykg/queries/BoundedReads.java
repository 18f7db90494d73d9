package org.sovietpolicykg.queries;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A view of a dataset whose every read is counted against the query that makes it ({@link Deadline#read}): each triple
 * or quad that a find returns, on the dataset and on each of its graphs (the default graph, the named ones, the union),
 * which is where every evaluation of a query gets its data, Jena's property paths included. A query past its time limit
 * is stopped at its next read, and one past its budget of reads at once, however the engine evaluates it. Outside a
 * query's budget (loading, the pages' own lookups) nothing is counted.
 * <pre>
 *   DatasetGraph served = BoundedReads.view(queryable);
 * </pre>
 */
public final class BoundedReads extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private BoundedReads(DatasetGraph dsg) {
        super(dsg, dsg.getContext());
    }

    /** The counted view of {@code dsg} (itself if it is one already). */
    public static DatasetGraph view(DatasetGraph dsg) {
        return dsg instanceof BoundedReads ? dsg : new BoundedReads(dsg);
    }

    @Override
    public Graph getDefaultGraph() {
        return counted(super.getDefaultGraph());
    }

    @Override
    public Graph getUnionGraph() {
        return counted(super.getUnionGraph());
    }

    @Override
    public Graph getGraph(Node graphNode) {
        Graph g = super.getGraph(graphNode);
        return g == null ? null : counted(g);
    }

    @Override
    public Iterator<Quad> find() {
        return counted(super.find());
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return counted(super.find(quad));
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return counted(super.find(g, s, p, o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return counted(super.findNG(g, s, p, o));
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Deadline.read();
        return super.contains(g, s, p, o);
    }

    private static Graph counted(Graph g) {
        return g instanceof CountedGraph ? g : new CountedGraph(g);
    }

    /** The iterator with each item counted against the budget of the query that asked for it (none: as it is). */
    private static <T> Iterator<T> counted(Iterator<T> it) {
        Deadline.Budget b = Deadline.budget();
        return b == null ? it : Iter.map(it, x -> {
            b.read();
            return x;
        });
    }

    /** A graph whose finds count what they return. */
    private static final class CountedGraph extends GraphWrapper {
        CountedGraph(Graph g) {
            super(g);
        }

        @Override
        public ExtendedIterator<Triple> find(Triple m) {
            return counted(super.find(m));
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            return counted(super.find(s, p, o));
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            Deadline.read();
            return super.contains(s, p, o);
        }

        @Override
        public boolean contains(Triple t) {
            Deadline.read();
            return super.contains(t);
        }

        /** Jena's own mapping of a graph's iterator (it closes what it maps), counting each triple. */
        private static ExtendedIterator<Triple> counted(ExtendedIterator<Triple> it) {
            Deadline.Budget b = Deadline.budget();
            return b == null ? it : it.mapWith(t -> {
                b.read();
                return t;
            });
        }
    }
}
