package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.awt.Color;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The {@code monthly} template: a calendar grid per month, Monday first, each day's workouts in
 * its cell (names cut with an ellipsis, "+2 more" when a cell is full), the month's totals below.
 */
final class MonthlyLayout implements PlanLayout {

  private static final float TITLE = 26;
  private static final float WEEKDAYS = 15;
  private static final float TOTALS = 20;
  private static final float MIN_ROW = 64;
  private static final float MAX_ROW = 118;
  private static final float LINE = 9.6f;
  private static final float NAME = 7.5f;
  private static final float META = 7;
  private static final Color OUTSIDE = new Color(0xF3, 0xF3, 0xF3);

  @Override
  public void draw(PageFlow flow, RenderContext context) throws IOException {
    for (YearMonth month : context.calendar().months()) {
      drawMonth(flow, context, month);
    }
  }

  private void drawMonth(PageFlow flow, RenderContext context, YearMonth month) throws IOException {
    LocalDate firstMonday = PlanCalendar.monday(month.atDay(1));
    int rows = (int) (ChronoUnit.WEEKS.between(firstMonday, PlanCalendar.monday(month.atEndOfMonth())) + 1);
    float fixed = TITLE + WEEKDAYS + TOTALS;
    if ((flow.room() - fixed) / rows < MIN_ROW) {
      flow.newPage();
    }
    float rowHeight = Math.min(MAX_ROW, (flow.room() - fixed) / rows);
    title(flow, context, month);
    weekdays(flow, context);
    for (int row = 0; row < rows; row++) {
      float top = flow.take(rowHeight);
      for (int column = 0; column < 7; column++) {
        cell(flow, context, month, firstMonday.plusDays(row * 7L + column), column, top, rowHeight);
      }
    }
    totals(flow, context, month);
  }

  private void title(PageFlow flow, RenderContext context, YearMonth month) throws IOException {
    float top = flow.take(TITLE);
    String name = Format.month(month.atDay(1));
    flow.canvas().text(name, context.fonts().bold(), 15, context.theme().primaryInk(), flow.left(), top - 17);
    context.outline().add(name, flow.page(), top);
  }

