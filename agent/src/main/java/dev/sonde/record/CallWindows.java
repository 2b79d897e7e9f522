package dev.sonde.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * When each call of the followed operations ran, and on which thread, while a profile runs: the
 * windows that the profile's samples are sorted into (slow calls, normal calls).
 *
 * <p>Bounded: the first {@link #CAPACITY} calls are kept, later ones only counted
 * ({@link #leftOut()}). The arrays (about 7 MiB) exist only while a profile follows calls. Threads
 * are named by their OS id where it is known ({@link #osThreadIds()}).
 *
 * <p>{@link #ended} is called on application threads, any number at once, only while this object
 * is followed ({@link OperationRegistry#follow}): one atomic increment per followed call, no
 * allocation (an operation first seen takes a lock once to be looked up, a thread's first call
 * reads its OS id once). A window's fields are
 * stored before its operation, which is release-stored; {@link #collected} reads the operation with
 * an acquire load and skips windows still being written, so it sees whole windows only.
 */
public final class CallWindows {

    /** Calls kept per profile: 262 144. */
    public static final int CAPACITY = 1 << 18;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int UNDECIDED = 0;
    private static final int NOT_FOLLOWED = -1;

    private final OperationRegistry registry;
    private final List<String> followed;
    /** Per operation id: {@link #UNDECIDED}, {@link #NOT_FOLLOWED}, or the index in {@link #followed} plus one. */
    private volatile int[] slotOf = new int[0];
    private final int capacity;
    private final long[] starts;
    private final long[] ends;
    private final long[] threads;
    private final int[] slots;
    /** Whether {@link #threads} holds OS thread ids (else Java ones, where the OS id is unknown). */
    private final boolean osThreadIds = OsThreadId.current() != OsThreadId.UNKNOWN;
    /** The calling thread's id as windows keep it, looked up once per thread and profile. */
    private final ThreadLocal<long[]> threadId = ThreadLocal.withInitial(() -> new long[] {threadIdOfCaller()});
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder leftOut = new LongAdder();

    public CallWindows(OperationRegistry registry, List<String> operationNames) {
        this(registry, operationNames, CAPACITY);
    }

    CallWindows(OperationRegistry registry, List<String> operationNames, int capacity) {
        this.registry = registry;
        this.followed = List.copyOf(operationNames);
        this.capacity = capacity;
        this.starts = new long[capacity];
        this.ends = new long[capacity];
        this.threads = new long[capacity];
        this.slots = new int[capacity];
    }

    /** A call of {@code operation} has just ended on this thread after {@code nanos}. */
    void ended(int operation, long nanos) {
        int slot = slotOf(operation);
        if (slot <= 0) {
            return;
        }
        long end = System.nanoTime();
        int index = next.get() < capacity ? next.getAndIncrement() : capacity;
        if (index >= capacity) {
            leftOut.increment();
            return;
        }
        starts[index] = end - nanos;
        ends[index] = end;
        threads[index] = threadId.get()[0];
        SLOTS.setRelease(slots, index, slot);
    }

    private long threadIdOfCaller() {
        long os = osThreadIds ? OsThreadId.current() : OsThreadId.UNKNOWN;
        return os != OsThreadId.UNKNOWN ? os : Thread.currentThread().getId();
    }

    /**
     * Whether {@link CallWindow#thread()} is the operating system's thread id (Linux), as
     * async-profiler names threads; else it is {@link Thread#getId()}.
     */
    public boolean osThreadIds() {
        return osThreadIds;
    }

    private int slotOf(int operation) {
        int[] known = slotOf;
        int slot = operation < known.length ? known[operation] : UNDECIDED;
        return slot != UNDECIDED ? slot : decide(operation);
    }

    /** Looks a newly seen operation up by name, once per operation. */
    private synchronized int decide(int operation) {
        int[] known = slotOf;
        if (operation < known.length && known[operation] != UNDECIDED) {
            return known[operation];
        }
        int[] grown = Arrays.copyOf(known, Math.max(known.length, operation + 1));
        int index = followed.indexOf(registry.operation(operation).name);
        grown[operation] = index < 0 ? NOT_FOLLOWED : index + 1;
        slotOf = grown;
        return grown[operation];
    }

    /** The names of the followed operations. */
    public List<String> operations() {
        return followed;
    }

    /** The whole windows recorded so far, of every followed operation. */
    public List<CallWindow> collected() {
        int filled = Math.min(next.get(), capacity);
        List<CallWindow> windows = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            int slot = (int) SLOTS.getAcquire(slots, i);
            if (slot > 0) {
                windows.add(new CallWindow(followed.get(slot - 1), threads[i], starts[i], ends[i]));
            }
        }
        return windows;
    }

    /** Calls of followed operations past the capacity: in no window. */
    public long leftOut() {
        return leftOut.sum();
    }
}
