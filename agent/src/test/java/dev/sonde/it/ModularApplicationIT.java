package dev.sonde.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sonde.it.SondeCli.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application run from the module path ({@code java -m}): its classes live in a named module,
 * which reads only what its descriptor says, while the code sonde weaves into them calls sonde's
 * bootstrap classes. They are timed, in an exported package and in an internal one, with
 * {@code -javaagent} and when sonde is attached to the running application, and the application
 * gives the same answers.
 */
class ModularApplicationIT {

    private static final String MODULE = "com.acme.modular";
    private static final String MAIN = MODULE + "/" + MODULE + ".Main";
    private static final int CALLS = 300;
    private static final String ANSWER = "answer " + 2L * CALLS * (CALLS - 1) / 2 * 3;

    private static final String DESCRIPTOR = "module com.acme.modular {\n    exports com.acme.modular.api;\n}\n";
    private static final String PRICES = String.join("\n",
            "package com.acme.modular.api;",
            "public final class Prices {",
            "    public static long price(int item) {",
            "        return com.acme.modular.internal.Rounding.round(item * 3L);",
            "    }",
            "}");
    private static final String ROUNDING = String.join("\n",
            "package com.acme.modular.internal;",
            "public final class Rounding {",
            "    public static long round(long cents) {",
            "        return cents;",
            "    }",
            "}");
    /** Prices {@link #CALLS} items, says "ready", waits for a file named "go", prices them again. */
    private static final String MAIN_SOURCE = String.join("\n",
            "package com.acme.modular;",
            "import java.nio.file.*;",
            "public final class Main {",
            "    public static void main(String[] args) throws Exception {",
            "        long total = priceAll();",
            "        System.out.println(\"ready\");",
            "        System.out.flush();",
            "        Path go = Paths.get(args[0]);",
            "        while (!Files.exists(go)) {",
            "            Thread.sleep(20);",
            "        }",
            "        total += priceAll();",
            "        System.out.println(\"answer \" + total);",
            "    }",
            "    private static long priceAll() {",
            "        long total = 0;",
            "        for (int i = 0; i < " + CALLS + "; i++) {",
            "            total += com.acme.modular.api.Prices.price(i);",
            "        }",
            "        return total;",
            "    }",
            "}");

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void classesOfANamedModuleAreTimedFromTheStart(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("modular-javaagent-" + jdk.major());
        Path modules = compileModule(work);
        Path go = Files.createFile(work.resolve("go"));
        Path out = work.resolve("out");
        ForkedJvm.Result result = ForkedJvm.on(jdk)
                .withAgent("include=" + MODULE + ".**,out=" + out)
                .module(modules, MAIN, go.toString())
                .run(work);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains(ANSWER);
        assertThat(result.sondeLines()).as(result.describe()).noneMatch(line -> line.contains("advice failed"));
        assertThat(ReportFile.onlyIn(out).counts()).isEqualTo(Map.of(
                MODULE + ".Main#main", 1L,
                MODULE + ".Main#priceAll", 2L,
                MODULE + ".api.Prices#price", 2L * CALLS,
                MODULE + ".internal.Rounding#round", 2L * CALLS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.ALL)
    void classesOfANamedModuleAreTimedOnceSondeIsAttached(Jdks.Jdk jdk) throws Exception {
        Path work = TestPaths.workDirectory("modular-attach-" + jdk.major());
        Path modules = compileModule(work);
        Path go = work.resolve("go");
        ForkedJvm.Running app = ForkedJvm.on(jdk).module(modules, MAIN, go.toString()).start(work.resolve("app"));
        Poll.until(Duration.ofSeconds(20), "the app to be ready", () -> app.stdoutSoFar().contains("ready") || !app.isAlive(),
                app::stderrSoFar);

        Path out = work.resolve("out");
        assertSucceeded(new SondeCli(jdk, work).run("attach", app.pid(), "include=" + MODULE + ".**,out=" + out));
        Files.createFile(go);
        ForkedJvm.Result result = app.awaitExit();

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains(ANSWER);
        assertThat(result.sondeLines()).as(result.describe()).noneMatch(line -> line.contains("advice failed"));
        // The second round only: the first ran before the attach, and main was already under way.
        assertThat(ReportFile.onlyIn(out).counts()).isEqualTo(Map.of(
                MODULE + ".Main#priceAll", 1L,
                MODULE + ".api.Prices#price", (long) CALLS,
                MODULE + ".internal.Rounding#round", (long) CALLS));
    }

    /** The module compiled into {@code work/modules/com.acme.modular}; returns the module path. */
    private static Path compileModule(Path work) throws Exception {
        Map<String, String> sources = Map.of(
                "module-info.java", DESCRIPTOR,
                "com/acme/modular/Main.java", MAIN_SOURCE,
                "com/acme/modular/api/Prices.java", PRICES,
                "com/acme/modular/internal/Rounding.java", ROUNDING);
        Path modules = work.resolve("modules");
        List<String> arguments = new ArrayList<>(List.of("--release", "11", "-d", modules.resolve(MODULE).toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(new String[0]));
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return modules;
    }
}