  private void weekdays(PageFlow flow, RenderContext context) throws IOException {
    float top = flow.take(WEEKDAYS);
    float width = flow.width() / 7;
    flow.canvas().fill(flow.left(), top - WEEKDAYS, flow.width(), WEEKDAYS, context.theme().primary());
    for (DayOfWeek day : DayOfWeek.values()) {
      flow.canvas().textCentred(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), context.fonts().bold(), 8,
          Theme.textOn(context.theme().primary()), flow.left() + (day.getValue() - 0.5f) * width, top - 10.5f);
    }
  }

  private void cell(PageFlow flow, RenderContext context, YearMonth month, LocalDate date, int column, float top,
      float height) throws IOException {
    float width = flow.width() / 7;
    float x = flow.left() + column * width;
    boolean inMonth = YearMonth.from(date).equals(month);
    boolean race = inMonth && context.calendar().isRaceDay(date);
    Color background = !inMonth ? OUTSIDE : race ? Theme.tint(context.theme().accent(), 0.8f) : Color.WHITE;
    flow.canvas().fill(x, top - height, width, height, background);
    flow.canvas().frame(x, top - height, width, height, 0.5f, Theme.RULE);
    if (!inMonth) {
      return;
    }
    boolean inPlan = !date.isBefore(context.calendar().firstDay()) && !date.isAfter(context.calendar().lastDay());
    Color dayColor = race ? context.theme().accentInk() : inPlan ? Theme.TEXT : Theme.RULE;
    flow.canvas().text(String.valueOf(date.getDayOfMonth()), context.fonts().bold(), 9, dayColor, x + 3, top - 10);
    if (race) {
      flow.canvas().textRight("RACE DAY", context.fonts().bold(), 6.5f, dayColor, x + width - 3, top - 10);
    }
    if (date.equals(context.today())) {
      flow.canvas().frame(x + 0.75f, top - height + 0.75f, width - 1.5f, height - 1.5f, 1.5f, context.theme().primaryInk());
    }
    contents(flow, context, date, x, top - 14, width, height - 16);
  }

  /** The day's workouts, two lines each, then its unplanned runs, as many as {@code room} holds. */
  private void contents(PageFlow flow, RenderContext context, LocalDate date, float x, float top, float width,
      float room) throws IOException {
    List<PlannedWorkout> workouts = context.calendar().workoutsOn(date);
    List<DoneRun> unplanned = context.calendar().unplannedRunsOn(date);
    int lines = (int) (room / LINE);
    // Two lines a workout; when not all fit, the last line tells how many are left out.
    int shown = 2 * workouts.size() <= lines ? workouts.size() : Math.max(0, (lines - 1) / 2);
    float y = top;
    for (PlannedWorkout workout : workouts.subList(0, shown)) {
      workout(flow, context, workout, x, y, width);
      y -= 2 * LINE;
    }
    if (shown < workouts.size()) {
      flow.canvas().text("+" + (workouts.size() - shown) + " more", context.fonts().regular(), META, Theme.MUTED,
          x + 7, y - LINE + 2);
      return;
    }
    for (DoneRun run : unplanned.subList(0, Math.min(unplanned.size(), lines - 2 * shown))) {
      String text = context.fitter(false, META).ellipsize("+ " + WorkoutText.run(run), width - 10);
      flow.canvas().text(text, context.fonts().regular(), META, context.theme().accentInk(), x + 7, y - LINE + 2);
      y -= LINE;
    }
  }

  private void workout(PageFlow flow, RenderContext context, PlannedWorkout workout, float x, float top, float width)
      throws IOException {
    flow.canvas().fill(x + 3, top - 2 * LINE + 2, 2.5f, 2 * LINE - 1.5f, WorkoutPalette.color(workout.type()));
    String name = context.fitter(true, NAME).ellipsize(WorkoutText.name(workout), width - 11);
    flow.canvas().text(name, context.fonts().bold(), NAME, Theme.TEXT, x + 7, top - LINE + 2);
    String mark = mark(context, workout);
    float markWidth = mark.isEmpty() ? 0 : context.fitter(true, META).width(mark) + 3;
    TextFitter metaFitter = context.fitter(false, META);
    String full = WorkoutText.planned(workout);
    String meta = metaFitter.ellipsize(metaFitter.width(full) <= width - 11 - markWidth ? full
        : WorkoutText.plannedBriefly(workout), width - 11 - markWidth);
    flow.canvas().text(meta, context.fonts().regular(), META, Theme.MUTED, x + 7, top - 2 * LINE + 2.5f);
    if (!mark.isEmpty()) {
      Color color = mark.equals(WorkoutText.DONE_MARK) ? Theme.DONE : Theme.MISSED;
      flow.canvas().textRight(mark, context.fonts().bold(), META + 1, color, x + width - 3, top - 2 * LINE + 2.5f);
    }
  }

  private static String mark(RenderContext context, PlannedWorkout workout) {
    return switch (WorkoutText.status(workout, context.calendar(), context.today())) {
      case DONE -> WorkoutText.DONE_MARK;
      case MISSED -> WorkoutText.MISSED_MARK;
      case UPCOMING, REST -> "";
    };
  }

  private void totals(PageFlow flow, RenderContext context, YearMonth month) throws IOException {
    float top = flow.take(TOTALS);
    PlanStatistics stats = PlanStatistics.of(context.calendar(), month.atDay(1), month.atEndOfMonth(), context.today());
    String text = Format.month(month.atDay(1)) + ":  planned " + Format.km(stats.plannedKm()) + " in " + stats.workouts()
        + (stats.workouts() == 1 ? " workout" : " workouts") + "  ·  run " + Format.km(stats.doneKm()) + " in " + stats.runs()
        + (stats.runs() == 1 ? " run" : " runs")
        + (stats.anyDue() ? "  ·  " + Format.percent(stats.completionRate()) + " completed" : "");
    flow.canvas().text(context.fitter(false, 8.5f).ellipsize(text, flow.width()), context.fonts().regular(), 8.5f,
        Theme.TEXT, flow.left(), top - 13);
  }
}
