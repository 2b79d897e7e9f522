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
 * in nanoseconds (bytes for {@code alloc}); {@code changePercent} is null when the base is 0.
 */
public final class DiffJsonWriter {

    public static final String SCHEMA = "sonde-diff/1";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(ReportDiff diff, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("base", diff.base().path().toString());
        root.put("current", diff.current().path().toString());
        ObjectNode rule = root.putObject("rule");
        rule.put("thresholdPercent", diff.rule().thresholdPercent());
        ArrayNode metrics = rule.putArray("metrics");
        diff.rule().metrics().forEach(m -> metrics.add(m.key()));
        rule.put("minCount", diff.rule().minCount());
        rule.put("minDeltaNs", diff.rule().minDeltaNanos());
        rule.put("minDeltaBytes", diff.rule().minDeltaBytes());
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
                metric.put("changePercent", Math.round(change.percentChange() * 100) / 100.0);
            }
            metric.put("verdict", change.verdict().name().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    private ObjectNode brief(OperationReport operation) {
        return mapper.createObjectNode()
                .put("name", operation.name)
                .put("count", operation.count)
                .put("p50", operation.latencyNs.p50)
                .put("p99", operation.latencyNs.p99);
    }
}
