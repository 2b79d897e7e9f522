package org.HdrHistogram;

/**
 * sonde's, not HdrHistogram's: a histogram's counts read bucket by bucket where they are, which
 * HdrHistogram has no public API for (its iterators walk every bucket from 0 with an object per
 * step, and {@code getCountAtValue} works out a bucket's index again for every value). The metrics
 * export reads sonde's live histograms this way instead of copying them.
 *
 * <p>It sits in HdrHistogram's package to reach the package-private index methods. The agent jar
 * relocates it with the library ({@code dev.sonde.shaded.hdrhistogram}) and one class loader loads
 * both, so they share that package at run time too. The caller guards the histogram: reads here
 * are not synchronized.
 */
public final class CountsInPlace {

    private CountsInPlace() {
    }

    /**
     * The index of the bucket that holds {@code value}, in {@code layout} and in every histogram of
     * the same significant digits and lowest discernible value (a histogram's size does not change it).
     */
    public static int indexOf(Histogram layout, long value) {
        return layout.countsArrayIndex(value);
    }

    /** The count of bucket {@code index}, which must be below the index of a value the histogram tracks. */
    public static long countAt(Histogram histogram, int index) {
        return histogram.getCountAtIndex(index);
    }

    /** The highest value of bucket {@code index}: the value sonde's reports give for a percentile in it. */
    public static long highestValueAt(Histogram layout, int index) {
        return layout.highestEquivalentValue(layout.valueFromIndex(index));
    }
}
