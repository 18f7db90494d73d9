package org.sovietpolicykg.queries;

import java.util.function.Supplier;

import org.apache.jena.query.QueryCancelledException;

import org.sovietpolicykg.errors.UnavailableException;

/**
 * The time limit of the query that the current thread evaluates, and how much of the graph it may read, for work that
 * Jena's own timeout cannot stop. A single regular expression or replacement runs in one call of Java's regex engine,
 * which looks at no clock: the guarded expressions ({@link GuardedExpressions}) give it a {@link CharSequence} that
 * checks this deadline as the engine reads. Jena's evaluation of arbitrary-length property paths ({@code *}, {@code +}
 * under sequences and negated sets) collects its answers in lists and never looks at the query's cancellation (apache/jena
 * #1629): every triple it reads comes through {@link BoundedReads}, which counts it here, so that such a query is
 * stopped within a moment of its limit, and refused once it has read more than its budget of triples, long before the
 * lists it builds could fill the memory. At the same moments it looks at the heap: when the live objects nearly fill it
 * ({@link MemoryPressure}), the query is stopped with a 503, before an {@link OutOfMemoryError}.
 */
public final class Deadline {
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /** How many reads pass between two looks at the clock. */
    private static final int CLOCK_EVERY = 1 << 10;

    /** What the query of one thread may still do: until when, and how many triples it may read. */
    static final class Budget {
        final long deadline;
        final long maxReads;
        final Supplier<? extends RuntimeException> overRead;
        long reads;

        Budget(long deadline, long maxReads, Supplier<? extends RuntimeException> overRead) {
            this.deadline = deadline;
            this.maxReads = maxReads;
            this.overRead = overRead;
        }

        /**
         * Counts one triple read: past the budget its exception (a 400), and now and then a look at the clock (Jena's
         * cancellation, a 503, once the deadline has passed) and at the heap (a 503 when it is nearly full).
         */
        void read() {
            long n = ++reads;
            if (n > maxReads)
                throw overRead.get();
            if ((n & (CLOCK_EVERY - 1)) == 0) {
                if (System.nanoTime() - deadline > 0)
                    throw new QueryCancelledException();
                if (MemoryPressure.high())
                    throw new UnavailableException("The server is short of memory and stopped this query to stay up; try again in a"
                            + " moment, or ask for less at once (a LIMIT, fewer patterns)");
            }
        }
    }

    private Deadline() {}

    /** Runs {@code work} with a deadline {@code timeoutMs} from now (an enclosing, earlier deadline stays), reads unbounded. */
    public static <T> T within(long timeoutMs, Supplier<T> work) {
        return within(timeoutMs, Long.MAX_VALUE, () -> new QueryCancelledException(), work);
    }

    /**
     * Runs {@code work} with a deadline {@code timeoutMs} from now and at most {@code maxReads} triples read from the
     * graph ({@link BoundedReads}), beyond which {@code overRead} is thrown. An enclosing budget's earlier deadline and
     * its reads stay: a query run inside another (a canned query's page) counts against the outer one too.
     */
    public static <T> T within(long timeoutMs, long maxReads, Supplier<? extends RuntimeException> overRead, Supplier<T> work) {
        Budget outer = CURRENT.get();
        long mine = System.nanoTime() + timeoutMs * 1_000_000L;
        Budget b = outer == null ? new Budget(mine, maxReads, overRead)
                : new Budget(outer.deadline - mine < 0 ? outer.deadline : mine, Math.min(outer.maxReads - outer.reads, maxReads), overRead);
        CURRENT.set(b);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.reads += b.reads;
                CURRENT.set(outer);
            }
        }
    }

    /** Throws Jena's own cancellation (a 503 on every path) when the deadline of this thread has passed. */
    public static void check() {
        Budget b = CURRENT.get();
        if (b != null && System.nanoTime() - b.deadline > 0)
            throw new QueryCancelledException();
    }

    /**
     * Counts one triple read by the query of this thread: past its budget the budget's exception (a 400), and now and
     * then a look at the clock (Jena's cancellation, a 503, once the deadline has passed). No budget, no count.
     */
    static void read() {
        Budget b = CURRENT.get();
        if (b != null)
            b.read();
    }

    /**
     * The budget of the query of this thread, or null outside a query: for a reader that counts many reads (an
     * iterator over a graph), which looks it up once rather than at every triple.
     */
    static Budget budget() {
        return CURRENT.get();
    }

    /** How many triples the query of this thread has read so far (0 outside a query). */
    public static long reads() {
        Budget b = CURRENT.get();
        return b == null ? 0 : b.reads;
    }

    /** A view of a string whose reads check the deadline now and then. */
    static CharSequence guarded(String s) {
        return new Chars(s, 0, s.length());
    }

    private static final class Chars implements CharSequence {
        private final String s;
        private final int start;
        private final int end;
        private int reads;

        Chars(String s, int start, int end) {
            this.s = s;
            this.start = start;
            this.end = end;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0)
                check();
            return s.charAt(start + index);
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Chars(s, start + from, start + to);
        }

        @Override
        public String toString() {
            return s.substring(start, end);
        }
    }
}
