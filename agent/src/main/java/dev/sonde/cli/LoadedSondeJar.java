package dev.sonde.cli;

import dev.sonde.bootstrap.SondeAgent;

import java.io.File;
import java.io.IOException;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The sonde build whose classes a JVM already holds. sonde's first start in a JVM appends its jar
 * to the JVM's boot class path, and the JVM keeps it there after {@code detach}. The attach API
 * loads an agent's class parent first, so every later start in that JVM runs the code of that first
 * jar, whatever jar it was given: attaching a newer sonde to a JVM an older one was attached to
 * would run the older one, without a word, or, when the newer one replaced the older at the same
 * path, the older one's entry classes with the newer one's code. {@link #checkSameBuild} refuses
 * such a start instead.
 *
 * <p>The first start names its jar and the build it held ({@code Sonde-Build} of its manifest, a
 * checksum made at packaging) in system properties ({@link SondeAgent#BOOTSTRAP_JAR_PROPERTY} and
 * the two beside it; the JVM's own list of appended jars leaves out those appended by agents). A
 * copy of the same jar elsewhere is the same build. A JVM whose sonde predates these properties,
 * or a jar without the attribute, cannot be checked.
 */
final class LoadedSondeJar {

    private LoadedSondeJar() {
    }

    /**
     * Refuses to start sonde from {@code ours} in a JVM that holds the classes of another build,
     * or of a jar that is gone.
     *
     * @param properties the target JVM's system properties
     */
    static void checkSameBuild(long pid, Properties properties, File ours) throws TargetException {
        String loaded = properties.getProperty(SondeAgent.BOOTSTRAP_JAR_PROPERTY);
        if (loaded == null || loaded.isEmpty()) {
            return;
        }
        if (!new File(loaded).isFile()) {
            throw new TargetException("JVM " + pid + " holds the classes of the sonde jar " + loaded
                    + " from an earlier start, and that jar is not there (any more, or from here); a JVM keeps"
                    + " the sonde it loaded first, so it cannot start there again: restart the JVM to use " + ours);
        }
        String loadedBuild = properties.getProperty(SondeAgent.BOOTSTRAP_BUILD_PROPERTY);
        Attributes our = mainAttributes(ours);
        String ourBuild = our == null ? null : our.getValue(SondeAgent.BUILD_ATTRIBUTE);
        if (loadedBuild == null || ourBuild == null || loadedBuild.equals(ourBuild)) {
            return;
        }
        String loadedVersion = versionOr(properties.getProperty(SondeAgent.BOOTSTRAP_VERSION_PROPERTY));
        String ourVersion = versionOr(our.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
        String which = loadedVersion.equals(ourVersion)
                ? "another build of sonde " + ourVersion : "sonde " + loadedVersion + ", not " + ourVersion + ",";
        String advice = new File(loaded).getAbsoluteFile().equals(ours.getAbsoluteFile())
                ? "that jar has been replaced since. Restart the JVM to use it"
                : "attach with " + loaded + " if it still holds that build, or restart the JVM to use " + ours;
        throw new TargetException("JVM " + pid + " holds the classes of " + which + " from " + loaded
                + " (an earlier start in it), and a JVM keeps the sonde it loaded first: this start would run"
                + " that code; " + advice);
    }

    /** Null when the jar cannot be read from here: the start then goes ahead, unchecked. */
    private static Attributes mainAttributes(File jar) {
        try (JarFile file = new JarFile(jar, false)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String versionOr(String version) {
        return version == null ? "(unknown version)" : version;
    }
}
