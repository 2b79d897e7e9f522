package dev.sonde.record;

/** What is measured per call besides its duration. */
public final class RecordingOptions {

    private final boolean allocation;
    private final boolean selfTime;

    public RecordingOptions(boolean allocation, boolean selfTime) {
        this.allocation = allocation;
        this.selfTime = selfTime;
    }

    public boolean allocation() {
        return allocation;
    }

    public boolean selfTime() {
        return selfTime;
    }

    /** The thread's allocation counter as a call begins, or {@link CallBuffer#NOT_RECORDED} with allocation off. */
    long allocationCounter() {
        return allocation ? AllocationCounter.currentThreadAllocatedBytes() : CallBuffer.NOT_RECORDED;
    }

    /** Whether calls go through {@code enter}/{@code exit} frames rather than a single {@code record}. */
    public boolean needsFrames() {
        return allocation || selfTime;
    }
}
