package dev.sonde.report.view;

import java.util.List;
import java.util.Locale;

/**
 * Draws latency-by-percentile curves as inline SVG, the classic HdrHistogram plot: the x axis
 * stretches the tail ({@code 1 / (1 - p)} on a log scale: 50 %, 90 %, 99 %, 99.9 % equally spaced),
 * the y axis is linear latency from 0. The axis ends at the deepest percentile the call count
 * supports (99 % needs 100 calls), where each curve rises to its maximum.
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
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final double[] TAIL_LEVELS = {90, 99, 99.9, 99.99, 99.999, 99.9999};
    private static final double[] LABELLED_LEVELS = {0, 50, 90, 99, 99.9, 99.99, 99.999, 99.9999};

    private PercentileChart() {
    }

    /** An {@code <svg>} element with the given curves on shared axes; {@code title} is its accessible name. */
    public static String svg(String title, List<Series> series) {
        long count = series.stream().mapToLong(s -> s.curve.count()).max().orElse(1);
        long max = series.stream().mapToLong(s -> s.curve.max()).max().orElse(1);
        double deepest = deepestLevel(count);
        double step = tickStep(max);
        double yTop = Math.max(1, Math.ceil(max / step)) * step;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(HtmlPage.escape(title)).append("\">")
                .append("<title>").append(HtmlPage.escape(title)).append("</title>");
        appendYAxis(svg, yTop, step);
        appendXAxis(svg, deepest);
        for (Series one : series) {
            appendCurve(svg, one, deepest, yTop);
        }
        if (series.size() > 1) {
            appendLegend(svg, series);
        }
        return svg.append("</svg>").toString();
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

    private static void appendYAxis(StringBuilder svg, double yTop, double step) {
        for (double value = 0; value <= yTop + step / 2; value += step) {
            double y = y(value, yTop);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(HtmlPage.escape(HumanUnits.duration(Math.round(value))))
                    .append("</text>");
        }
    }

    private static void appendXAxis(StringBuilder svg, double deepest) {
        for (double level : LABELLED_LEVELS) {
            if (level > deepest) {
                break;
            }
            double x = x(level, deepest);
            svg.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">").append(label(level)).append("</text>");
        }
    }

    private static void appendCurve(StringBuilder svg, Series series, double deepest, double yTop) {
        StringBuilder points = new StringBuilder();
        for (double[] point : series.curve.points()) {
            points.append(fmt(x(point[0], deepest))).append(',').append(fmt(y(point[1], yTop))).append(' ');
        }
        svg.append("<polyline class=\"curve ").append(series.cssClass).append("\" points=\"")
                .append(points.toString().trim()).append("\"><title>").append(HtmlPage.escape(series.label))
                .append("</title></polyline>");
    }

    private static void appendLegend(StringBuilder svg, List<Series> series) {
        int y = TOP + 14;
        for (Series one : series) {
            svg.append("<line class=\"curve ").append(one.cssClass).append("\" x1=\"").append(LEFT + 10)
                    .append("\" x2=\"").append(LEFT + 30).append("\" y1=\"").append(y - 4).append("\" y2=\"").append(y - 4)
                    .append("\"/><text class=\"legend\" x=\"").append(LEFT + 36).append("\" y=\"").append(y).append("\">")
                    .append(HtmlPage.escape(one.label)).append("</text>");
            y += 16;
        }
    }

    /** Percentiles past the axis end are drawn at its end: the curve climbs there to its maximum. */
    private static double x(double percentile, double deepest) {
        double level = Math.min(percentile, deepest);
        return LEFT + tail(level) / tail(deepest) * (WIDTH - LEFT - RIGHT);
    }

    private static double tail(double percentile) {
        return Math.log10(100 / (100 - percentile));
    }

    private static double y(double value, double yTop) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / yTop);
    }

    private static String label(double level) {
        return (level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(level)) + "%";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
