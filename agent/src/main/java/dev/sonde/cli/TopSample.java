package dev.sonde.cli;

import dev.sonde.report.Report;
import dev.sonde.report.WindowBetweenReports;
import dev.sonde.report.view.TopFrame;
import dev.sonde.report.view.TopSettings;

import java.util.List;
import java.util.zip.DataFormatException;

/**
 * One reading of the target for {@code top}: sonde's cumulative report and the JVM's own figures,
 * taken together. Two readings make a frame of the window between them.
 */
final class TopSample {

    private final Report cumulative;
    private final JvmFigures jvm;

    TopSample(Report cumulative, JvmFigures jvm) {
        this.cumulative = cumulative;
        this.jvm = jvm;
    }

    /** The frame of what happened from {@code earlier} to this reading. */
    TopFrame frameSince(TopSample earlier, long pid, TopSettings settings, List<String> footer) throws TargetException {
        try {
            Report window = WindowBetweenReports.between(earlier.cumulative, cumulative);
            return new TopFrame(header(earlier, pid), window, settings, footer);
        } catch (DataFormatException e) {
            throw new TargetException("sonde in JVM " + pid + " started a new recording while top ran (" + e.getMessage() + ")");
        }
    }

    /** A frame with no window yet: the first one is being collected. */
    TopFrame waitingFrame(long pid, TopSettings settings, List<String> footer) {
        return new TopFrame(header(this, pid), null, settings, footer);
    }

    private List<String> header(TopSample earlier, long pid) {
        String mainClass = cumulative.jvm == null ? null : cumulative.jvm.mainClass;
        return jvm.describeSince(earlier.jvm, pid, mainClass);
    }
}
