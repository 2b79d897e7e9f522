package dev.sonde.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The profiles taken since sonde started, oldest first, for the {@code profiles} list of every
 * report. Bounded: past {@link #LIMIT} entries the oldest are forgotten (their files stay). Thread-safe.
 *
 * <p>Each profile added gets the next number of a running count ({@link #count()}), so a reader that
 * remembers the count it saw last can ask for just the profiles added after it ({@link #addedAfter}).
 */
public final class ProfileLog {

    static final int LIMIT = 1_000;

    private final List<ProfileRecord> records = new ArrayList<>();
    private long added;

    public synchronized void add(ProfileRecord record) {
        if (record == null) {
            return;
        }
        if (records.size() == LIMIT) {
            records.remove(0);
        }
        records.add(record);
        added++;
    }

    public synchronized List<ProfileRecord> all() {
        return new ArrayList<>(records);
    }

    /** How many profiles were added so far, forgotten ones included. */
    public synchronized long count() {
        return added;
    }

    /** The profiles added after the log held {@code count} (those still remembered). */
    public synchronized List<ProfileRecord> addedAfter(long count) {
        return addedBetween(count, added);
    }

    /**
     * The profiles added after the log held {@code from} and up to when it held {@code to} (those
     * still remembered): a reader that took {@code to} from {@link #count()} gets exactly the profiles
     * it counted, however many are added meanwhile.
     */
    public synchronized List<ProfileRecord> addedBetween(long from, long to) {
        int start = (int) Math.max(0, records.size() - Math.max(0, added - from));
        int end = (int) Math.max(start, records.size() - Math.max(0, added - to));
        return new ArrayList<>(records.subList(start, end));
    }
}
