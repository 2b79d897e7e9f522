package dev.sonde.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.report.OperationReport;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code diff --format json}: the whole comparison for scripts, schema {@value #SCHEMA}. Figures are
 * in nanoseconds (bytes for {@code alloc}); {@code changePercent} is null when the base is 0; the
 * interval fields are null when a run has too few calls to bound the metric.
 */
public final class DiffJsonWriter {

    public static final String SCHEMA = "sonde-diff/2";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(ReportDiff diff, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("base", diff.base().path().toString());
        root.put("current", diff.current().path().toString());
        ArrayNode baseRuns = root.putArray("baseRuns");
        diff.base().files().forEach(f -> baseRuns.add(f.path().toString()));
        ArrayNode currentRuns = root.putArray("currentRuns");
        diff.current().files().forEach(f -> currentRuns.add(f.path().toString()));
        ObjectNode rule = root.putObject("rule");
        rule.put("thresholdPercent", diff.rule().thresholdPercent());
        ArrayNode metrics = rule.putArray("metrics");
        diff.rule().metrics().forEach(m -> metrics.add(m.key()));
        rule.put("minCount", diff.rule().minCount());
        rule.put("minDeltaNs", diff.rule().minDeltaNanos());
        rule.put("minDeltaBytes", diff.rule().minDeltaBytes());
        rule.put("confidencePercent", diff.rule().confidence().percentValue());
        root.put("regression", diff.hasRegression());
        root.put("summary", diff.verdict());
        ArrayNode compared = root.putArray("compared");
        diff.compared().forEach(operation -> compared.add(compared(operation)));
        ArrayNode added = root.putArray("new");
        diff.added().forEach(operation -> added.add(brief(operation)));
        ArrayNode vanished = root.putArray("vanished");
        diff.vanished().forEach(operation -> vanished.add(brief(operation)));
        ArrayNode ignored = root.putArray("ignored");
        diff.ignored().forEach(operation -> ignored.addObject().put("name", operation.name())
                .put("baseCount", operation.baseCount()).put("currentCount", operation.currentCount()));
        ArrayNode notes = root.putArray("notes");
        diff.notes().forEach(notes::add);
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode compared(OperationDiff operation) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", operation.name());
        node.put("status", operation.status());
        node.putObject("count").put("base", operation.base().count).put("current", operation.current().count);
        ObjectNode metrics = node.putObject("metrics");
        for (MetricChange change : operation.changes()) {
            ObjectNode metric = metrics.putObject(change.metric().key());
            metric.put("base", change.base());
            metric.put("current", change.current());
            metric.put("delta", change.delta());
            if (Double.isInfinite(change.percentChange())) {
                metric.putNull("changePercent");
            } else {
                metric.put("changePercent", rounded(change.percentChange()));
            }
            bounds(metric, "base", change.baseEstimate());
            bounds(metric, "current", change.currentEstimate());
            if (change.hasInterval()) {
                metric.put("changePercentLow", rounded(change.lowestPercentChange()));
                metric.put("changePercentHigh", rounded(change.highestPercentChange()));
            } else {
                metric.putNull("changePercentLow");
                metric.putNull("changePercentHigh");
            }
            metric.put("verdict", change.verdict().name().toLowerCase(Locale.ROOT));
            if (change.reason() != null) {
                metric.put("reason", change.reason());
            }
            metric.put("text", change.describe());
        }
        return node;
    }

    /** {@code baseLower}, {@code baseUpper}: null without an interval. */
    private static void bounds(ObjectNode metric, String side, MetricEstimate estimate) {
        if (estimate.hasInterval()) {
            metric.put(side + "Lower", estimate.lower());
            metric.put(side + "Upper", estimate.upper());
        } else {
            metric.putNull(side + "Lower");
            metric.putNull(side + "Upper");
        }
    }

    /** Two decimals; null for an infinite bound (a base whose lower bound is 0). */
    private static Double rounded(double percent) {
        return Double.isInfinite(percent) ? null : Math.round(percent * 100) / 100.0;
    }

    private ObjectNode brief(OperationReport operation) {
        return mapper.createObjectNode()
                .put("name", operation.name)
                .put("count", operation.count)
                .put("p50", operation.latencyNs.p50)
                .put("p99", operation.latencyNs.p99);
    }
}
