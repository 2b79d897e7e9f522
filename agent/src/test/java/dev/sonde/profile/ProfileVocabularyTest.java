package dev.sonde.profile;

import dev.sonde.config.ProfilingConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration checks profile events and formats by name; these are the names it must accept. */
class ProfileVocabularyTest {

    @Test
    void theConfigurationAcceptsExactlyTheProfileEvents() {
        assertThat(ProfilingConfig.EVENTS)
                .containsExactlyElementsOf(Arrays.stream(ProfileEvent.values()).map(ProfileEvent::label)::iterator);
    }

    @Test
    void theConfigurationAcceptsExactlyTheProfileFormats() {
        assertThat(ProfilingConfig.FORMATS)
                .containsExactlyElementsOf(Arrays.stream(ProfileFormat.values()).map(ProfileFormat::extension)::iterator);
    }
}
