package org.sovietpolicykg.queries;

import java.util.function.Supplier;

import org.apache.jena.query.QueryCancelledException;

/**
 * The time limit of the query that the current thread evaluates, for work that Jena's own timeout cannot stop: a
 * single regular expression or replacement runs in one call of Java's regex engine, which looks at no clock. The
 * guarded expressions ({@link GuardedExpressions}) give it a {@link CharSequence} that checks this deadline as the
 * engine reads, so a catastrophic pattern is stopped within a moment of the limit.
 */
public final class Deadline {
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private Deadline() {}

    /** Runs {@code work} with a deadline {@code timeoutMs} from now (an enclosing, earlier deadline stays). */
    public static <T> T within(long timeoutMs, Supplier<T> work) {
        Long outer = DEADLINE.get();
        long mine = System.nanoTime() + timeoutMs * 1_000_000L;
        DEADLINE.set(outer != null && outer - mine < 0 ? outer : mine);
        try {
            return work.get();
        } finally {
            if (outer == null)
                DEADLINE.remove();
            else
                DEADLINE.set(outer);
        }
    }

    /** Throws Jena's own cancellation (a 503 on every path) when the deadline of this thread has passed. */
    public static void check() {
        Long d = DEADLINE.get();
        if (d != null && System.nanoTime() - d > 0)
            throw new QueryCancelledException();
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
