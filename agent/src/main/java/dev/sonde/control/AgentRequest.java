package dev.sonde.control;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code agentmain} call asks of sonde, carried in the agent argument text.
 *
 * <p>The command line's {@code attach}, {@code dump} and {@code detach} all travel the same way: the
 * attach API loads the agent jar once more with a request as its arguments, and the new
 * {@code agentmain} hands it to the agent already running (see {@code AgentHandle}). Plain agent
 * arguments ({@code -javaagent:sonde-agent.jar=include=...}, or any tool's own {@code loadAgent})
 * are a start request. A request from the command line starts with {@value #PREFIX}, which no
 * {@code key=value} list can, and carries its values URL-encoded, so that commas, semicolons and
 * spaces in patterns and paths survive.
 *
 * <p>{@code reply} names a file the target writes one {@link ControlReply} line to before
 * {@code agentmain} returns; the command line reads it once {@code loadAgent} returns.
 */
public final class AgentRequest {

    static final String PREFIX = "sonde-request:";

    /** What to do. */
    public enum Command {
        /** Start sonde, or reconfigure the running one, with {@link #configuration()}. */
        START,
        /** Write a report now ({@code trigger: on-demand}). */
        DUMP,
        /** Remove the instrumentation, write the final report, stop. */
        DETACH
    }

    private final Command command;
    private final String configuration;
    private final Path reply;
    private final Path out;
    private final boolean reset;

    private AgentRequest(Command command, String configuration, Path reply, Path out, boolean reset) {
        this.command = command;
        this.configuration = configuration;
        this.reply = reply;
        this.out = out;
        this.reset = reset;
    }

    public static AgentRequest start(String configuration) {
        return new AgentRequest(Command.START, configuration == null ? "" : configuration, null, null, false);
    }

    /** @param out the report file, or null for a new file in the agent's {@code out} directory */
    public static AgentRequest dump(Path out, boolean reset) {
        return new AgentRequest(Command.DUMP, "", null, out, reset);
    }

    public static AgentRequest detach() {
        return new AgentRequest(Command.DETACH, "", null, null, false);
    }

    /** The same request, asking for its {@link ControlReply} line in {@code file}. */
    public AgentRequest replyTo(Path file) {
        return new AgentRequest(command, configuration, file, out, reset);
    }

    public Command command() {
        return command;
    }

    /** Agent arguments ({@code key=value,...}) of a start request. */
    public String configuration() {
        return configuration;
    }

    /** Where to write the reply line; null if nobody waits for one. */
    public Path reply() {
        return reply;
    }

    public Path out() {
        return out;
    }

    public boolean reset() {
        return reset;
    }

    /** The agent argument text for {@code loadAgent}. */
    public String encode() {
        StringBuilder text = new StringBuilder(PREFIX).append("command=").append(command.name().toLowerCase(Locale.ROOT));
        append(text, "config", configuration.isEmpty() ? null : configuration);
        append(text, "reply", reply == null ? null : reply.toString());
        append(text, "out", out == null ? null : out.toString());
        append(text, "reset", reset ? "true" : null);
        return text.toString();
    }

    /**
     * Reads agent arguments: a request written by {@link #encode}, or plain configuration.
     *
     * @throws IllegalArgumentException if the text has the request prefix but is not a request
     *                                  (another sonde version, or typed by hand)
     */
    public static AgentRequest parse(String arguments) {
        if (arguments == null || !arguments.startsWith(PREFIX)) {
            return start(arguments);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : arguments.substring(PREFIX.length()).split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("malformed sonde request: " + arguments);
            }
            values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        Command command;
        try {
            command = Command.valueOf(values.getOrDefault("command", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown sonde request '" + values.get("command") + "'");
        }
        return new AgentRequest(command, values.getOrDefault("config", ""), path(values.get("reply")),
                path(values.get("out")), "true".equals(values.get("reset")));
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append('&').append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static Path path(String text) {
        return text == null || text.isEmpty() ? null : Paths.get(text);
    }
}
