package org.sovietpolicykg.queries;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

/**
 * Whether the heap is nearly full of live objects: the last collection left more than {@value #STOP_AT_PERCENT}% of the
 * largest heap in use. The queries running then are stopped (a 503 that says to try again) at their next reads
 * ({@link Deadline#read}), so that the memory they hold is freed before an {@link OutOfMemoryError} could end the
 * process. The cheap test comes first (the heap in use, garbage included, below the mark: no pressure); only above it
 * is the last collection's account read, at most every {@value #RECHECK_MS} ms.
 */
public final class MemoryPressure {
    static final int STOP_AT_PERCENT = 85;
    static final long RECHECK_MS = 20;
    private static final Runtime RUNTIME = Runtime.getRuntime();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(GarbageCollectorMXBean.class::isInstance).map(GarbageCollectorMXBean.class::cast).toList();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private static volatile long checkedAt;
    private static volatile boolean high;

    private MemoryPressure() {}

    /** Whether the live objects fill the heap past the mark (as the last collection found them). */
    static boolean high() {
        long max = RUNTIME.maxMemory();
        long mark = max / 100 * STOP_AT_PERCENT;
        if (RUNTIME.totalMemory() - RUNTIME.freeMemory() < mark)
            return false;
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_MS * 1_000_000L)
            return high;
        checkedAt = now;
        high = liveAfterLastCollection() > mark;
        return high;
    }

    /**
     * Whether {@code bytes} more could be held now without passing the mark: the heap's largest size less what the last
     * collection left, and less what is in use beyond the mark. For work that reads nothing while it allocates (a
     * writer that builds a whole answer in memory), asked before it starts.
     */
    public static boolean room(long bytes) {
        long max = RUNTIME.maxMemory();
        long mark = max / 100 * STOP_AT_PERCENT;
        long inUse = RUNTIME.totalMemory() - RUNTIME.freeMemory();
        if (inUse + bytes < mark)
            return true;
        return liveAfterLastCollection() + bytes < mark;
    }

    /** The heap in use right after the latest collection, by any collector (0 before the first). */
    static long liveAfterLastCollection() {
        GcInfo last = null;
        for (GarbageCollectorMXBean c : COLLECTORS) {
            GcInfo i = c.getLastGcInfo();
            if (i != null && (last == null || i.getEndTime() > last.getEndTime()))
                last = i;
        }
        if (last == null)
            return 0;
        return last.getMemoryUsageAfterGc().entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }
}
