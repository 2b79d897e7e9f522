package dev.sonde.profile;

import one.convert.Arguments;
import one.convert.FlameGraph;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the flame graphs of {@link CallSlices} with async-profiler's own flame graph code: a slice
 * as an ordinary flame graph of its samples, and the difference as a differential flame graph
 * whose widths are the slow calls' samples per {@link CallSlices#PER_CALLS} calls and whose colours
 * are the change from the normal calls' (red: slow calls spend more there, blue: less). HTML, or
 * collapsed text (one line per stack) when that is the profile's format.
 */
final class SliceGraphWriter {

    private final boolean collapsed;

    SliceGraphWriter(ProfileFormat format) {
        this.collapsed = format == ProfileFormat.COLLAPSED;
    }

    String extension() {
        return collapsed ? "collapsed" : "html";
    }

    void writeSlice(Slice slice, String title, Path file) throws IOException {
        write(graph(slice.stacks(), title), file);
    }

    /**
     * HTML: a differential flame graph, the slow calls' samples per {@link CallSlices#PER_CALLS}
     * calls coloured by their change from the normal calls'. Collapsed text has no colours: each
     * stack's line holds how many more samples per {@link CallSlices#PER_CALLS} calls the slow calls
     * had (stacks where they had fewer are left out).
     */
    void writeDifference(CallSlices slices, String title, Path file) throws IOException {
        if (collapsed) {
            Map<String, Long> more = new HashMap<>();
            slices.differenceByStack().forEach((stack, value) -> more.put(stack, Math.round(value)));
            write(graph(more, title), file);
            return;
        }
        FlameGraph slow = graph(rounded(slices.slow().perCalls(CallSlices.PER_CALLS)), title);
        FlameGraph normal = graph(rounded(slices.normal().perCalls(CallSlices.PER_CALLS)), title);
        slow.diff(normal);
        write(slow, file);
    }

    private FlameGraph graph(Map<String, Long> stacks, String title) throws IOException {
        Arguments args = new Arguments();
        // async-profiler prints the title into the page's heading as it is; operation names may hold < or &.
        args.title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        if (collapsed) {
            args.output = "collapsed";
        }
        FlameGraph graph = new FlameGraph(args);
        StringBuilder text = new StringBuilder();
        stacks.forEach((stack, count) -> {
            if (count > 0) {
                text.append(stack).append(' ').append(count).append('\n');
            }
        });
        graph.parseCollapsed(new StringReader(text.toString()));
        return graph;
    }

    private static Map<String, Long> rounded(Map<String, Double> values) {
        Map<String, Long> result = new HashMap<>();
        values.forEach((stack, value) -> result.put(stack, Math.round(value)));
        return result;
    }

    private static void write(FlameGraph graph, Path file) throws IOException {
        GraphFile.write(file, graph::dump);
    }
}
