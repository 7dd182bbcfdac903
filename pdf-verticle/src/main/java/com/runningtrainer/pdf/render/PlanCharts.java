package com.runningtrainer.pdf.render;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The progress page: weekly planned and run distance as bars, the cumulative distance as lines,
 * and the completion of each week that had workouts due. Drawn with path operators only, so they
 * print sharp at any size and add no image to the file.
 */
final class PlanCharts {

  private static final float TITLE = 24;
  private static final float CHART_TITLE = 18;
  private static final float AXIS_LABELS = 14;
  private static final float LEFT_AXIS = 36;
  private static final float MAX_CHART = 210;

  /** Where a chart's values land: the plot's box and the value at its top. */
  private record Plot(float x, float y, float width, float height, double max, int slots) {
    float slot() {
      return width / slots;
    }

    float centre(int index) {
      return x + slot() * (index + 0.5f);
    }

    float at(double value) {
      return y + (float) (Math.min(value, max) / max) * height;
    }
  }

  private PlanCharts() {
  }

  static void draw(PageFlow flow, RenderContext context) throws IOException {
    flow.newPage();
    float top = flow.take(TITLE);
    flow.canvas().text("Progress", context.fonts().bold(), 15, context.theme().primaryInk(), flow.left(), top - 17);
    context.outline().add("Progress", flow.page(), top);
    List<LocalDate> weeks = context.calendar().weeks();
    List<PlanStatistics> perWeek = weeks.stream()
        .map(monday -> PlanStatistics.of(context.calendar(), monday, monday.plusDays(6), context.today())).toList();
    float height = Math.min(MAX_CHART, flow.room() / 3);
    weeklyDistance(flow, context, perWeek, height);
    cumulativeDistance(flow, context, weeks, perWeek, height);
    completion(flow, context, perWeek, height);
  }

  private static void weeklyDistance(PageFlow flow, RenderContext context, List<PlanStatistics> weeks, float height)
      throws IOException {
    double max = weeks.stream().mapToDouble(w -> Math.max(w.plannedKm(), w.doneKm())).max().orElse(0);
    Plot plot = axes(flow, context, "Weekly distance: planned and run", height, max, Format::km, weeks.size());
    legend(flow, context, plot, context.theme().primary(), "planned", context.theme().accent(), "run");
    float bar = Math.max(0.5f, plot.slot() * 0.36f);
    for (int i = 0; i < weeks.size(); i++) {
      float centre = plot.centre(i);
      bar(flow, plot, centre - bar, bar, weeks.get(i).plannedKm(), Theme.tint(context.theme().primary(), 0.35f));
      bar(flow, plot, centre, bar, weeks.get(i).doneKm(), context.theme().accent());
    }
  }

  private static void cumulativeDistance(PageFlow flow, RenderContext context, List<LocalDate> mondays,
      List<PlanStatistics> weeks, float height) throws IOException {
    int run = (int) mondays.stream().filter(monday -> !monday.isAfter(context.today())).count();
    double[] planned = cumulative(weeks, weeks.size(), true);
    double[] done = cumulative(weeks, run, false);
    double max = Math.max(planned.length == 0 ? 0 : planned[planned.length - 1], done.length == 0 ? 0 : done[done.length - 1]);
    Plot plot = axes(flow, context, "Cumulative distance", height, max, Format::km, weeks.size());
    legend(flow, context, plot, context.theme().primary(), "planned", context.theme().accent(), "run");
    flow.canvas().polyline(xs(plot, planned.length), ys(plot, planned), 1.2f, context.theme().primary(), true);
    flow.canvas().polyline(xs(plot, done.length), ys(plot, done), 1.8f, context.theme().accent(), false);
  }

