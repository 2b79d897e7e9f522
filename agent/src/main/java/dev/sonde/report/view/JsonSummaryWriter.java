package dev.sonde.report.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.report.OperationReport;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code report --format json}: what the table shows, for scripts. Schema {@value #SCHEMA}: the
 * source file, the order, the top operations as in the report but without their encoded
 * histograms (each with its {@code rank}), and the findings with their figures as numbers.
 */
public final class JsonSummaryWriter {

    public static final String SCHEMA = "sonde-summary/1";

    private static final List<String> SECTIONS_WITH_HISTOGRAMS = List.of("latencyNs", "selfNs", "allocBytes");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(ReportView view, PrintWriter out) {
        ObjectNode summary = mapper.createObjectNode();
        summary.put("schema", SCHEMA);
        summary.put("source", view.path().toString());
        summary.put("by", view.order().key());
        summary.put("operationsInReport", view.totalOperations());
        ArrayNode operations = summary.putArray("operations");
        int rank = 1;
        for (OperationReport operation : view.operations()) {
            ObjectNode entry = operations.addObject().put("rank", rank++);
            entry.setAll(withoutHistograms(operation));
        }
        ArrayNode findings = summary.putArray("findings");
        for (Finding finding : view.findings()) {
            ObjectNode entry = findings.addObject()
                    .put("finding", finding.key())
                    .put("title", finding.title())
                    .put("operation", finding.operation());
            if (finding.unit().equals("ns") || finding.unit().equals("bytes")) {
                entry.put("value", (long) finding.value());
            } else {
                entry.put("value", Math.round(finding.value() * 100) / 100.0);
            }
            entry.put("unit", finding.unit())
                    .put("text", finding.figure() + " (" + finding.detail() + ")");
        }
        try {
            out.println(mapper.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode withoutHistograms(OperationReport operation) {
        ObjectNode node = mapper.valueToTree(operation);
        for (String section : SECTIONS_WITH_HISTOGRAMS) {
            if (node.get(section) instanceof ObjectNode) {
                ((ObjectNode) node.get(section)).remove("histogram");
            }
        }
        return node;
    }
}
