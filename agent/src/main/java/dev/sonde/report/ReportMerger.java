package dev.sonde.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;

/**
 * One report from many (several JVMs, or successive windows of one): counts and totals added,
 * encoded histograms decoded and added, percentiles recomputed from the sums (exact, never averaged),
 * min and max combined, the window spanning all parts, rankings recomputed.
 *
 * <p>The parts must not overlap: two cumulative reports of the same JVM both hold its early calls,
 * and merging them counts those twice. The merged report carries a warning when parts come from
 * one JVM with overlapping windows.
 */
public final class ReportMerger {

    /** The {@code trigger} of a merged report. */
    public static final String TRIGGER = "merge";

    /** Merges the reports, in the given order (which only decides ties such as an operation's kind). */
    public Report merge(List<ReportFile> parts) throws UnreadableReportException {
        Report merged = new Report();
        merged.trigger = TRIGGER;
        merged.agent = agent(parts);
        merged.jvm = commonJvm(parts);
        merged.window = window(parts);
        merged.operations = operations(parts, merged.window == null ? 0 : merged.window.seconds);
        merged.dropped = dropped(parts);
        merged.warnings = warnings(parts);
        ReportRanker.rank(merged);
        return merged;
    }

    private static List<OperationReport> operations(List<ReportFile> parts, double seconds) throws UnreadableReportException {
        Map<String, MergedOperation> byName = new LinkedHashMap<>();
        for (ReportFile part : parts) {
            List<OperationReport> operations = part.report().operations;
            for (int i = 0; i < operations.size(); i++) {
                OperationReport operation = operations.get(i);
                try {
                    byName.computeIfAbsent(operation.name, MergedOperation::new).add(operation);
                } catch (DataFormatException | RuntimeException e) {
                    // ReportReader refuses such a file first, in the same words; this is for reports built in memory
                    throw new UnreadableReportException(part.path(), "is not a valid sonde report: operations[" + i + "] ("
                            + operation.name + "): " + EncodedHistograms.problem(operation).orElse("a histogram cannot be decoded"));
                } catch (MergedOperation.MissingHistogramException e) {
                    throw new UnreadableReportException(part.path(), "operations[" + i + "] (" + operation.name
                            + "): " + e.getMessage() + "; merge needs it to recompute the percentiles");
                }
            }
        }
        List<OperationReport> merged = new ArrayList<>();
        for (MergedOperation operation : byName.values()) {
            merged.add(operation.result(seconds));
        }
        return merged;
    }

    private static Report.Agent agent(List<ReportFile> parts) {
        List<Report.Agent> agents = parts.stream().map(p -> p.report().agent).filter(Objects::nonNull)
                .collect(Collectors.toList());
        if (agents.isEmpty()) {
            return null;
        }
        Report.Agent agent = new Report.Agent();
        agent.version = agents.stream().map(a -> a.version).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        agent.include = union(agents.stream().map(a -> a.include).collect(Collectors.toList()));
        agent.exclude = union(agents.stream().map(a -> a.exclude).collect(Collectors.toList()));
        return agent;
    }

    private static List<String> union(List<List<String>> lists) {
        Set<String> union = new LinkedHashSet<>();
        lists.stream().filter(Objects::nonNull).forEach(union::addAll);
        return new ArrayList<>(union);
    }

    /** The JVM when all parts come from the same one (windows of one run); otherwise none. */
    private static Report.Jvm commonJvm(List<ReportFile> parts) {
        Report.Jvm first = parts.get(0).report().jvm;
        boolean same = first != null && parts.stream().map(p -> p.report().jvm)
                .allMatch(j -> j != null && sameJvm(j, first));
        return same ? first : null;
    }

    private static boolean sameJvm(Report.Jvm a, Report.Jvm b) {
        return a.pid == b.pid && Objects.equals(a.host, b.host);
    }

    private static Report.Window window(List<ReportFile> parts) {
        Instant start = null;
        Instant end = null;
        for (ReportFile part : parts) {
            Instant[] span = span(part.report().window);
            if (span != null) {
                start = start == null || span[0].isBefore(start) ? span[0] : start;
                end = end == null || span[1].isAfter(end) ? span[1] : end;
            }
        }
        if (start == null) {
            return null;
        }
        Report.Window window = new Report.Window();
        window.start = start.toString();
        window.end = end.toString();
        window.seconds = Math.max(0, Duration.between(start, end).toMillis() / 1000.0);
        return window;
    }

    /** A window's start and end, or null when it is absent or unreadable. */
    private static Instant[] span(Report.Window window) {
        if (window == null || window.start == null || window.end == null) {
            return null;
        }
        try {
            return new Instant[] {Instant.parse(window.start), Instant.parse(window.end)};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Report.Dropped dropped(List<ReportFile> parts) {
        Report.Dropped dropped = new Report.Dropped();
        for (ReportFile part : parts) {
            if (part.report().dropped != null) {
                dropped.operations += part.report().dropped.operations;
            }
        }
        return dropped;
    }

    private static List<String> warnings(List<ReportFile> parts) {
        Set<String> warnings = new LinkedHashSet<>();
        for (ReportFile part : parts) {
            if (part.report().warnings != null) {
                warnings.addAll(part.report().warnings);
            }
        }
        warnings.addAll(overlaps(parts));
        return new ArrayList<>(warnings);
    }

    /** Parts from one JVM whose windows overlap: their common calls are counted twice. */
    public static List<String> overlaps(List<ReportFile> parts) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                Report a = parts.get(i).report();
                Report b = parts.get(j).report();
                Instant[] spanA = span(a.window);
                Instant[] spanB = span(b.window);
                if (a.jvm != null && b.jvm != null && sameJvm(a.jvm, b.jvm) && spanA != null && spanB != null
                        && spanA[0].isBefore(spanB[1]) && spanB[0].isBefore(spanA[1])) {
                    overlaps.add(parts.get(i).path().getFileName() + " and " + parts.get(j).path().getFileName()
                            + " come from the same JVM (pid " + a.jvm.pid + ") with overlapping windows;"
                            + " calls in the overlap are counted twice");
                }
            }
        }
        return overlaps;
    }
}
