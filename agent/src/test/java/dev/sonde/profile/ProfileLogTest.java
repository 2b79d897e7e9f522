package dev.sonde.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileLogTest {

    private final ProfileLog log = new ProfileLog();

    @Test
    void addedAfterReturnsOnlyTheProfilesAddedSinceACount() {
        log.add(ProfileRecords.scheduled(Path.of("a")));
        long seen = log.count();
        log.add(ProfileRecords.scheduled(Path.of("b")));
        log.add(ProfileRecords.scheduled(Path.of("c")));

        assertThat(log.addedAfter(seen)).extracting(r -> r.file().toString()).containsExactly("b", "c");
        assertThat(log.addedAfter(log.count())).isEmpty();
        assertThat(log.addedAfter(0)).hasSize(3);
    }

    @Test
    void addedBetweenLeavesOutWhatWasAddedAfterTheReaderCounted() {
        long windowStart = log.count();
        log.add(ProfileRecords.scheduled(Path.of("a")));
        long windowEnd = log.count();
        log.add(ProfileRecords.scheduled(Path.of("b")));

        assertThat(log.addedBetween(windowStart, windowEnd)).extracting(r -> r.file().toString()).containsExactly("a");
        assertThat(log.addedBetween(windowEnd, log.count())).extracting(r -> r.file().toString()).containsExactly("b");
        assertThat(log.addedBetween(windowEnd, windowEnd)).isEmpty();
    }

    @Test
    void pastTheLimitTheOldestAreForgottenButTheCountGoesOn() {
        for (int i = 0; i < ProfileLog.LIMIT + 5; i++) {
            log.add(ProfileRecords.scheduled(Path.of("p" + i)));
        }
        assertThat(log.all()).hasSize(ProfileLog.LIMIT);
        assertThat(log.all().get(0).file().toString()).isEqualTo("p5");
        assertThat(log.count()).isEqualTo(ProfileLog.LIMIT + 5);
        assertThat(log.addedAfter(log.count() - 2)).extracting(r -> r.file().toString())
                .containsExactly("p" + (ProfileLog.LIMIT + 3), "p" + (ProfileLog.LIMIT + 4));
        assertThat(log.addedAfter(0)).as("only what is remembered").hasSize(ProfileLog.LIMIT);
        assertThat(log.addedBetween(0, log.count() - 2)).as("only what is remembered").hasSize(ProfileLog.LIMIT - 2)
                .last().extracting(r -> r.file().toString()).isEqualTo("p" + (ProfileLog.LIMIT + 2));
    }
}
