package com.mizani.app.console.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as SVG by the page (no script): one bar per hour, its value written above it (an empty hour
 * has none), so that the chart says its numbers and not only its shape. Values are display quantities (counts, or volumes in major units of one
 * currency), never summed across currencies.
 *
 * @param title the chart's heading
 * @param bars  the bars, oldest first, with their coordinates in the chart's view box
 */
public record BarChart(String title, List<Bar> bars, String peak) {

    static final int WIDTH = 960;
    static final int HEIGHT = 180;
    static final int TOP = 18;
    static final int BOTTOM = 24;

    public record Bar(int x, int y, int width, int height, String label, String value, int labelX, int valueY,
                      String description) {
    }

    public record Point(String label, BigDecimal value) {
    }

    public static BarChart of(String title, List<Point> points) {
        BigDecimal peak = points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        int slots = Math.max(points.size(), 1);
        int slot = WIDTH / slots;
        int width = Math.max(slot - 4, 2);
        int drawable = HEIGHT - TOP - BOTTOM;
        // Hour labels at most every 45 units, so that they never run into each other.
        int labelEvery = Math.max(1, (int) Math.ceil(45.0 / slot));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            int height = peak.signum() == 0 ? 0 : point.value().multiply(BigDecimal.valueOf(drawable))
                    .divide(peak, 0, RoundingMode.HALF_UP).intValue();
            int x = i * slot + 2;
            int y = TOP + drawable - height;
            String value = point.value().toPlainString();
            bars.add(new Bar(x, y, width, Math.max(height, 1), i % labelEvery == 0 ? point.label() : "",
                    point.value().signum() == 0 ? "" : value,
                    x + width / 2, y - 4, point.label() + ": " + value));
        }
        return new BarChart(title, bars, peak.toPlainString());
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int axisY() {
        return HEIGHT - BOTTOM;
    }

    public int labelY() {
        return HEIGHT - 8;
    }
}
