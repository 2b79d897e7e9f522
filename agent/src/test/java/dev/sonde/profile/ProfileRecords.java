package dev.sonde.profile;

import java.nio.file.Path;
import java.time.Instant;

/** Profile records for tests outside this package (the constructor is package-private). */
public final class ProfileRecords {

    private ProfileRecords() {
    }

    public static ProfileRecord scheduled(Path file) {
        return new ProfileRecord(file, ProfileEvent.named("cpu").orElseThrow(), Instant.now(), 1.0, "scheduled");
    }
}