  private static void completion(PageFlow flow, RenderContext context, List<PlanStatistics> weeks, float height)
      throws IOException {
    Plot plot = axes(flow, context, "Completion by week", height, 1, Format::percent, weeks.size());
    float bar = Math.max(0.5f, plot.slot() * 0.6f);
    for (int i = 0; i < weeks.size(); i++) {
      PlanStatistics week = weeks.get(i);
      if (week.anyDue()) {
        double rate = week.completionRate();
        Color color = rate >= 0.8 ? Theme.DONE : rate >= 0.5 ? context.theme().accent() : Theme.MISSED;
        bar(flow, plot, plot.centre(i) - bar / 2, bar, Math.max(rate, 0.01), color);
      }
    }
  }

  private static double[] cumulative(List<PlanStatistics> weeks, int count, boolean planned) {
    double[] sums = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += planned ? weeks.get(i).plannedKm() : weeks.get(i).doneKm();
      sums[i] = sum;
    }
    return sums;
  }

  private static float[] xs(Plot plot, int count) {
    float[] xs = new float[count];
    for (int i = 0; i < count; i++) {
      xs[i] = plot.centre(i);
    }
    return xs;
  }

  private static float[] ys(Plot plot, double[] values) {
    float[] ys = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      ys[i] = plot.at(values[i]);
    }
    return ys;
  }

  private static void bar(PageFlow flow, Plot plot, float x, float width, double value, Color color) throws IOException {
    if (value > 0) {
      flow.canvas().fill(x, plot.y(), width, plot.at(value) - plot.y(), color);
    }
  }

  /** The chart's title, gridlines with their values, and week numbers; returns the plot box. */
  private static Plot axes(PageFlow flow, RenderContext context, String title, float height, double max,
      DoubleFunction<String> label, int slots) throws IOException {
    float top = flow.take(height);
    flow.canvas().text(title, context.fonts().bold(), 10, Theme.TEXT, flow.left(), top - 12);
    double step = step(max);
    double axisMax = Math.max(step, Math.ceil(max / step) * step);
    Plot plot = new Plot(flow.left() + LEFT_AXIS, top - height + AXIS_LABELS + 6, flow.width() - LEFT_AXIS,
        height - CHART_TITLE - AXIS_LABELS - 12, axisMax, Math.max(1, slots));
    for (double value = 0; value <= axisMax + step / 2; value += step) {
      float y = plot.at(value);
      flow.canvas().line(plot.x(), y, plot.x() + plot.width(), y, value == 0 ? 0.8f : 0.3f, value == 0 ? Theme.MUTED : Theme.RULE);
      flow.canvas().textRight(label.apply(value), context.fonts().regular(), 6.5f, Theme.MUTED, plot.x() - 4, y - 2);
    }
    weekLabels(flow, context, plot);
    return plot;
  }

  private static void weekLabels(PageFlow flow, RenderContext context, Plot plot) throws IOException {
    int every = Math.max(1, (int) Math.ceil(22 / plot.slot()));
    for (int i = 0; i < plot.slots(); i += every) {
      flow.canvas().textCentred("W" + (i + 1), context.fonts().regular(), 6.5f, Theme.MUTED, plot.centre(i), plot.y() - 9);
    }
  }

  /** A round step giving four or five gridlines up to {@code max}. */
  static double step(double max) {
    if (!(max > 0)) {
      return 10;
    }
    double raw = max / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= raw) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static void legend(PageFlow flow, RenderContext context, Plot plot, Color first, String firstLabel,
      Color second, String secondLabel) throws IOException {
    float y = plot.y() + plot.height() + CHART_TITLE - 12;
    float x = flow.right() - 120;
    flow.canvas().fill(x, y, 8, 6, Theme.tint(first, 0.35f));
    flow.canvas().text(firstLabel, context.fonts().regular(), 7.5f, Theme.TEXT, x + 11, y);
    flow.canvas().fill(x + 60, y, 8, 6, second);
    flow.canvas().text(secondLabel, context.fonts().regular(), 7.5f, Theme.TEXT, x + 71, y);
  }
}
