package dev.sonde.bench.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/** Facts about this machine for the performance report, read from /proc where Linux has them. */
public record Machine(String cpuModel, int cores, long memoryBytes, String kernel, String os) {

    public static Machine here() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(),
                firstLine(Paths.get("/proc/sys/kernel/osrelease"), System.getProperty("os.version")),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg shows them, or "unknown". */
    public static String loadAverage() {
        String line = firstLine(Paths.get("/proc/loadavg"), "");
        String[] fields = line.split("\\s+");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    }

    /** The 1-minute load average, or NaN. */
    public static double loadAverageOneMinute() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB memory, Linux kernel %s", cpuModel, cores,
                memoryBytes / (1024.0 * 1024 * 1024), kernel);
    }

    private static String readCpuModel() {
        for (String line : lines(Paths.get("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static long readMemoryBytes() {
        for (String line : lines(Paths.get("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    private static String firstLine(Path file, String fallback) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? fallback : lines.get(0).trim();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
