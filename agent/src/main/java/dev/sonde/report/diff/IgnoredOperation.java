package dev.sonde.report.diff;

/** An operation in both runs that was not compared: fewer calls than the rule's minimum in a run. */
public final class IgnoredOperation {

    private final String name;
    private final long baseCount;
    private final long currentCount;

    IgnoredOperation(String name, long baseCount, long currentCount) {
        this.name = name;
        this.baseCount = baseCount;
        this.currentCount = currentCount;
    }

    public String name() {
        return name;
    }

    public long baseCount() {
        return baseCount;
    }

    public long currentCount() {
        return currentCount;
    }
}
