package dev.sonde.report;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report file and checks that the tools can rely on it: JSON, whole, schema
 * {@value Report#SCHEMA}, and every operation with a name, a count and latency figures.
 *
 * <p>Fields it does not know are ignored (adding fields is a compatible change, docs/report-schema.md);
 * sections a feature may leave out ({@code selfNs}, {@code allocBytes}, {@code http}, some rankings)
 * stay null. Every problem becomes an {@link UnreadableReportException} with a one-line message.
 */
public final class ReportReader {

    private static final Pattern SCHEMA = Pattern.compile("sonde-report/(\\d+)");
    private static final int SUPPORTED_VERSION = 1;
    private static final int MAX_DETAIL = 120;

    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads and checks one report file. */
    public ReportFile read(Path file) throws UnreadableReportException {
        return check(file, contents(file));
    }

    /**
     * Reads and checks a report that came as text rather than in a file (the MBean's
     * {@code cumulativeReport}); {@code source} names where it came from in messages.
     */
    public ReportFile readText(String json, Path source) throws UnreadableReportException {
        return check(source, json.getBytes(StandardCharsets.UTF_8));
    }

    private ReportFile check(Path file, byte[] bytes) throws UnreadableReportException {
        JsonNode tree = parse(file, bytes);
        checkSchema(file, tree);
        Report report = bind(file, tree);
        checkOperations(file, report);
        return new ReportFile(file, report, profiles(tree));
    }

    private static byte[] contents(Path file) throws UnreadableReportException {
        if (Files.isDirectory(file)) {
            throw new UnreadableReportException(file, "is a directory, not a report file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                throw new UnreadableReportException(file, "is empty, not a sonde report");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UnreadableReportException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableReportException(file, "permission denied");
        } catch (IOException e) {
            throw new UnreadableReportException(file, "cannot be read: " + e);
        }
    }

    private JsonNode parse(Path file, byte[] bytes) throws UnreadableReportException {
        try {
            return mapper.readTree(bytes);
        } catch (JsonParseException e) {
            if (endsEarly(e, bytes)) {
                throw new UnreadableReportException(file, "is truncated: the JSON ends early (line "
                        + e.getLocation().getLineNr() + "); was it copied while being written?");
            }
            throw new UnreadableReportException(file, "is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + detail(e) + ")");
        } catch (MismatchedInputException e) {
            // Reading a tree, only what follows the report can mismatch: a second value (files joined).
            throw new UnreadableReportException(file, "is not one JSON document: more follows the report (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UnreadableReportException(file, "cannot be read: " + e);
        }
    }

    /**
     * Whether the parser stopped because the input ended: Jackson says so with a
     * {@link JsonEOFException} in most places, with a plain parse exception in some (a file cut
     * between two object entries, or right after a number's decimal point).
     */
    private static boolean endsEarly(JsonParseException e, byte[] bytes) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonEOFException || message.contains("end-of-input")) {
            return true;
        }
        if (!message.contains("numeric value")) {
            return false;
        }
        long offset = e.getLocation().getByteOffset() >= 0 ? e.getLocation().getByteOffset() : e.getLocation().getCharOffset();
        // A number cut after its "." or "e": the parser points at that last character.
        return offset >= new String(bytes, StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8).length - 1;
    }

    private static void checkSchema(Path file, JsonNode tree) throws UnreadableReportException {
        if (!tree.isObject()) {
            throw new UnreadableReportException(file, "is not a sonde report (the JSON is not an object)");
        }
        JsonNode schema = tree.get("schema");
        if (schema == null) {
            throw new UnreadableReportException(file, "is not a sonde report (no \"schema\" field)");
        }
        if (!schema.isTextual()) {
            throw new UnreadableReportException(file, "is not a sonde report (schema " + schema
                    + "; report, diff and merge read \"" + Report.SCHEMA + "\")");
        }
        Matcher matcher = SCHEMA.matcher(schema.asText());
        if (!matcher.matches()) {
            throw new UnreadableReportException(file, "is not a sonde report (schema \"" + schema.asText()
                    + "\"; report, diff and merge read " + Report.SCHEMA + ")");
        }
        if (!matcher.group(1).equals(String.valueOf(SUPPORTED_VERSION))) {
            throw new UnreadableReportException(file, "has schema " + schema.asText()
                    + ", which this sonde does not read (it reads " + Report.SCHEMA + "); use the sonde version that wrote it, or newer");
        }
    }

    private Report bind(Path file, JsonNode tree) throws UnreadableReportException {
        try {
            return mapper.treeToValue(tree, Report.class);
        } catch (MismatchedInputException e) {
            throw invalid(file, fieldPath(e) + " is not " + JsonKind.of(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw invalid(file, fieldPath(e) + ": " + detail(e));
        } catch (JsonProcessingException e) {
            throw invalid(file, detail(e));
        }
    }

    private static void checkOperations(Path file, Report report) throws UnreadableReportException {
        if (report.operations == null) {
            throw invalid(file, "\"operations\" is missing");
        }
        for (int i = 0; i < report.operations.size(); i++) {
            OperationReport operation = report.operations.get(i);
            String where = "operations[" + i + "]";
            if (operation == null) {
                throw invalid(file, where + " is null");
            }
            if (operation.name == null || operation.name.isBlank()) {
                throw invalid(file, where + " has no name");
            }
            if (operation.latencyNs == null) {
                throw invalid(file, where + " (" + operation.name + ") has no latencyNs");
            }
            if (operation.count < 0 || operation.errors < 0) {
                throw invalid(file, where + " (" + operation.name + ") has a negative count");
            }
            Optional<String> histogram = EncodedHistograms.problem(operation);
            if (histogram.isPresent()) {
                throw invalid(file, where + " (" + operation.name + "): " + histogram.get());
            }
        }
    }

    private static List<ProfileEntry> profiles(JsonNode tree) {
        List<ProfileEntry> profiles = new ArrayList<>();
        JsonNode listed = tree.get("profiles");
        if (listed == null || !listed.isArray()) {
            return profiles;
        }
        for (JsonNode entry : listed) {
            if (entry.hasNonNull("file") || entry.hasNonNull("slice")) {
                profiles.add(new ProfileEntry(text(entry, "file"), text(entry, "event"),
                        text(entry, "start"), entry.path("seconds").asDouble(0), text(entry, "reason"),
                        text(entry, "operation"), text(entry, "slice"), entry.path("calls").asLong(-1),
                        entry.path("samples").asLong(-1), text(entry, "note")));
            }
        }
        return profiles;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static UnreadableReportException invalid(Path file, String problem) {
        return new UnreadableReportException(file, "is not a valid sonde report: " + problem);
    }

    /** Where in the document a binding problem is, e.g. {@code operations[3].count}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(top level)" : path.toString();
    }

    /** Jackson's message, first line only, without its list of what JSON may hold: the user gets one short line. */
    private static String detail(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        for (String cut : new String[] {"\n", ": expected", ": was expecting"}) {
            int at = message.indexOf(cut);
            if (at > 0) {
                message = message.substring(0, at);
            }
        }
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "..." : message;
    }
}
