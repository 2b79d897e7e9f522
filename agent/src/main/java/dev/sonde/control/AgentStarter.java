package dev.sonde.control;

import dev.sonde.bootstrap.AgentHandle;
import dev.sonde.bootstrap.Log;
import dev.sonde.config.Config;
import dev.sonde.config.ConfigException;
import dev.sonde.config.ConfigLoader;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.function.UnaryOperator;

import static dev.sonde.control.ControlReply.error;

/**
 * What every {@code premain} and {@code agentmain} call does once the bootstrap class path holds the
 * recorder API: read the {@link AgentRequest}, hand it to the sonde already running in this JVM if
 * there is one ({@link AgentHandle}), or else start sonde. The reply line goes to the file the request
 * names. Any failure ends in one {@code [sonde]} line and an untouched application.
 */
public final class AgentStarter {

    private AgentStarter() {
    }

    /** Entry point called reflectively by {@code SondeAgent}. */
    public static void start(String arguments, Instrumentation instrumentation, boolean atStartup, File agentJar) {
        AgentRequest request;
        try {
            request = AgentRequest.parse(arguments);
        } catch (IllegalArgumentException e) {
            Log.error(e.getMessage() + "; ignored");
            return;
        }
        String reply;
        try {
            UnaryOperator<String> running = AgentHandle.running();
            if (running != null) {
                // A second attach, or a second -javaagent (one in JAVA_TOOL_OPTIONS, one on the
                // command line): its keys are laid over the running ones, as the later source wins.
                reply = running.apply(arguments == null ? "" : arguments);
            } else if (request.command() == AgentRequest.Command.START) {
                reply = startNew(request.configuration(), instrumentation, atStartup);
            } else {
                reply = error("sonde is not running in this JVM");
            }
        } catch (Throwable t) {
            reply = notStarted(t);
        }
        if (request.reply() != null) {
            try {
                ControlReply.write(request.reply(), reply);
            } catch (IOException | RuntimeException e) {
                Log.error("could not hand the reply to the sonde command (" + request.reply() + ")", e);
            }
        }
    }

    /** Says on stderr that sonde could not start because of {@code cause}; returns the reply line. */
    static String notStarted(Throwable cause) {
        Log.error("not started: " + cause + "; the application runs without sonde");
        if (Log.isDebug()) {
            cause.printStackTrace();
        }
        return error("not started: " + Log.describe(cause));
    }

    private static String startNew(String arguments, Instrumentation instrumentation, boolean atStartup) {
        Config config;
        try {
            config = ConfigLoader.fromThisJvm().load(arguments);
        } catch (ConfigException e) {
            String message = "invalid configuration: " + e.getMessage() + "; sonde is disabled, the application runs normally";
            Log.error(message);
            return error(message);
        }
        Log.setLevel(config.logLevel());
        config.warnings().forEach(Log::error);
        config = config.withOut(OutputDirectory.choose(config.out()));
        if (config.includes().isEmpty()) {
            Log.info("no include= patterns given: no method is timed (example: include=com.acme.**Service#*)");
        }
        return RunningAgent.start(arguments, config, instrumentation, atStartup);
    }
}
