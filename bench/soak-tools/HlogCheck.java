import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.File;

/**
 * Reads sonde's interval logs with HdrHistogram's own reader, as a user's tools would, and prints
 * one line per file: the histograms and calls in it. Exit 1 if a file cannot be read to its end.
 * Run by bench/soak with the source launcher: java -cp HdrHistogram.jar HlogCheck.java FILE...
 */
public final class HlogCheck {

    public static void main(String[] args) {
        int status = 0;
        for (String name : args) {
            long histograms = 0;
            long calls = 0;
            try (HistogramLogReader reader = new HistogramLogReader(new File(name))) {
                while (reader.hasNext()) {
                    EncodableHistogram histogram = reader.nextIntervalHistogram();
                    if (histogram == null) {
                        break;
                    }
                    histograms++;
                    calls += ((org.HdrHistogram.Histogram) histogram).getTotalCount();
                }
                System.out.println("hlog ok " + name + " histograms=" + histograms + " calls=" + calls);
            } catch (Exception e) {
                System.out.println("hlog BROKEN " + name + " after " + histograms + " histograms: " + e);
                status = 1;
            }
        }
        System.exit(status);
    }
}
