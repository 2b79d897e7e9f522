package dev.sonde.bench.export;

import dev.sonde.bench.jvm.Jdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the Prometheus export costs, on its own (bench/run's scrape part runs the same): the CPU
 * time of one scrape of 2000 operations in each exposition format, and whether a timed call costs
 * the same with the export on. Runs {@link ScrapeWorkload} in forked JVMs under sonde, export off
 * and on in turns (off, on, off, on), on the JDK that runs it:
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sonde.bench.export.ScrapeCost --agent agent/target/sonde-agent.jar</pre>
 *
 * Options: {@code --rounds N} (pairs of runs, default 2), {@code --scrapes N} (measured per format
 * and state, default 8), {@code --work DIR} (logs, default bench/target/scrape-cost).
 */
public final class ScrapeCost {

    private ScrapeCost() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Paths.get(option(args, "--agent", "agent/target/sonde-agent.jar"));
        int rounds = Integer.parseInt(option(args, "--rounds", "2"));
        int scrapes = Integer.parseInt(option(args, "--scrapes", "8"));
        Path work = Paths.get(option(args, "--work", "bench/target/scrape-cost"));
        if (!Files.isRegularFile(agent)) {
            System.err.println("scrape-cost: no agent jar at " + agent + " (--agent PATH)");
            System.exit(2);
        }
        Jdk jdk = Jdk.current();
        System.out.println("scrape-cost on " + jdk.label() + ": " + ScrapeBenchmark.OPERATIONS + " operations x "
                + ScrapeBenchmark.CALLS + " calls");
        for (ScrapeResult result : new ScrapeBenchmark(List.of(jdk), agent.toAbsolutePath(), work, rounds, scrapes,
                System.out::println).run()) {
            for (ScrapeResult.FormatCost format : result.formats()) {
                System.out.printf(Locale.ROOT, "%-12s CPU ms per scrape, idle %s, busy %s; %.1f MB gzipped%n",
                        format.format(), joined(format.idleMs()), joined(format.busyMs()), format.gzippedMb());
            }
            System.out.println("timed call, export off: " + joined(result.timedCallOffNs()) + " ns/call");
            System.out.println("timed call, export on:  " + joined(result.timedCallOnNs()) + " ns/call");
        }
    }

    private static String joined(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.1f", value)).collect(Collectors.joining(", "));
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
