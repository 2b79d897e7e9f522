package dev.sonde.cli;

import dev.sonde.bootstrap.SondeAgent;

import java.io.File;
import java.io.IOException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The sonde jar whose classes a JVM already holds. sonde's first start in a JVM appends its jar to
 * the JVM's boot class path, and the JVM keeps it there after {@code detach}. The attach API loads
 * an agent's class parent first, so every later start in that JVM runs the code of that first jar,
 * whatever jar it was given: attaching a newer sonde to a JVM an older one was attached to would
 * run the older one, without a word. {@link #checkSameCode} refuses such a start instead. The first
 * start names its jar in a system property ({@link SondeAgent#BOOTSTRAP_JAR_PROPERTY}; the JVM's
 * own list of appended jars leaves out those appended by agents); a JVM whose sonde predates that
 * property cannot be checked.
 */
final class LoadedSondeJar {

    /** Where sonde's code is in its jar: the bootstrap classes and, under {@code inst/}, the rest. */
    private static final String[] CODE = {"dev/sonde/", "inst/"};

    private LoadedSondeJar() {
    }

    /**
     * Refuses to start sonde from {@code ours} in a JVM that holds the classes of another sonde jar
     * with other code. A jar of the same classes (a copy elsewhere) is fine: it runs the same.
     *
     * @param properties the target JVM's system properties
     */
    static void checkSameCode(long pid, Properties properties, File ours) throws TargetException {
        String loaded = properties.getProperty(SondeAgent.BOOTSTRAP_JAR_PROPERTY);
        if (loaded != null && !loaded.isEmpty()) {
            compare(pid, new File(loaded), ours);
        }
    }

    private static void compare(long pid, File loaded, File ours) throws TargetException {
        if (!loaded.isFile()) {
            throw new TargetException("JVM " + pid + " holds the classes of the sonde jar " + loaded
                    + " from an earlier start, and that jar is not there (any more, or from here); a JVM keeps"
                    + " the sonde it loaded first, so it cannot start there again: restart the JVM to use " + ours);
        }
        Map<String, Long> loadedCode;
        Map<String, Long> ourCode;
        String loadedVersion;
        String ourVersion;
        try (JarFile loadedJar = new JarFile(loaded, false); JarFile ourJar = new JarFile(ours, false)) {
            loadedCode = codeOf(loadedJar);
            ourCode = codeOf(ourJar);
            loadedVersion = versionOf(loadedJar);
            ourVersion = versionOf(ourJar);
        } catch (IOException | SecurityException e) {
            // Not readable from here: the start goes ahead, as it did before this check.
            return;
        }
        if (!loadedCode.equals(ourCode)) {
            String which = loadedVersion.equals(ourVersion)
                    ? "another build of sonde " + ourVersion : "sonde " + loadedVersion + ", not " + ourVersion + ",";
            throw new TargetException("JVM " + pid + " holds the classes of " + which + " from " + loaded
                    + " (an earlier start in it), and a JVM keeps the sonde it loaded first: this start would run"
                    + " that code. Attach with " + loaded + ", or restart the JVM to use " + ours);
        }
    }

    /** Each class file of sonde's code, with its CRC from the jar's directory: no class is read. */
    private static Map<String, Long> codeOf(JarFile jar) {
        Map<String, Long> code = new HashMap<>();
        for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().endsWith(".class") && isCode(entry.getName())) {
                code.put(entry.getName(), entry.getCrc());
            }
        }
        return code;
    }

    private static boolean isCode(String name) {
        for (String prefix : CODE) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String versionOf(JarFile jar) throws IOException {
        Manifest manifest = jar.getManifest();
        String version = manifest == null ? null
                : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        return version == null ? "(unknown version)" : version;
    }
}
