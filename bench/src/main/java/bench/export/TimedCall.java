package bench.export;

/** The method whose per-call cost ScrapeCost compares with the metrics export off and on. */
public final class TimedCall {

    private long state = 1;

    public long call(long input) {
        state = state * 6364136223846793005L + input;
        return state;
    }
}
