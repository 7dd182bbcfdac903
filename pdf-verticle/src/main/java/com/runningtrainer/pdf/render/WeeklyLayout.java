package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code weekly} template: a block per week, a row per day with the planned workouts on the
 * left and what was run on the right, the week's totals in its heading. A block moves whole to the
 * next page when it does not fit (only a block taller than a page breaks, between days; a day
 * holds at most a page).
 */
final class WeeklyLayout implements PlanLayout {

  private static final float HEADING = 20;
  private static final float DAY_COLUMN = 60;
  private static final float DONE_COLUMN = 140;
  private static final float PAD = 5;
  private static final float NAME = 9;
  private static final float SMALL = 7.5f;
  private static final float GAP = 12;
  private static final int DESCRIPTION_LINES = 6;

  /** A line of a cell: text on the left, optionally more on the right. */
  private record Text(String left, String right, boolean bold, float size, Color color) {
    float height() {
      return size * 1.3f;
    }
  }

  /** One workout (or the runs nobody planned) across the row: its bar colour, plan lines and done lines. */
  private record Entry(Color bar, List<Text> plan, List<Text> done) {
    float height() {
      return Math.max(sum(plan), sum(done));
    }
  }

  /** A day's row; the race day's is two lines at least, for its "RACE DAY" under the date. */
  private record Day(LocalDate date, boolean race, List<Entry> entries) {
    float height() {
      float least = (race ? 2 : 1) * NAME * 1.3f;
      return Math.max(least, (float) entries.stream().mapToDouble(Entry::height).sum()) + 2 * PAD;
    }
  }

  @Override
  public void draw(PageFlow flow, RenderContext context) throws IOException {
    for (LocalDate monday : context.calendar().weeks()) {
      drawWeek(flow, context, monday);
    }
  }

