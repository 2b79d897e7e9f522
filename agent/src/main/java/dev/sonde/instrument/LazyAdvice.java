package dev.sonde.instrument;

import net.bytebuddy.asm.Advice;

import java.util.function.Supplier;

/**
 * An {@link Advice} built when the first class that needs it is transformed. Building one parses
 * the advice class; doing that for every advice while the agent starts would delay the
 * application's {@code main} for advice that may never be used. Thread-safe: two threads
 * transforming at once may both build it, and either result serves.
 */
final class LazyAdvice {

    private final Supplier<Advice> builder;
    private volatile Advice advice;

    LazyAdvice(Supplier<Advice> builder) {
        this.builder = builder;
    }

    Advice get() {
        Advice built = advice;
        if (built == null) {
            built = builder.get();
            advice = built;
        }
        return built;
    }
}
