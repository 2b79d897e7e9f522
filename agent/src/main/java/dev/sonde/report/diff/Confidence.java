package dev.sonde.report.diff;

import java.math.BigDecimal;

/**
 * A two-sided confidence level such as 95 %: each interval misses the true figure with probability
 * at most {@code 1 - level}, half of it on either side.
 */
public final class Confidence {

    /** 95 %. */
    public static final BigDecimal DEFAULT_PERCENT = BigDecimal.valueOf(95);

    private final BigDecimal percent;
    private final double z;

    private Confidence(BigDecimal percent) {
        this.percent = percent;
        this.z = standardNormalQuantile(1 - tail());
    }

    /** @throws IllegalArgumentException unless {@code 50 <= percent < 100} */
    public static Confidence percent(BigDecimal percent) {
        if (percent.compareTo(BigDecimal.valueOf(50)) < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("a confidence is at least 50% and below 100%");
        }
        return new Confidence(percent);
    }

    public static Confidence defaults() {
        return new Confidence(DEFAULT_PERCENT);
    }

    public BigDecimal percentValue() {
        return percent;
    }

    /** {@code 95%}. */
    public String text() {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    /** The probability the interval may miss on one side: 0.025 at 95 %. */
    public double tail() {
        return (1 - percent.doubleValue() / 100) / 2;
    }

    /** The standard normal quantile of {@code 1 - tail()}: 1.96 at 95 %. */
    public double z() {
        return z;
    }

    /**
     * Acklam's rational approximation of the inverse standard normal distribution function (relative
     * error below 1.2e-9): plenty for an interval whose ends are histogram buckets 1 % wide.
     */
    static double standardNormalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -standardNormalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
