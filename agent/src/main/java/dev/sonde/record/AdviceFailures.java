package dev.sonde.record;

import dev.sonde.bootstrap.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failures of inlined advice, counted per place since recording began. The advice never lets them
 * reach the application, so without this count the calls they cost would vanish without a word:
 * each place is said once on stderr, and every report lists them all.
 *
 * <p>Called on the application's threads, only when advice failed. A repeated failure takes a map
 * lookup and an increment and allocates nothing (under a full heap the same advice may fail on
 * every call); the first one at a place builds its line.
 */
public final class AdviceFailures {

    /** Past this many places, failures are counted together, without their place. */
    static final int MAX_PLACES = 1_000;

    private final ConcurrentMap<String, Place> places = new ConcurrentHashMap<>();
    private final LongAdder elsewhere = new LongAdder();

    /** One more failure of the advice at {@code where}. */
    public void failed(Throwable failure, String where) {
        Place place = places.get(where);
        if (place == null) {
            place = firstAt(failure, where);
        }
        if (place == null) {
            elsewhere.increment();
        } else {
            place.count.increment();
        }
    }

    /** The new place's record, or null past {@link #MAX_PLACES}. */
    private Place firstAt(Throwable failure, String where) {
        if (places.size() >= MAX_PLACES) {
            return null;
        }
        Place created = new Place(Log.describe(failure));
        Place earlier = places.putIfAbsent(where, created);
        if (earlier != null) {
            return earlier;
        }
        Log.error("advice failed in " + where + "; such calls run unchanged but are not recorded"
                + " (said once for it; the report counts them)", failure);
        return created;
    }

    /** One line per place, by place: "advice failed 12 times in com.acme.X#m: first NullPointerException: ...". */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        Map<String, Place> sorted = new TreeMap<>(places);
        sorted.forEach((where, place) -> warnings.add("advice failed " + times(place.count.sum()) + " in " + where
                + ": first " + place.first));
        long others = elsewhere.sum();
        if (others > 0) {
            warnings.add("advice failed " + times(others) + " in places past the first " + MAX_PLACES);
        }
        return warnings;
    }

    private static String times(long count) {
        return count == 1 ? "once" : count + " times";
    }

    /** One place's count, and the failure that was seen there first. */
    private static final class Place {
        final String first;
        final LongAdder count = new LongAdder();

        Place(String first) {
            this.first = first;
        }
    }
}
