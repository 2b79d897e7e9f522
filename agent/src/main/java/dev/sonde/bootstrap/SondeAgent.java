package dev.sonde.bootstrap;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The agent's entry points: {@code premain}, {@code agentmain} and the command line {@code main}.
 *
 * <p>This class is a trampoline. Rules it keeps, because breaking them has bitten agents before:
 * <ul>
 *   <li>It mentions no other sonde class in a signature or a field: the JVM may load such a class
 *       with the application class loader while verifying this one, before the bootstrap class
 *       path holds it, and the later bootstrap copy would clash ({@code LinkageError}).</li>
 *   <li>It appends the agent jar to the bootstrap class path <em>first</em>, then loads the agent
 *       proper through {@link AgentClassLoader} by name.</li>
 *   <li>Every sonde class it names in its code, and every member of it that it uses, is public:
 *       the JVM may resolve the name to the bootstrap copy, in another runtime package than this
 *       class (see {@link AgentClassLoader}).</li>
 *   <li>It never lets a {@code Throwable} reach the application: a failure is one {@code [sonde]}
 *       line on stderr and the application starts as if the agent were absent.</li>
 * </ul>
 */
public final class SondeAgent {

    private static final String INSTALLER = "dev.sonde.control.AgentStarter";
    private static final String CLI = "dev.sonde.cli.Main";
    /** A class name, not a class literal: see the first rule above. */
    private static final String BOOTSTRAP_PROBE = "dev.sonde.bootstrap.AgentHandle";
    /**
     * The system property that names the jar whose classes this JVM's boot class path holds: set
     * when the jar is appended, kept after {@code detach} like the classes themselves. The command
     * line reads it to refuse starting another sonde jar, which would run this one's code.
     */
    public static final String BOOTSTRAP_JAR_PROPERTY = "sonde.agent.bootstrap.jar";
    /**
     * The system properties that say which build of sonde that jar held when it was appended (its
     * manifest's {@link #BUILD_ATTRIBUTE} and {@code Implementation-Version}): the jar at that path
     * may have been replaced since, while the JVM runs the classes it read then.
     */
    public static final String BOOTSTRAP_BUILD_PROPERTY = "sonde.agent.bootstrap.build";
    public static final String BOOTSTRAP_VERSION_PROPERTY = "sonde.agent.bootstrap.version";
    /** The manifest attribute that tells builds apart: a checksum of the jar's contents, made at packaging. */
    public static final String BUILD_ATTRIBUTE = "Sonde-Build";

    private SondeAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /** {@code java -jar sonde-agent.jar <command>}: the CLI, in its own class loader too. */
    public static void main(String[] args) throws Exception {
        ClassLoader loader = new AgentClassLoader(agentJar(), SondeAgent.class.getClassLoader());
        Method main = loader.loadClass(CLI).getMethod("run", String[].class);
        int status;
        try {
            status = (Integer) main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw (Exception) (e.getCause() instanceof Exception ? e.getCause() : e);
        }
        System.exit(status);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        try {
            File jar = agentJar();
            if (!onBootstrapClassPath()) {
                JarFile appended = new JarFile(jar);
                instrumentation.appendToBootstrapClassLoaderSearch(appended);
                nameAppendedJar(jar, appended);
            }
            ClassLoader loader = new AgentClassLoader(jar, parentLoader());
            Method install = loader.loadClass(INSTALLER)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class, File.class);
            install.invoke(null, arguments, instrumentation, atStartup, jar);
        } catch (InvocationTargetException e) {
            notStarted(e.getCause());
        } catch (Throwable t) {
            notStarted(t);
        }
    }

    /** A manifest that cannot be read leaves the build unnamed: the command line then cannot tell builds apart. */
    private static void nameAppendedJar(File jar, JarFile appended) {
        System.setProperty(BOOTSTRAP_JAR_PROPERTY, jar.getAbsolutePath());
        try {
            Manifest manifest = appended.getManifest();
            if (manifest != null) {
                setIfPresent(BOOTSTRAP_BUILD_PROPERTY, manifest.getMainAttributes().getValue(BUILD_ATTRIBUTE));
                setIfPresent(BOOTSTRAP_VERSION_PROPERTY,
                        manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION));
            }
        } catch (IOException e) {
            // Unnamed, as said above.
        }
    }

    private static void setIfPresent(String property, String value) {
        if (value != null) {
            System.setProperty(property, value);
        }
    }

    private static void notStarted(Throwable cause) {
        try {
            System.err.println("[sonde] not started: " + cause + "; the application runs without sonde");
            if ("debug".equalsIgnoreCase(System.getProperty("sonde.log"))) {
                cause.printStackTrace();
            }
        } catch (Throwable ignored) {
            // Nothing more can be said safely.
        }
    }

    /**
     * Whether an earlier start appended the jar already. Every {@code attach}, {@code dump} and
     * {@code detach} is an {@code agentmain} call; appending each time would add a jar entry (and an
     * open file) to the bootstrap class path per command. The lookup goes to the bootstrap loader
     * only, so it cannot define a class in the application's loader.
     */
    private static boolean onBootstrapClassPath() {
        try {
            Class.forName(BOOTSTRAP_PROBE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The loader that loaded this class, or the system loader when that is the bootstrap loader:
     * from the second {@code agentmain} on, the JVM finds this class on the bootstrap class path
     * first, and a bootstrap parent would hide the platform modules from sonde's code.
     */
    private static ClassLoader parentLoader() {
        ClassLoader own = SondeAgent.class.getClassLoader();
        return own != null ? own : ClassLoader.getSystemClassLoader();
    }

    /**
     * This jar. A class on the bootstrap class path has no code source (see {@link #parentLoader}),
     * so then the jar is read from the URL of this class file ({@code jar:file:/...!/dev/...}).
     */
    private static File agentJar() throws URISyntaxException {
        CodeSource source = SondeAgent.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            return new File(source.getLocation().toURI());
        }
        String url = String.valueOf(SondeAgent.class.getResource("SondeAgent.class"));
        if (!url.startsWith("jar:") || !url.contains("!/")) {
            throw new IllegalStateException("cannot tell which jar sonde was loaded from (" + url + ")");
        }
        return new File(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
    }
}
