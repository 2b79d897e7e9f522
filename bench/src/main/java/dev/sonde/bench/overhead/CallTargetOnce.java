package dev.sonde.bench.overhead;

import bench.monitored.MonitoredTarget;

/** Calls the benchmark's target method once (three levels deep): a contender must show it timed these calls. */
public final class CallTargetOnce {

    private CallTargetOnce() {
    }

    public static void main(String[] args) {
        System.out.println("recurse(3) = " + new MonitoredTarget().recurse(3));
    }
}
