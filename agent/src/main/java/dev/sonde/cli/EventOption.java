package dev.sonde.cli;

import dev.sonde.config.ProfilingConfig;
import dev.sonde.profile.ProfileEvent;

import java.util.Arrays;

/** {@code --event E} of {@code profile} and {@code convert}: one of the profile events, by its exact label. */
final class EventOption {

    private EventOption() {
    }

    /** The event named by {@code --event}, {@code cpu} when it is not given. */
    static ProfileEvent of(CommandLine line) throws UsageException {
        String name = line.option("event").orElse(ProfileEvent.CPU.label());
        return Arrays.stream(ProfileEvent.values()).filter(event -> event.label().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("--event is " + ProfilingConfig.choices(ProfilingConfig.EVENTS)
                        + ", not '" + name + "'"));
    }
}
