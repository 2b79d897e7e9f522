package dev.sonde.report.view;

import java.util.List;
import java.util.Locale;

/**
 * Draws latency-by-percentile curves as inline SVG, the classic HdrHistogram plot: the x axis
 * stretches the tail ({@code 1 / (1 - p)} on a log scale: 50 %, 90 %, 99 %, 99.9 % equally spaced),
 * the y axis is linear latency from 0. The axis ends at the deepest percentile the call count
 * supports (99 % needs 100 calls), where each curve rises to its maximum. Several curves share the
 * axes and get a legend above the plot.
 */
public final class PercentileChart {

    /** One curve: its legend label and the CSS class that colours it. */
    public static final class Series {
        final String label;
        final String cssClass;
        final PercentileCurve curve;

        public Series(String label, String cssClass, PercentileCurve curve) {
            this.label = label;
            this.cssClass = cssClass;
            this.curve = curve;
        }
    }

    private static final int WIDTH = 440;
    private static final int HEIGHT = 220;
    private static final int LEFT = 62;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 30;
    private static final int TOP_PLAIN = 12;
    private static final int TOP_WITH_LEGEND = 30;
    private static final double[] TAIL_LEVELS = {90, 99, 99.9, 99.99, 99.999, 99.9999};
    private static final double[] LABELLED_LEVELS = {0, 50, 90, 99, 99.9, 99.99, 99.999, 99.9999};

    private final List<Series> series;
    private final double deepest;
    private final double step;
    private final double yTop;
    private final int top;

    private PercentileChart(List<Series> series) {
        this.series = series;
        long count = series.stream().mapToLong(s -> s.curve.count()).max().orElse(1);
        long max = series.stream().mapToLong(s -> s.curve.max()).max().orElse(1);
        this.deepest = deepestLevel(count);
        this.step = tickStep(max);
        this.yTop = Math.max(1, Math.ceil(max / step)) * step;
        this.top = series.size() > 1 ? TOP_WITH_LEGEND : TOP_PLAIN;
    }

    /** An {@code <svg>} element with the given curves on shared axes; {@code title} is its accessible name. */
    public static String svg(String title, List<Series> series) {
        return new PercentileChart(series).draw(title);
    }

    /** The deepest tail level with at least one call beyond it, never less than 90 %. */
    static double deepestLevel(long count) {
        double deepest = TAIL_LEVELS[0];
        for (double level : TAIL_LEVELS) {
            if ((100 - level) / 100 * count >= 1 - 1e-9) {
                deepest = level;
            }
        }
        return deepest;
    }

    /** The distance between y ticks: 1, 2 or 5 times a power of ten (at least 1 ns), about four steps up to {@code max}. */
    static double tickStep(long max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 4.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * magnitude >= raw) {
                return Math.max(1, factor * magnitude);
            }
        }
        return Math.max(1, 10 * magnitude);
    }

    private String draw(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(HtmlPage.escape(title)).append("\">")
                .append("<title>").append(HtmlPage.escape(title)).append("</title>");
        appendYAxis(svg);
        appendXAxis(svg);
        for (Series one : series) {
            appendCurve(svg, one);
        }
        if (series.size() > 1) {
            appendLegend(svg);
        }
        return svg.append("</svg>").toString();
    }

    private void appendYAxis(StringBuilder svg) {
        for (double value = 0; value <= yTop + step / 2; value += step) {
            double y = y(value);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(value == 0 ? "0" : HtmlPage.escape(HumanUnits.duration(Math.round(value))))
                    .append("</text>");
        }
    }

    private void appendXAxis(StringBuilder svg) {
        for (double level : LABELLED_LEVELS) {
            if (level > deepest) {
                break;
            }
            double x = x(level);
            svg.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"").append(top).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">").append(label(level)).append("</text>");
        }
    }

    private void appendCurve(StringBuilder svg, Series one) {
        StringBuilder points = new StringBuilder();
        for (double[] point : one.curve.points()) {
            points.append(fmt(x(point[0]))).append(',').append(fmt(y(point[1]))).append(' ');
        }
        svg.append("<polyline class=\"curve ").append(one.cssClass).append("\" points=\"")
                .append(points.toString().trim()).append("\"><title>").append(HtmlPage.escape(one.label))
                .append("</title></polyline>");
    }

    /** One line above the plot: a stroke sample and the label of each curve. */
    private void appendLegend(StringBuilder svg) {
        int x = LEFT;
        int y = TOP_WITH_LEGEND - 14;
        for (Series one : series) {
            svg.append("<line class=\"curve ").append(one.cssClass).append("\" x1=\"").append(x)
                    .append("\" x2=\"").append(x + 20).append("\" y1=\"").append(y - 4).append("\" y2=\"").append(y - 4)
                    .append("\"/><text class=\"legend\" x=\"").append(x + 26).append("\" y=\"").append(y).append("\">")
                    .append(HtmlPage.escape(one.label)).append("</text>");
            x += 40 + 7 * one.label.length();
        }
    }

    /** Percentiles past the axis end are drawn at its end: the curve climbs there to its maximum. */
    private double x(double percentile) {
        double level = Math.min(percentile, deepest);
        return LEFT + tail(level) / tail(deepest) * (WIDTH - LEFT - RIGHT);
    }

    private static double tail(double percentile) {
        return Math.log10(100 / (100 - percentile));
    }

    private double y(double value) {
        return top + (HEIGHT - top - BOTTOM) * (1 - value / yTop);
    }

    private static String label(double level) {
        return (level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(level)) + "%";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
