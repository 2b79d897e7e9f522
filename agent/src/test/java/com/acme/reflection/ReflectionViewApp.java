package com.acme.reflection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every class under a directory of compiled classes (the reflection corpus, also on the class
 * path), prints {@code ready}, then obeys numbered command files in a control directory, one after
 * the other: {@code command-<n>} holds {@code burst} (each corpus {@code Exercise} is called
 * {@link #BURST_CALLS} times) or {@code view <name>} (the {@link ReflectionView} of every corpus
 * class is written to {@code <name>.view.txt}); {@code command-<n>.done} appears when it is done.
 * A file {@code stop} ends the program, which also ends by itself after the number of seconds in the
 * third argument, so a failed test leaves nothing behind. Arguments: corpus directory, control
 * directory, lifetime in seconds.
 */
public final class ReflectionViewApp {

    public static final int BURST_CALLS = 200;

    private ReflectionViewApp() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Paths.get(args[0]);
        Path control = Paths.get(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        List<Class<?>> classes = load(corpus);
        List<LongUnaryOperator> exercises = exercises(classes);
        System.out.println("ready: " + classes.size() + " classes, " + exercises.size() + " exercises");
        int next = 1;
        while (!Files.exists(control.resolve("stop")) && System.nanoTime() < deadline) {
            Path command = control.resolve("command-" + next);
            if (Files.exists(command)) {
                obey(Files.readString(command).trim(), classes, exercises, control);
                Files.createFile(control.resolve("command-" + next + ".done"));
                next++;
            } else {
                Thread.sleep(5);
            }
        }
        System.out.println("stopped after " + (next - 1) + " commands");
    }

    private static void obey(String command, List<Class<?>> classes, List<LongUnaryOperator> exercises, Path control)
            throws IOException {
        if (command.equals("burst")) {
            long sum = 0;
            for (LongUnaryOperator exercise : exercises) {
                for (int i = 0; i < BURST_CALLS; i++) {
                    sum += exercise.applyAsLong(i);
                }
            }
            System.out.println("burst " + sum);
        } else if (command.startsWith("view ")) {
            String name = command.substring("view ".length());
            // Written aside and moved, so the test never reads half a view.
            Path partial = control.resolve(name + ".partial");
            Files.write(partial, ReflectionView.of(classes), StandardCharsets.UTF_8);
            Files.move(partial, control.resolve(name + ".view.txt"), StandardCopyOption.ATOMIC_MOVE);
        } else {
            throw new IllegalArgumentException("unknown command: " + command);
        }
    }

    /** Every class under {@code corpus}, by name, in the application class loader; not initialised yet. */
    private static List<Class<?>> load(Path corpus) throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.walk(corpus)) {
            names = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> corpus.relativize(file).toString())
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, ReflectionViewApp.class.getClassLoader()));
        }
        return classes;
    }

    private static List<LongUnaryOperator> exercises(List<Class<?>> classes) throws ReflectiveOperationException {
        List<LongUnaryOperator> exercises = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.getSimpleName().equals("Exercise")) {
                exercises.add((LongUnaryOperator) type.getDeclaredConstructor().newInstance());
            }
        }
        return exercises;
    }
}
