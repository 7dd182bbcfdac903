package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code log_sheet} template: a week per page, each day with its planned workout on the left
 * and, on the right, blanks to fill in by hand: distance, time, feel and ruled lines for notes.
 */
final class LogSheetLayout implements PlanLayout {

  private static final float HEADING = 22;
  private static final float MIN_DAY = 72;
  private static final float NOTE_LINE = 15;
  private static final float PAD = 5;
  private static final float SMALL = 7.5f;

  @Override
  public void draw(PageFlow flow, RenderContext context) throws IOException {
    List<LocalDate> weeks = context.calendar().weeks();
    for (int i = 0; i < weeks.size(); i++) {
      // The first week shares the first page with the cover header when the days keep room to write.
      if (i > 0 || flow.room() < HEADING + 7 * MIN_DAY) {
        flow.newPage();
      }
      drawWeek(flow, context, weeks.get(i));
    }
  }

  private void drawWeek(PageFlow flow, RenderContext context, LocalDate monday) throws IOException {
    float top = flow.take(HEADING);
    Color primary = context.theme().primary();
    flow.canvas().fill(flow.left(), top - HEADING + 4, flow.width(), HEADING - 4, primary);
    String week = "Week " + context.calendar().weekNumber(monday);
    String dates = Format.day(monday) + " – " + Format.day(monday.plusDays(6)) + " " + monday.plusDays(6).getYear();
    flow.canvas().text(week + "   " + dates, context.fonts().bold(), 10, Theme.textOn(primary), flow.left() + 6, top - 13);
    PlanStatistics stats = PlanStatistics.of(context.calendar(), monday, monday.plusDays(6), context.today());
    flow.canvas().textRight("Planned " + Format.km(stats.plannedKm()) + "     Week total: ____________ km",
        context.fonts().regular(), 8.5f, Theme.textOn(primary), flow.right() - 6, top - 13);
    context.outline().add(week + " · " + Format.date(monday), flow.page(), top);
    float dayHeight = flow.room() / 7;
    for (int i = 0; i < 7; i++) {
      drawDay(flow, context, monday.plusDays(i), flow.take(dayHeight), dayHeight);
    }
  }

  private void drawDay(PageFlow flow, RenderContext context, LocalDate date, float top, float height) throws IOException {
    float split = flow.left() + flow.width() * 0.45f;
    boolean race = context.calendar().isRaceDay(date);
    if (race) {
      flow.canvas().fill(flow.left(), top - height, split - flow.left(), height, Theme.tint(context.theme().accent(), 0.82f));
    }
    flow.canvas().line(flow.left(), top - height, flow.right(), top - height, 0.6f, Theme.RULE);
    Color dayColor = race ? context.theme().accentInk() : Theme.TEXT;
    flow.canvas().text(Format.day(date) + (race ? "  ·  RACE DAY" : ""), context.fonts().bold(), 9, dayColor,
        flow.left() + 4, top - PAD - 8);
    planned(flow, context, date, top - PAD - 12, split - flow.left() - 14, top - height + PAD);
    blanks(flow, context, split + 8, top - PAD, top - height + PAD);
  }

  /** The day's workouts down to {@code bottom}: a bar, the name and numbers, the description's first lines. */
  private void planned(PageFlow flow, RenderContext context, LocalDate date, float top, float width, float bottom)
      throws IOException {
    List<PlannedWorkout> workouts = context.calendar().workoutsOn(date);
    float x = flow.left() + 10;
    float y = top;
    if (workouts.isEmpty()) {
      flow.canvas().text("Rest day", context.fonts().regular(), 8.5f, Theme.MUTED, x, y - 10);
    }
    for (PlannedWorkout workout : workouts) {
      if (y - 11 < bottom) {
        return;
      }
      y -= 11;
      flow.canvas().fill(flow.left() + 4, y - 2, 3, 10, WorkoutPalette.color(workout.type()));
      String meta = WorkoutText.planned(workout);
      float metaWidth = meta.isEmpty() ? 0 : context.fitter(false, SMALL).width(meta) + 6;
      flow.canvas().text(context.fitter(true, 8.5f).ellipsize(WorkoutText.name(workout), width - metaWidth),
          context.fonts().bold(), 8.5f, Theme.TEXT, x, y);
      flow.canvas().textRight(meta, context.fonts().regular(), SMALL, Theme.MUTED, x + width, y);
      y = description(flow, context, workout, x, y, width, bottom);
    }
  }

  private float description(PageFlow flow, RenderContext context, PlannedWorkout workout, float x, float top,
      float width, float bottom) throws IOException {
    if (!context.includes(Part.DESCRIPTIONS)) {
      return top;
    }
    int room = (int) ((top - bottom) / 9.5f);
    float y = top;
    for (String line : context.fitter(false, SMALL).wrap(workout.description(), width, Math.max(0, Math.min(3, room)))) {
      y -= 9.5f;
      flow.canvas().text(line, context.fonts().regular(), SMALL, Theme.MUTED, x, y);
    }
    return y;
  }

  /** The fields to fill in: distance, time and feel on one line, then ruled lines for notes. */
  private void blanks(PageFlow flow, RenderContext context, float left, float top, float bottom) throws IOException {
    Canvas canvas = flow.canvas();
    float baseline = top - 12;
    float time = field(canvas, context, "Distance", "km", left, baseline, 46);
    float feel = field(canvas, context, "Time", "", time, baseline, 46);
    canvas.text("Feel", context.fonts().regular(), SMALL, Theme.MUTED, feel, baseline);
    float box = feel + context.fitter(false, SMALL).width("Feel") + 5;
    for (int i = 1; i <= 5; i++) {
      canvas.frame(box, baseline - 1, 8, 8, 0.6f, Theme.MUTED);
      canvas.textCentred(String.valueOf(i), context.fonts().regular(), 5, Theme.MUTED, box + 4, baseline - 7.5f);
      box += 12;
    }
    canvas.text("Notes", context.fonts().regular(), SMALL, Theme.MUTED, left, baseline - 16);
    for (float y = baseline - NOTE_LINE - 2; y - bottom > 2; y -= NOTE_LINE) {
      canvas.line(left + 26, y, flow.right(), y, 0.4f, Theme.RULE);
    }
  }

  /** A label, a line to write on and a unit; returns where the next field starts. */
  private float field(Canvas canvas, RenderContext context, String label, String unit, float x, float baseline,
      float blank) throws IOException {
    TextFitter fitter = context.fitter(false, SMALL);
    canvas.text(label, context.fonts().regular(), SMALL, Theme.MUTED, x, baseline);
    float start = x + fitter.width(label) + 4;
    canvas.line(start, baseline - 2, start + blank, baseline - 2, 0.6f, Theme.MUTED);
    canvas.text(unit, context.fonts().regular(), SMALL, Theme.MUTED, start + blank + 2, baseline);
    return start + blank + fitter.width(unit) + 12;
  }
}
