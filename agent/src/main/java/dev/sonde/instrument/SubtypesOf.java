package dev.sonde.instrument;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which classes being loaded are a named type or extend or implement it, directly or not (an
 * include's {@code +Type}), told from class files alone: the class's own outline names its
 * superclass and interfaces, and theirs are read with its class loader, once per loader and name.
 *
 * <p>Byte Buddy answers the same question by describing every supertype of the class, with its
 * generic signatures, for every class loaded: under {@code include=+jakarta.servlet.Filter#doFilter}
 * a Spring Boot start took 1.5 times as long as without sonde. Here most answers are one look-up:
 * classes share their supertypes, and a superclass has usually been loaded, and answered for,
 * before its subclasses. When a supertype's class file cannot be read (a class generated at run
 * time has none), the answer is yes: Byte Buddy then decides.
 */
final class SubtypesOf {

    /** Past this many supertypes up, the answer is yes rather than a walk without end (a cycle in broken class files). */
    private static final int MAX_DEPTH = 64;

    /** A loader's answers are dropped when they reach this many names (classes generated without end). */
    static final int MAX_NAMES_PER_LOADER = 20_000;

    private final String typeName;
    /** The JDK's types are the bootstrap loader's for every loader: their answers are shared. */
    private final Map<String, Boolean> jdk = new ConcurrentHashMap<>();
    private final Map<ClassLoader, Map<String, Boolean>> byLoader = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param typeName a binary name, {@code com.acme.Handler} */
    SubtypesOf(String typeName) {
        this.typeName = typeName;
    }

    /**
     * Whether the class being loaded, named {@code className} and outlined as given, may be one. The
     * answer is kept for its subclasses, which load after it: most supertypes are never read again.
     */
    boolean mayBeOne(String className, ClassLoader loader, ClassFileOutline outline) {
        boolean answer = className.equals(typeName) || anyIsOne(outline, loader, 0);
        answers(className, loader).put(className, answer);
        return answer;
    }

    /** How many answers {@code loader} keeps now (for tests of the bound). */
    int answersKept(ClassLoader loader) {
        Map<String, Boolean> answers = byLoader.get(loader);
        return answers == null ? 0 : answers.size();
    }

    private boolean anyIsOne(ClassFileOutline outline, ClassLoader loader, int depth) {
        for (String supertype : outline.supertypeNames()) {
            if (isOne(supertype, loader, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOne(String name, ClassLoader loader, int depth) {
        if (name.equals(typeName)) {
            return true;
        }
        if (name.equals("java.lang.Object")) {
            return false;
        }
        if (depth > MAX_DEPTH) {
            return true;
        }
        Map<String, Boolean> known = answers(name, loader);
        Boolean answer = known.get(name);
        if (answer == null) {
            answer = read(name, loader, depth);
            known.put(name, answer);
        }
        return answer;
    }

    private Map<String, Boolean> answers(String name, ClassLoader loader) {
        Map<String, Boolean> answers = loader == null || name.startsWith("java.") ? jdk
                : byLoader.computeIfAbsent(loader, any -> new ConcurrentHashMap<>());
        if (answers.size() >= MAX_NAMES_PER_LOADER) {
            answers.clear();
        }
        return answers;
    }

    private boolean read(String name, ClassLoader loader, int depth) {
        ClassLoader finder = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try {
            ClassFileOutline supertype = ClassFileOutline.find(finder, name);
            return supertype == null || anyIsOne(supertype, loader, depth);
        } catch (IOException | IllegalArgumentException | SecurityException unreadable) {
            return true;
        }
    }
}
