package dev.sonde.cli;

import java.util.Locale;

/**
 * Turns what the attach API throws into one line that names the cause and what to do. The API's own
 * messages are about sockets and signals ({@code Unable to open socket file /tmp/.java_pid4242: target
 * process 4242 doesn't respond within 10500ms}); Byte Buddy's attacher wraps them twice. Exceptions
 * are matched by class name and message, so this class needs no {@code jdk.attach} to load.
 */
final class AttachFailure {

    private AttachFailure() {
    }

    static String describe(Throwable thrown, long pid) {
        Throwable cause = innermost(thrown);
        String type = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("does not support the attach mechanism")) {
            return "JVM " + pid + " does not accept attach requests: it was started with -XX:+DisableAttachMechanism";
        }
        if (lower.contains("no such process")) {
            return "no process with pid " + pid + " (has it exited?)";
        }
        if (lower.contains("operation not permitted") || lower.contains("permission denied")
                || lower.contains("not secure") || lower.contains("owned by")) {
            return "not allowed to attach to JVM " + pid + " (" + message + "); the attach API connects only to JVMs of"
                    + " the same user: run this command as the user the JVM runs as";
        }
        if (lower.contains("doesn't respond") || lower.contains("unable to open socket file")) {
            return "JVM " + pid + " did not answer the attach request within the attach timeout (is it hung, or"
                    + " started with -Xrs?)";
        }
        if (lower.contains("dynamic") && lower.contains("agent")) {
            return "JVM " + pid + " refuses agents loaded while it runs (-XX:-EnableDynamicAgentLoading); start it with"
                    + " -javaagent:sonde-agent.jar instead";
        }
        if (type.endsWith("AgentLoadException") || type.endsWith("AgentInitializationException")) {
            return "the agent could not be loaded into JVM " + pid + " (" + cause.getClass().getSimpleName() + ": " + message
                    + "); the JVM's standard error says more";
        }
        return "could not attach to JVM " + pid + ": " + cause.getClass().getSimpleName() + ": " + message;
    }

    /** Byte Buddy's wrappers ({@code IllegalStateException}, {@code InvocationTargetException}) unwrapped. */
    private static Throwable innermost(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
