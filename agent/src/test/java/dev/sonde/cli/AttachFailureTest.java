package dev.sonde.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the attach API throws, as one line naming the cause (Byte Buddy's wrappers unwrapped). */
class AttachFailureTest {

    /** Byte Buddy's attacher calls the attach API reflectively and wraps its failure twice. */
    private static Throwable wrapped(Throwable cause) {
        return new IllegalStateException("Error during attachment using: ...", new InvocationTargetException(cause));
    }

    @Test
    void attachDisabledNamesTheFlag() {
        assertThat(AttachFailure.describe(wrapped(new AttachNotSupportedException("The VM does not support the attach mechanism")), 42))
                .isEqualTo("JVM 42 does not accept attach requests: it was started with -XX:+DisableAttachMechanism");
    }

    @Test
    void aProcessThatIsGoneIsSaidSo() {
        assertThat(AttachFailure.describe(new IOException("No such process"), 42))
                .isEqualTo("no process with pid 42 (has it exited?)");
    }

    @Test
    void anotherUsersJvmSaysWhoToRunAs() {
        assertThat(AttachFailure.describe(wrapped(new IOException("Operation not permitted")), 42))
                .startsWith("not allowed to attach to JVM 42 (Operation not permitted)")
                .endsWith("run this command as the user the JVM runs as");
    }

    @Test
    void aJvmThatDoesNotAnswerIsSaidToBeHungOrDeaf() {
        assertThat(AttachFailure.describe(new AttachNotSupportedException("Unable to open socket file /tmp/.java_pid42: "
                + "target process 42 doesn't respond within 10500ms or HotSpot VM not loaded"), 42))
                .startsWith("JVM 42 did not answer the attach request");
    }

    @Test
    void aJvmRefusingDynamicAgentsIsToldToUseJavaagent() {
        assertThat(AttachFailure.describe(wrapped(new AgentLoadException("Failed to load agent library: "
                + "Dynamic agent loading is not enabled. Use -XX:+EnableDynamicAgentLoading to launch target VM.")), 42))
                .startsWith("JVM 42 refuses agents loaded while it runs (-XX:-EnableDynamicAgentLoading)");
    }

    @Test
    void anythingElseKeepsItsTypeAndMessageOnOneLine() {
        assertThat(AttachFailure.describe(wrapped(new AgentInitializationException("agentmain threw")), 42))
                .isEqualTo("the agent could not be loaded into JVM 42 (AgentInitializationException: agentmain threw);"
                        + " the JVM's standard error says more");
        assertThat(AttachFailure.describe(new IllegalArgumentException("odd"), 42))
                .isEqualTo("could not attach to JVM 42: IllegalArgumentException: odd");
    }

    /** Stand-ins named like the attach API's exceptions, which this class matches by name. */
    private static final class AttachNotSupportedException extends Exception {
        AttachNotSupportedException(String message) {
            super(message);
        }
    }

    private static final class AgentLoadException extends Exception {
        AgentLoadException(String message) {
            super(message);
        }
    }

    private static final class AgentInitializationException extends Exception {
        AgentInitializationException(String message) {
            super(message);
        }
    }
}
