package dev.sonde.profile;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The on-demand profiles in progress (the {@code profile} command, the MBean), each blocking the
 * thread of the call that asked for it for its duration. {@link #finishAll} ends them before sonde
 * detaches: interrupted, a profile stops early and is still written and logged, so the final report
 * lists it and nothing of sonde is written after it says "detached". From then on new ones are
 * refused. Thread-safe.
 */
public final class OnDemandProfiles {

    private final Set<Thread> inProgress = new HashSet<>();
    private boolean finished;

    /** Called on the asking thread before it profiles; false once {@link #finishAll} has run. */
    public synchronized boolean begin() {
        if (finished) {
            return false;
        }
        inProgress.add(Thread.currentThread());
        return true;
    }

    /** Called on the asking thread when its profile is written (or failed). */
    public synchronized void end() {
        inProgress.remove(Thread.currentThread());
        if (finished) {
            // Interrupted by finishAll: the flag must not follow the thread (a JMX connection's) back out.
            Thread.interrupted();
        }
        notifyAll();
    }

    /**
     * Refuses new profiles, stops those in progress and waits at most {@code bound} for them to be
     * written; returns false if some were still being written then.
     */
    public synchronized boolean finishAll(Duration bound) {
        finished = true;
        inProgress.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (!inProgress.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
