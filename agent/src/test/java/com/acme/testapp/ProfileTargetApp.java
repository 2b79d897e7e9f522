package com.acme.testapp;

/**
 * Keeps one kind of work going for a given time, so a flame graph has a known hottest frame:
 * <ul>
 *   <li>{@code cpu S}: {@link #burnCpu} computes for S seconds</li>
 *   <li>{@code wall S}: {@link #sleepALot} sleeps for S seconds</li>
 *   <li>{@code alloc S}: {@link #allocateALot} allocates for S seconds</li>
 *   <li>{@code slow-later S T}: {@link #serve} answers fast, then slowly (1 s) from T seconds on,
 *       for S seconds in all: a profile trigger must fire only after T</li>
 * </ul>
 */
public final class ProfileTargetApp {

    public static volatile Object sink;

    private ProfileTargetApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[1]);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        switch (args[0]) {
            case "cpu":
                while (System.nanoTime() < end) {
                    sink = burnCpu();
                }
                break;
            case "wall":
                while (System.nanoTime() < end) {
                    sleepALot();
                }
                break;
            case "alloc":
                while (System.nanoTime() < end) {
                    allocateALot();
                }
                break;
            default:
                long slowFrom = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
                boolean slow = false;
                while (System.nanoTime() < end) {
                    if (!slow && System.nanoTime() >= slowFrom) {
                        slow = true;
                        System.out.println("slow-from " + System.currentTimeMillis());
                    }
                    serve(slow);
                }
        }
        System.out.println("profile-target done");
    }

    public static long burnCpu() {
        long x = 17;
        for (int i = 0; i < 5_000_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    public static void sleepALot() throws InterruptedException {
        Thread.sleep(50);
    }

    public static void allocateALot() {
        for (int i = 0; i < 1_000; i++) {
            sink = new long[256];
        }
    }

    /**
     * Fast: about 1 ms of computing (no sleep a busy scheduler could stretch); slow: 1 s asleep, far
     * above any stall a loaded machine gives a fast call.
     */
    public static void serve(boolean slow) throws InterruptedException {
        if (slow) {
            Thread.sleep(1_000);
        } else {
            long until = System.nanoTime() + 1_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }
}
