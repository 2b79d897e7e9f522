package dev.sonde.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated so far by the current thread, from {@code com.sun.management.ThreadMXBean}.
 *
 * <p>{@code getCurrentThreadAllocatedBytes()} (JDK 14+) reads the thread's TLAB counters in one JNI
 * call (no intrinsic, about 15 ns: most of what allocation recording costs per call); the agent is
 * compiled for Java 11, where only the slower {@code getThreadAllocatedBytes(long id)} exists, so the
 * fast one is bound once as a constant method handle that the JIT inlines. Returns {@link #UNAVAILABLE} where the JVM cannot tell
 * (unsupported or disabled, virtual threads).
 */
final class AllocationCounter {

    static final long UNAVAILABLE = -1;

    private static final MethodHandle CURRENT_THREAD_ALLOCATED = bind();

    private AllocationCounter() {
    }

    static boolean isAvailable() {
        return CURRENT_THREAD_ALLOCATED != null;
    }

    static long currentThreadAllocatedBytes() {
        if (CURRENT_THREAD_ALLOCATED == null) {
            return UNAVAILABLE;
        }
        try {
            return (long) CURRENT_THREAD_ALLOCATED.invokeExact();
        } catch (Throwable t) {
            return UNAVAILABLE;
        }
    }

    private static MethodHandle bind() {
        try {
            java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            if (!(bean instanceof com.sun.management.ThreadMXBean)) {
                return null;
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
            if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
                return null;
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                return lookup.findVirtual(com.sun.management.ThreadMXBean.class, "getCurrentThreadAllocatedBytes",
                        MethodType.methodType(long.class)).bindTo(threads);
            } catch (NoSuchMethodException beforeJdk14) {
                MethodHandle byId = lookup.findVirtual(com.sun.management.ThreadMXBean.class, "getThreadAllocatedBytes",
                        MethodType.methodType(long.class, long.class)).bindTo(threads);
                MethodHandle currentId = lookup.findStatic(AllocationCounter.class, "currentThreadId",
                        MethodType.methodType(long.class));
                return MethodHandles.filterArguments(byId, 0, currentId);
            }
        } catch (Throwable t) {
            return null;
        }
    }

    @SuppressWarnings("deprecation") // Thread#getId: threadId() is JDK 19+.
    private static long currentThreadId() {
        return Thread.currentThread().getId();
    }
}
