package dev.sonde.bench.export;

import dev.sonde.bench.jvm.ForkedJvm;
import dev.sonde.bench.jvm.Jdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Prometheus export costs: the CPU time of one scrape of {@code --operations} operations
 * (2000 by default, sonde's default cap) in each exposition format, and whether a timed call costs
 * the same with the export on. Runs {@link ScrapeWorkload} in forked JVMs under sonde, export off
 * and on in turns (off, on, off, on), so both are measured in the same run on the same machine:
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sonde.bench.export.ScrapeCost --agent agent/target/sonde-agent.jar</pre>
 *
 * Options: {@code --operations N}, {@code --calls N} (per operation, default 50), {@code --rounds N}
 * (pairs of runs, default 2), {@code --work DIR} (logs, default bench/target/scrape-cost).
 */
public final class ScrapeCost {

    private ScrapeCost() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Paths.get(option(args, "--agent", "agent/target/sonde-agent.jar"));
        String operations = option(args, "--operations", "2000");
        String calls = option(args, "--calls", "50");
        int rounds = Integer.parseInt(option(args, "--rounds", "2"));
        Path work = Paths.get(option(args, "--work", "bench/target/scrape-cost"));
        if (!Files.isRegularFile(agent)) {
            System.err.println("scrape-cost: no agent jar at " + agent + " (--agent PATH)");
            System.exit(2);
        }
        Files.createDirectories(work);
        Jdk jdk = Jdk.current();
        System.out.println("scrape-cost on " + jdk.label() + ": " + operations + " operations x " + calls + " calls");
        List<String> off = new ArrayList<>();
        List<String> on = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            off.add(hotPath(run(jdk, agent, work, 0, operations, calls, "off-" + round)));
            List<String> output = run(jdk, agent, work, freePort(), operations, calls, "on-" + round);
            on.add(hotPath(output));
            int shown = round;
            output.stream().filter(line -> line.startsWith("scrape ") || line.startsWith("made "))
                    .forEach(line -> System.out.println("  run " + shown + ": " + line));
        }
        System.out.println("timed call, export off: " + String.join(", ", off) + " ns/call");
        System.out.println("timed call, export on:  " + String.join(", ", on) + " ns/call");
    }

    private static List<String> run(Jdk jdk, Path agent, Path work, int port, String operations, String calls,
                                     String name) throws IOException, InterruptedException {
        String export = port == 0 ? "" : ",prometheus=" + port;
        return ForkedJvm.on(jdk)
                .jvmArg("-Xmx1g")
                .jvmArg("-javaagent:" + agent + "=include=bench.export.TimedCall#call,log=quiet,out="
                        + work.resolve("out-" + name) + export)
                .main(System.getProperty("java.class.path"), ScrapeWorkload.class.getName())
                .args(List.of(String.valueOf(port), operations, calls))
                .run(work.resolve(name + ".log"), Duration.ofMinutes(10));
    }

    private static String hotPath(List<String> output) {
        return output.stream().filter(line -> line.startsWith("hot-path ")).findFirst()
                .map(line -> line.split(" ")[1]).orElse("?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
