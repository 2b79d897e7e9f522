package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.lang.reflect.UndeclaredThrowableException;
import java.rmi.UnmarshalException;

import static org.assertj.core.api.Assertions.assertThat;

class ControlConnectionTest {

    @Test
    void aLostConnectionIsDescribedByItsInnermostCauseOnOneLine() {
        UnmarshalException rmi = new UnmarshalException(
                "Error unmarshaling return header; nested exception is: \n\tjava.io.EOFException", new EOFException());
        RuntimeException thrownByTheProxy = new UndeclaredThrowableException(rmi);

        assertThat(ControlConnection.rootCause(thrownByTheProxy)).isEqualTo("EOFException");
        assertThat(ControlConnection.rootCause(new IllegalStateException("a\n\tb"))).isEqualTo("IllegalStateException: a b");
    }
}
