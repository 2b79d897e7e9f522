package dev.sonde.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A report a forked JVM wrote, read as plain JSON (independently of sonde's own model classes). */
public final class ReportFile {

    private final Path path;
    private final JsonNode root;

    private ReportFile(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    /** The single report in {@code directory}; fails if there is none or several. */
    public static ReportFile onlyIn(Path directory) throws IOException {
        List<Path> reports = reportsIn(directory);
        if (reports.size() != 1) {
            throw new AssertionError("expected exactly one report in " + directory + " but found " + reports);
        }
        return read(reports.get(0));
    }

    public static List<Path> reportsIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    public static ReportFile read(Path path) throws IOException {
        return new ReportFile(path, new ObjectMapper().readTree(path.toFile()));
    }

    public JsonNode root() {
        return root;
    }

    public Path path() {
        return path;
    }

    /** Operation name → call count. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        root.get("operations").forEach(op -> counts.put(op.get("name").asText(), op.get("count").asLong()));
        return counts;
    }

    public JsonNode operation(String name) {
        for (JsonNode op : root.get("operations")) {
            if (op.get("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name + " in " + path + "; operations: " + counts().keySet());
    }

    public List<String> operationNames() {
        List<String> names = new ArrayList<>();
        root.get("operations").forEach(op -> names.add(op.get("name").asText()));
        return names;
    }

    public List<String> ranking(String name) {
        List<String> names = new ArrayList<>();
        root.get("rankings").get(name).forEach(n -> names.add(n.asText()));
        return names;
    }
}
