package dev.sonde.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The profiles taken since sonde started, oldest first, for the {@code profiles} list of every
 * report. Bounded: past {@link #LIMIT} entries the oldest are forgotten (their files stay). Thread-safe.
 */
public final class ProfileLog {

    static final int LIMIT = 1_000;

    private final List<ProfileRecord> records = new ArrayList<>();

    public synchronized void add(ProfileRecord record) {
        if (record == null) {
            return;
        }
        if (records.size() == LIMIT) {
            records.remove(0);
        }
        records.add(record);
    }

    public synchronized List<ProfileRecord> all() {
        return new ArrayList<>(records);
    }
}
