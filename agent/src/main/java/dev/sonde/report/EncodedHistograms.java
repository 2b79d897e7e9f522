package dev.sonde.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The encoded histograms of an operation ({@code latencyNs}, {@code selfNs}, {@code allocBytes}) and
 * whether each one decodes. A histogram that is there but garbled means the file was damaged or
 * edited, whatever the command: {@link ReportReader} refuses it in one wording for {@code report}
 * (every format), {@code diff} and {@code merge}, rather than one command refusing it and another
 * quietly drawing no chart.
 */
final class EncodedHistograms {

    private EncodedHistograms() {
    }

    /** {@code latencyNs.histogram cannot be decoded ...} for the first histogram that does not decode. */
    static Optional<String> problem(OperationReport operation) {
        for (Map.Entry<String, String> histogram : of(operation).entrySet()) {
            if (histogram.getValue() != null && !decodes(histogram.getValue())) {
                return Optional.of(histogram.getKey() + ".histogram cannot be decoded"
                        + " (not an HdrHistogram in compressed base64: was the file damaged or edited?)");
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> of(OperationReport operation) {
        Map<String, String> histograms = new LinkedHashMap<>();
        histograms.put("latencyNs", operation.latencyNs == null ? null : operation.latencyNs.histogram);
        histograms.put("selfNs", operation.selfNs == null ? null : operation.selfNs.histogram);
        histograms.put("allocBytes", operation.allocBytes == null ? null : operation.allocBytes.histogram);
        return histograms;
    }

    private static boolean decodes(String encoded) {
        try {
            HistogramCodec.decode(encoded);
            return true;
        } catch (Exception | LinkageError garbled) {
            // Base64 and zlib errors, and HdrHistogram's own checks (a wrong cookie, a length past the buffer)
            return false;
        }
    }
}
