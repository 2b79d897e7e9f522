package dev.sonde.record;

import dev.sonde.bootstrap.ServletApi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link ServletApi} of each copy of the servlet API that requests came from: usually one, made
 * when the first request arrives. Finding a request's API is a scan of the few known (one
 * {@code instanceof} each); a class of no API is remembered so it is looked up once.
 *
 * <p>Each {@code ServletApi} is {@link JakartaServletApi} or {@link JavaxServletApi}, defined from
 * sonde's jar in a class loader of its own whose parent is the loader of that copy of the API. It
 * keeps that loader alive as long as sonde records: servers load the servlet API once, beside the
 * applications, never in one that is undeployed.
 */
final class ServletApis {

    /** Each API's package, and the class that reads it. */
    private static final String[][] FLAVOURS = {
            {"jakarta.servlet", "dev.sonde.record.JakartaServletApi"},
            {"javax.servlet", "dev.sonde.record.JavaxServletApi"},
    };

    private final String[][] flavours;
    private volatile ServletApi[] known = new ServletApi[0];
    /** Classes of objects that belong to no servlet API; guarded by {@code this}. */
    private final Map<Class<?>, Boolean> strangers = new WeakHashMap<>();

    ServletApis() {
        this(FLAVOURS);
    }

    /** @param flavours each API's package and the class that reads it (tests give others) */
    ServletApis(String[][] flavours) {
        this.flavours = flavours;
    }

    /** The API {@code object} (a request or an {@code AsyncContext}) belongs to, or null. */
    ServletApi of(Object object) {
        for (ServletApi api : known) {
            if (api.owns(object)) {
                return api;
            }
        }
        return object == null ? null : find(object);
    }

    private synchronized ServletApi find(Object object) {
        for (ServletApi api : known) {
            if (api.owns(object)) {
                return api;
            }
        }
        Class<?> type = object.getClass();
        if (strangers.containsKey(type)) {
            return null;
        }
        // Remembered before trying, so that a failure below is met once, not on every request.
        strangers.put(type, Boolean.TRUE);
        for (String[] flavour : flavours) {
            ClassLoader apiLoader = loaderOfApi(flavour[0], object);
            if (apiLoader != null) {
                ServletApi api = define(flavour[1], apiLoader);
                known = append(known, api);
                strangers.remove(type);
                return api;
            }
        }
        return null;
    }

    /** The loader of the copy of {@code api} that {@code object} belongs to, or null if it belongs to none. */
    private static ClassLoader loaderOfApi(String api, Object object) {
        ClassLoader loader = object.getClass().getClassLoader();
        try {
            Class<?> request = Class.forName(api + ".ServletRequest", false, loader);
            Class<?> asyncContext = Class.forName(api + ".AsyncContext", false, request.getClassLoader());
            return request.isInstance(object) || asyncContext.isInstance(object) ? request.getClassLoader() : null;
        } catch (ClassNotFoundException | LinkageError notThisApi) {
            return null;
        }
    }

    private static ServletApi define(String className, ClassLoader apiLoader) {
        try {
            Class<?> type = new ApiLoader(apiLoader, className, bytesOf(className)).loadClass(className);
            return (ServletApi) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot define " + className + " beside the servlet API: " + e, e);
        }
    }

    private static byte[] bytesOf(String className) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = ServletApis.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from sonde's jar");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static ServletApi[] append(ServletApi[] apis, ServletApi api) {
        ServletApi[] more = Arrays.copyOf(apis, apis.length + 1);
        more[apis.length] = api;
        return more;
    }

    /** Defines one class; everything else, the servlet API and {@code dev.sonde.bootstrap} included, comes from the parent. */
    private static final class ApiLoader extends ClassLoader {

        private final String className;
        private final byte[] bytes;

        ApiLoader(ClassLoader apiLoader, String className, byte[] bytes) {
            super(apiLoader);
            this.className = className;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(className)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                return type != null ? type : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