  private void drawWeek(PageFlow flow, RenderContext context, LocalDate monday) throws IOException {
    List<Day> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(day(flow, context, monday.plusDays(i)));
    }
    float height = HEADING + (float) days.stream().mapToDouble(Day::height).sum();
    if (height > flow.room() && height <= flow.pageHeight()) {
      flow.newPage();
    }
    heading(flow, context, monday);
    for (Day day : days) {
      drawDay(flow, context, day);
    }
    flow.skip(GAP);
  }

  private void heading(PageFlow flow, RenderContext context, LocalDate monday) throws IOException {
    float top = flow.take(HEADING);
    Color primary = context.theme().primary();
    Color onPrimary = Theme.textOn(primary);
    flow.canvas().fill(flow.left(), top - HEADING, flow.width(), HEADING, primary);
    String week = "Week " + context.calendar().weekNumber(monday);
    flow.canvas().text(week, context.fonts().bold(), 10, onPrimary, flow.left() + 6, top - 14);
    float datesX = flow.left() + 12 + context.fitter(true, 10).width(week);
    flow.canvas().text(Format.day(monday) + " – " + Format.day(monday.plusDays(6)) + " " + monday.plusDays(6).getYear(),
        context.fonts().regular(), 9, onPrimary, datesX, top - 14);
    flow.canvas().textRight(totals(context, monday), context.fonts().regular(), 8.5f, onPrimary, flow.right() - 6, top - 14);
    context.outline().add(week + " · " + Format.date(monday), flow.page(), top);
  }

  private static String totals(RenderContext context, LocalDate monday) {
    PlanStatistics week = PlanStatistics.of(context.calendar(), monday, monday.plusDays(6), context.today());
    String planned = "Planned " + Format.km(week.plannedKm())
        + (week.plannedMinutes() > 0 ? " · " + Format.minutes(week.plannedMinutes()) : "");
    return monday.isAfter(context.today()) ? planned : planned + "     Done " + Format.km(week.doneKm())
        + (week.anyDue() ? " · " + week.completed() + "/" + (week.completed() + week.missed()) + " workouts" : "");
  }

  private Day day(PageFlow flow, RenderContext context, LocalDate date) {
    float planWidth = flow.width() - DAY_COLUMN - DONE_COLUMN - 14;
    List<Entry> entries = new ArrayList<>();
    for (PlannedWorkout workout : context.calendar().workoutsOn(date)) {
      entries.add(entry(context, workout, planWidth));
    }
    if (entries.isEmpty()) {
      entries.add(note("Rest day"));
    }
    for (DoneRun run : context.calendar().unplannedRunsOn(date)) {
      entries.add(new Entry(null, List.of(), List.of(
          new Text("+ " + WorkoutText.run(run) + ", unplanned", null, false, SMALL + 0.5f, context.theme().accentInk()))));
    }
    return new Day(date, context.calendar().isRaceDay(date), withinPage(entries, flow.pageHeight() - HEADING - 2 * PAD));
  }

  /** The first entries that fit in {@code height}, and a line saying how many more there are. */
  private static List<Entry> withinPage(List<Entry> entries, float height) {
    float used = NAME * 1.3f;
    int shown = 0;
    while (shown < entries.size() && used + entries.get(shown).height() <= height) {
      used += entries.get(shown++).height();
    }
    if (shown == entries.size()) {
      return entries;
    }
    List<Entry> kept = new ArrayList<>(entries.subList(0, shown));
    kept.add(note("+ " + (entries.size() - shown) + " more not printed"));
    return kept;
  }

  private static Entry note(String text) {
    return new Entry(null, List.of(new Text(text, null, false, NAME, Theme.MUTED)), List.of());
  }

  private Entry entry(RenderContext context, PlannedWorkout workout, float width) {
    List<Text> plan = new ArrayList<>();
    plan.add(new Text(WorkoutText.name(workout), WorkoutText.planned(workout), true, NAME, Theme.TEXT));
    if (context.includes(Part.DESCRIPTIONS)) {
      context.fitter(false, SMALL).wrap(workout.description(), width, DESCRIPTION_LINES)
          .forEach(line -> plan.add(new Text(line, null, false, SMALL, Theme.MUTED)));
    }
    return new Entry(WorkoutPalette.color(workout.type()), plan, done(context, workout));
  }

  private List<Text> done(RenderContext context, PlannedWorkout workout) {
    return switch (WorkoutText.status(workout, context.calendar(), context.today())) {
      case DONE -> context.calendar().runsFor(workout).stream()
          .map(run -> new Text(WorkoutText.DONE_MARK + " " + WorkoutText.run(run), null, true, SMALL + 0.5f, Theme.DONE)).toList();
      case MISSED -> List.of(new Text(WorkoutText.MISSED_MARK + " Missed", null, true, SMALL + 0.5f, Theme.MISSED));
      case UPCOMING, REST -> List.of();
    };
  }

  private void drawDay(PageFlow flow, RenderContext context, Day day) throws IOException {
    float top = flow.take(day.height());
    float bottom = top - day.height();
    boolean race = day.race();
    if (race) {
      flow.canvas().fill(flow.left(), bottom, flow.width(), day.height(), Theme.tint(context.theme().accent(), 0.82f));
    }
    drawDate(flow, context, day.date(), top, race);
    float y = top - PAD;
    for (Entry entry : day.entries()) {
      drawEntry(flow, context, entry, y);
      y -= entry.height();
    }
    flow.canvas().line(flow.left(), bottom, flow.right(), bottom, 0.5f, Theme.RULE);
  }

  private void drawDate(PageFlow flow, RenderContext context, LocalDate date, float top, boolean race) throws IOException {
    Color color = race ? context.theme().accentInk() : Theme.TEXT;
    String day = Format.day(date);
    float baseline = top - PAD - NAME * 1.3f + NAME * 0.3f;
    flow.canvas().text(day.substring(0, 3), context.fonts().bold(), NAME, color, flow.left() + 4, baseline);
    flow.canvas().text(day.substring(4), context.fonts().regular(), 8, Theme.MUTED, flow.left() + 31, baseline);
    if (race) {
      flow.canvas().text("RACE DAY", context.fonts().bold(), SMALL, color, flow.left() + 4, baseline - 11);
    }
  }

  private void drawEntry(PageFlow flow, RenderContext context, Entry entry, float top) throws IOException {
    float planX = flow.left() + DAY_COLUMN + 8;
    float planRight = flow.right() - DONE_COLUMN - 6;
    if (entry.bar() != null) {
      flow.canvas().fill(flow.left() + DAY_COLUMN, top - entry.height() + 1, 3.5f, entry.height() - 1, entry.bar());
    }
    drawLines(flow, context, entry.plan(), planX, planRight, top);
    drawLines(flow, context, entry.done(), flow.right() - DONE_COLUMN, flow.right(), top);
  }

  private void drawLines(PageFlow flow, RenderContext context, List<Text> lines, float x, float right, float top)
      throws IOException {
    float y = top;
    for (Text line : lines) {
      y -= line.height();
      float baseline = y + line.size() * 0.3f;
      float rightWidth = line.right() == null ? 0 : context.fitter(false, 8.5f).width(line.right()) + 8;
      String left = context.fitter(line.bold(), line.size()).ellipsize(line.left(), right - x - rightWidth);
      flow.canvas().text(left, line.bold() ? context.fonts().bold() : context.fonts().regular(), line.size(),
          line.color(), x, baseline);
      if (line.right() != null) {
        flow.canvas().textRight(line.right(), context.fonts().regular(), 8.5f, Theme.MUTED, right, baseline);
      }
    }
  }

  private static float sum(List<Text> lines) {
    return (float) lines.stream().mapToDouble(Text::height).sum();
  }
}
