package dev.sonde.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads sonde's own code and its relocated libraries from the {@code inst/} folder of the agent jar.
 *
 * <p>Classes there are invisible to the application (no class loader but this one looks under
 * {@code inst/}), which is how the agent keeps its dependencies out of the application's way. The
 * parent is the loader that loaded the trampoline, so {@code dev.sonde.bootstrap} types resolve to
 * the one copy on the bootstrap class path once it has been appended.
 *
 * <p>One exception to parent-first delegation: {@code one.profiler} (async-profiler, which cannot be
 * relocated because JNI binds it by name) is looked up in the agent jar first. Otherwise an
 * application that ships its own ap-loader would hand sonde <em>its</em> profiler instance, and
 * the two would share async-profiler's single session: sonde's {@code profile=cpu} made the
 * application's own {@code start} fail with "Profiler already started", and the application's
 * {@code stop} ended sonde's.
 *
 * <p>Public, with a public constructor, because {@link SondeAgent}, in the application class
 * loader, may get either copy of this class. When the JVM verifies classes, verifying
 * {@code SondeAgent} loads this class from the application class loader, before the jar is
 * appended; with {@code -Xverify:none} (which IDEs used to add for faster starts) nothing loads it
 * until {@code SondeAgent} first uses it, after the append, and the bootstrap copy is found. A
 * package-private class is not accessible from another class loader's package of the same name, so
 * sonde failed to start there.
 */
public final class AgentClassLoader extends ClassLoader {

    private static final String PREFIX = "inst/";
    private static final String OWN_FIRST = "one.profiler.";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

    public AgentClassLoader(File agentJar, ClassLoader parent) throws IOException {
        super(parent);
        this.jar = new JarFile(agentJar, false);
        this.jarUrl = "jar:" + agentJar.toURI() + "!/";
        URL location = agentJar.toURI().toURL();
        this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN_FIRST)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = findClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".class");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = readAll(in);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // Another thread defined it first.
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getJarEntry(PREFIX + name) == null) {
            return null;
        }
        try {
            return new URL(jarUrl + PREFIX + name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singleton(url));
    }

    /**
     * A resource the agent jar has hides the parent's, as {@link #getResourceAsStream} does: ap-loader
     * finds its version and native library through {@code getResources("libs/...")}, and an
     * application's other ap-loader version on the class path answered too ("Multiple versions of
     * async-profiler found").
     */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = findResource(name);
        return own != null ? Collections.enumeration(Collections.singleton(own)) : super.getResources(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        // Read straight from the open jar: no URL connection caching, no second open of the file.
        JarEntry entry = jar.getJarEntry(PREFIX + name);
        if (entry != null) {
            try {
                return jar.getInputStream(entry);
            } catch (IOException e) {
                return null;
            }
        }
        return super.getResourceAsStream(name);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(in.available(), 4096));
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
