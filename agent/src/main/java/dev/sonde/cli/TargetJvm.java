package dev.sonde.cli;

import dev.sonde.control.AgentControlMXBean;
import dev.sonde.control.AgentRequest;
import dev.sonde.control.ControlReply;
import dev.sonde.control.PublishedProperties;
import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * A JVM on this machine that {@code attach}, {@code dump} and {@code detach} talk to. Checks come
 * first and each says what is wrong in one line: a process id that is not one, a process that has
 * exited, belongs to another user or is no JVM at all. Only then is the attach API used, and its
 * failures are translated too ({@link AttachFailure}).
 *
 * <p>Two ways in: {@link #send} loads the agent jar with an {@link AgentRequest} as its arguments
 * (Byte Buddy's attacher); its {@code agentmain} starts sonde or hands the request to the running
 * one, which writes a one-line reply file ({@link ControlReply}). That is the only way to start
 * sonde in a running JVM. A sonde that runs already is asked through its MBean instead
 * ({@link #control}, see {@link ControlConnection} for why), with {@link #send} as the fallback.
 */
final class TargetJvm {

    /** Below this, the agent jar's class files (Java 11) cannot load. */
    static final int MIN_JAVA = 11;

    private static final int SIGQUIT = 3;

    private static final String ATTACH_REQUEST = "the attach request";

    private final long pid;

    private TargetJvm(long pid) {
        this.pid = pid;
    }

    /** The JVM with this process id, after the checks that need no attach. */
    static TargetJvm at(String pidText) throws UsageException, TargetException {
        long pid = parsePid(pidText);
        if (pid == ProcessHandle.current().pid()) {
            throw new TargetException("pid " + pid + " is this sonde command itself");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw new TargetException("no process with pid " + pid + " (has it exited?)");
        }
        requireAttachSupport();
        checkSameUser(pid, process.get());
        checkIsJvm(pid, process.get());
        return new TargetJvm(pid);
    }

    static long parsePid(String text) throws UsageException {
        try {
            long pid = Long.parseLong(text.trim());
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("'" + text + "' is not a process id (find it with: java -jar sonde-agent.jar list)");
    }

    /** The attach API is the {@code jdk.attach} module: in every JDK, missing from a JRE or a jlinked runtime. */
    static void requireAttachSupport() throws TargetException {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw new TargetException("this Java runtime (" + System.getProperty("java.home") + ") has no attach"
                    + " support (module jdk.attach); run sonde with a JDK's java");
        }
    }

    long pid() {
        return pid;
    }

    /**
     * The target's system properties, read through the attach API without loading anything into it.
     * The first thing every command asks, so a JVM that stopped answering is found here, within
     * {@link JvmAnswer#CONTACT}.
     */
    Properties systemProperties() throws TargetException {
        return JvmAnswer.answerWithin(JvmAnswer.CONTACT, pid, ATTACH_REQUEST, () -> LocalJvms.systemProperties(pid));
    }

    /** Refuses a target whose Java cannot load sonde. */
    static void checkJavaVersion(long pid, Properties properties) throws TargetException {
        String version = properties.getProperty("java.specification.version", "");
        int feature;
        try {
            feature = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        } catch (NumberFormatException e) {
            return;
        }
        if (feature < MIN_JAVA) {
            throw new TargetException("JVM " + pid + " runs Java " + feature + "; sonde needs Java " + MIN_JAVA + " or newer");
        }
    }

    /** The target's sonde version, or a {@link TargetException} if sonde does not run there. */
    static String requireSonde(long pid, Properties properties) throws TargetException {
        String version = properties.getProperty(PublishedProperties.VERSION);
        if (version == null) {
            throw new TargetException("sonde is not running in JVM " + pid
                    + "; start it with: java -jar sonde-agent.jar attach " + pid + " include=<patterns>");
        }
        return version;
    }

    /**
     * Starts sonde there with {@code arguments}, after refusing a JVM that holds another sonde jar's
     * classes ({@link LoadedSondeJar}), which that start would run instead of this one's.
     *
     * @param properties the target's system properties, as read for the caller's own checks
     */
    String start(String arguments, Properties properties) throws TargetException {
        LoadedSondeJar.checkSameBuild(pid, properties, agentJar());
        return send(AgentRequest.start(arguments));
    }

    /** Sends a request and returns the target's reply message; an error reply is a {@link TargetException}. */
    String send(AgentRequest request) throws TargetException {
        File jar = agentJar();
        Path reply = ControlReply.newFileFor(pid);
        // Returns once agentmain has: after the request's work (e.g. instrumenting), hence the longer bound.
        JvmAnswer.answerWithin(JvmAnswer.REQUEST, pid, question(request), () -> {
            ByteBuddyAgent.attach(jar, String.valueOf(pid), request.replyTo(reply).encode());
            return reply;
        });
        String line;
        try {
            line = ControlReply.take(reply, pid).orElseThrow(() -> new TargetException("JVM " + pid
                    + " did not answer; its standard error may say why (lines starting with [sonde])"));
        } catch (IOException e) {
            throw new TargetException("cannot read the answer of JVM " + pid + " from " + reply + ": " + e);
        }
        if (!ControlReply.isOk(line)) {
            throw new TargetException(ControlReply.message(line));
        }
        return ControlReply.message(line);
    }

    /** Asks the running sonde over JMX, or, where JMX cannot reach it, through the agent jar. */
    String control(Function<AgentControlMXBean, String> overJmx, AgentRequest request) throws TargetException {
        Optional<ControlConnection> connection = ControlConnection.open(pid);
        if (connection.isPresent()) {
            try (ControlConnection open = connection.get()) {
                return open.call(question(request), JvmAnswer.REQUEST, overJmx);
            }
        }
        return send(request);
    }

    /** How a request is named when the JVM does not answer it: "the dump request". */
    private static String question(AgentRequest request) {
        switch (request.command()) {
            case START:
                return ATTACH_REQUEST;
            case DUMP:
                return "the dump request";
            default:
                return "the detach request";
        }
    }

    /** The jar this command runs from: the one loaded into the target. */
    static File agentJar() throws TargetException {
        try {
            File location = new File(TargetJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.isFile()) {
                return location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // reported below
        }
        throw new TargetException("attach, dump and detach run from the agent jar: java -jar sonde-agent.jar ...");
    }

    /**
     * The attach API only connects a user to their own JVMs (root excepted); its own error is
     * {@code Operation not permitted}. Said up front, with the user to run as.
     */
    private static void checkSameUser(long pid, ProcessHandle process) throws TargetException {
        String me = System.getProperty("user.name");
        Optional<String> owner = process.info().user();
        if (owner.isPresent() && !owner.get().equals(me) && !"root".equals(me)) {
            throw new TargetException("JVM " + pid + " runs as user '" + owner.get() + "' and this command as '" + me
                    + "'; the attach API connects only to JVMs of the same user: run it as " + owner.get()
                    + " (e.g. sudo -u " + owner.get() + " java -jar sonde-agent.jar ...)");
        }
    }

    /**
     * Attaching to a process that is not a JVM would signal it ({@code SIGQUIT}) and wait 10 s for an
     * answer that never comes. A JVM shows in the attach API's list, or (in a container, or with
     * {@code -XX:-UsePerfData}) at least catches {@code SIGQUIT}, which Linux shows in
     * {@code /proc/<pid>/status}.
     */
    private static void checkIsJvm(long pid, ProcessHandle process) throws TargetException {
        if (LocalJvms.list().stream().anyMatch(jvm -> jvm.pid == pid)) {
            return;
        }
        Optional<Boolean> catchesQuit = catchesSignal(pid, SIGQUIT);
        if (catchesQuit.isPresent() && !catchesQuit.get()) {
            String command = process.info().command().map(c -> Paths.get(c).getFileName().toString()).orElse("?");
            throw new TargetException("process " + pid + " (" + command + ") is not a Java virtual machine");
        }
    }

    /** From the {@code SigCgt} mask of {@code /proc/<pid>/status}; empty where that cannot be read. */
    static Optional<Boolean> catchesSignal(long pid, int signal) {
        try {
            List<String> lines = Files.readAllLines(Paths.get("/proc/" + pid + "/status"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("SigCgt:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigCgt:".length()).trim(), 16);
                    return Optional.of((mask & (1L << (signal - 1))) != 0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: let the attach API decide.
        }
        return Optional.empty();
    }
}
