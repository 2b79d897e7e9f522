package dev.sonde.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class LogTest {

    @Test
    void anExceptionIsItsSimpleNameAndMessage() {
        assertThat(Log.describe(new NoSuchFileException("/tmp/x"))).isEqualTo("NoSuchFileException: /tmp/x");
        assertThat(Log.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aWrappedIoProblemIsNotRepeated() {
        assertThat(Log.describe(new java.io.UncheckedIOException("write failed", new java.io.IOException("disk full"))))
                .isEqualTo("UncheckedIOException: write failed");
    }

    @Test
    void aClassThatCouldNotBeInitializedNamesTheFirstFailure() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class a.B");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.StackOverflowError [in thread \"w\"]"));

        assertThat(Log.describe(later)).isEqualTo("NoClassDefFoundError: Could not initialize class a.B"
                + " (cause: ExceptionInInitializerError: Exception java.lang.StackOverflowError [in thread \"w\"])");
    }

    @Test
    void aClassThatFailsToInitializeNamesWhatItThrew() {
        ExceptionInInitializerError error = new ExceptionInInitializerError(new IllegalArgumentException("bad"));

        assertThat(Log.describe(error)).isEqualTo("ExceptionInInitializerError (cause: IllegalArgumentException: bad)");
    }

    @Test
    void causesThatLoopBackEndTheLine() {
        NoClassDefFoundError first = new NoClassDefFoundError("a");
        NoClassDefFoundError second = new NoClassDefFoundError("b");
        first.initCause(second);
        second.initCause(first);

        assertThat(Log.describe(first)).isEqualTo("NoClassDefFoundError: a (cause: NoClassDefFoundError: b"
                + " (cause: NoClassDefFoundError: a (cause: NoClassDefFoundError: b)))");
    }
}
