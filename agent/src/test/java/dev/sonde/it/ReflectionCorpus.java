package dev.sonde.it;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reflection corpus ({@code src/test/resources/reflection-corpus}) compiled by the test itself,
 * once per {@link Variant}: the same sources with and without {@code -parameters} and {@code -g},
 * each variant in a package of its own, all into one class directory. Compiling here rather than in
 * the build is what gives the variants: the build compiles the test sources once, with one set of
 * options. Two generated classes add a method near the JVM's 64 KiB code limit.
 */
public final class ReflectionCorpus {

    public static final String PACKAGE = "com.acme.reflection.corpus";
    /** The package the sources are written in; each variant replaces it by its own. */
    private static final String TEMPLATE_PACKAGE = PACKAGE + ".variant";
    /** 27 bytes of code a block: 2 000 blocks make about 54 KB, room enough for sonde's timing code. */
    public static final int FITTING_BLOCKS = 2_000;
    /** About 65.5 KB of the 65 535 bytes a method may have: no room for timing code, the class runs untimed. */
    public static final int LIMIT_BLOCKS = 2_425;

    /** A set of javac options and the package its classes are compiled into. */
    public enum Variant {
        PLAIN(false),
        NAMES(true, "-parameters"),
        DEBUG(false, "-g"),
        NAMES_AND_DEBUG(true, "-parameters", "-g");

        private final boolean parameterNames;
        private final List<String> options;

        Variant(boolean parameterNames, String... options) {
            this.parameterNames = parameterNames;
            this.options = List.of(options);
        }

        public String packageName() {
            return PACKAGE + "." + name().toLowerCase().replace("_", "");
        }

        /** Whether javac wrote MethodParameters attributes ({@code -parameters}). */
        public boolean hasParameterNames() {
            return parameterNames;
        }

        public List<String> options() {
            return options;
        }
    }

    private ReflectionCorpus() {
    }

    /** Compiles every variant into {@code <work>/classes} (returned); sources go to {@code <work>/sources}. */
    public static Path compile(Path work) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        for (Variant variant : Variant.values()) {
            compile(variant, Files.createDirectories(work.resolve("sources").resolve(variant.packageName())), classes);
        }
        return classes;
    }

    private static void compile(Variant variant, Path sources, Path classes) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            files.add(write(sources, template.getFileName().toString(), text.replace(TEMPLATE_PACKAGE, variant.packageName())));
        }
        files.add(write(sources, "LargeFits.java", large(variant.packageName(), "LargeFits", FITTING_BLOCKS)));
        files.add(write(sources, "LargeAtLimit.java", large(variant.packageName(), "LargeAtLimit", LIMIT_BLOCKS)));

        List<String> options = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "-cp", TestPaths.testClasses().toString()));
        options.addAll(variant.options());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new AssertionError("javac " + options + " failed:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TestPaths.testClasses().resolve("reflection-corpus"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static Path write(Path directory, String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * {@code public static long work(long seed)} of {@code blocks} branches of 27 bytes of code each
     * ({@code if (seed > i) seed = seed * 31 + i; else seed = seed ^ i;}); the constants start at 2,
     * because javac writes 0 and 1 in one byte.
     */
    static String large(String packageName, String simpleName, int blocks) {
        StringBuilder source = new StringBuilder("package " + packageName + ";\n\n"
                + "public final class " + simpleName + " {\n\n"
                + "    private " + simpleName + "() {\n    }\n\n"
                + "    public static long work(long seed) {\n");
        for (int i = 2; i < blocks + 2; i++) {
            source.append("        if (seed > ").append(i).append("L) { seed = seed * 31L + ").append(i)
                    .append("L; } else { seed = seed ^ ").append(i).append("L; }\n");
        }
        return source.append("        return seed;\n    }\n}\n").toString();
    }
}
