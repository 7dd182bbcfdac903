package com.runningtrainer.trainer.plan.generate;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes a training plan from the generator's own rules, with no I/O: what a runner asks
 * ({@link PlanRequest}), their settings (first day of the week, threshold pace) and today's date
 * in, the plan and its workouts out; or a 422 saying what the request lacks.
 *
 * <p>The rules. Training begins with the first full calendar week from the start date and ends
 * with the race week. The first week runs the current weekly volume; each week after adds at most
 * 10 % to the last week that was not a cut-back, up to the goal's peak volume (or the most its
 * runs a week may hold, when lower; or the current volume, when higher); every 4th week is a
 * cut-back to 80 % of it. The build weeks are split in three phases, base, build and peak, whose
 * quality session is hill repeats, tempo and intervals.
 * A taper of 2 weeks (5k, 10k) or 3 (half, marathon), the race week included, follows: 70 % of the
 * peak week, or 75 % then 60 %, and in the race week only short shakeouts before the race. A
 * week's long run, on the chosen day, is at most a fixed share of the week (33 % with 3 runs a
 * week down to 27 % with 6), the goal's longest long run, and 1.5 km a week more than the
 * current one; the quality session is 3 days after it, 20 % of the week (25 % with 3 runs), and
 * easy runs share the rest. Volumes are worked in tenths of a km, so that a week adds up exactly.
 */
public final class PlanGenerator {

  /** The longest plan, in weeks. */
  public static final int MAX_WEEKS = 40;

  /** The least a week may average per run (4 km), and the most (20 km), in tenths of a km. */
  private static final int MIN_TENTHS_PER_RUN = 40;
  private static final int MAX_TENTHS_PER_RUN = 200;

  private static final String[] PHASES = {"base", "build", "peak"};
  private static final int QUALITY_OFFSET = 3;
  private static final int LONG_RUN_STEP_TENTHS = 15;
  private static final int SHAKEOUT_TENTHS = 30;

  /** Days after the long run of each easy run, by runs per week (index 3 to 6). */
  private static final int[][] EASY_OFFSETS = {{}, {}, {}, {5}, {1, 5}, {1, 2, 5}, {1, 2, 4, 5}};
  private static final int[] LONG_RUN_PERCENT = {0, 0, 0, 33, 31, 29, 27};

  public GeneratedPlan generate(PlanRequest request, AthleteSettings settings, LocalDate today) {
    LocalDate start = request.startDate() != null ? request.startDate() : settings.weekOf(today).plusWeeks(1);
    if (!request.raceDate().isAfter(start)) {
      throw Failures.unprocessable("race_date", "must be after the plan's start, " + start);
    }
    LocalDate firstWeek = settings.weekOf(start).equals(start) ? start : settings.weekOf(start).plusWeeks(1);
    LocalDate raceWeek = settings.weekOf(request.raceDate());
    int weeks = (int) ChronoUnit.WEEKS.between(firstWeek, raceWeek) + 1;
    requireWeeks(request.goal(), firstWeek, raceWeek, weeks);
    int current = tenths(request.currentWeeklyKm());
    requireVolumes(request, current, tenths(request.currentLongRunKm()));

    Layout weekly = new Layout(request, new Sessions(new Paces(settings.thresholdPace())));
    List<GeneratedPlan.Week> summary = new ArrayList<>();
    List<TrainingWeek> training = trainingWeeks(request.goal(), request.runsPerWeek(), current, weeks - 1);
    for (int i = 0; i < training.size(); i++) {
      TrainingWeek week = training.get(i);
      LocalDate weekStart = firstWeek.plusWeeks(i);
      weekly.train(weekStart, week, i);
      summary.add(new GeneratedPlan.Week(weekStart, week.phase(), week.cutBack(), BigDecimal.valueOf(week.tenths(), 1)));
    }
    int raceWeekTenths = weekly.race(raceWeek, request.raceDate());
    summary.add(new GeneratedPlan.Week(raceWeek, "race", false, BigDecimal.valueOf(raceWeekTenths, 1)));

    List<PlannedWorkout> workouts = weekly.workouts();
    workouts.sort(Comparator.comparing(PlannedWorkout::date));
    return new GeneratedPlan(name(request), description(request, weeks, training), start, request.raceDate(),
        workouts, summary);
  }

  /** A week of training before the race week: its volume in tenths of a km, its phase, whether it is a cut-back. */
  record TrainingWeek(int tenths, String phase, boolean cutBack) {
  }

  /** The volume of every week before the race week, by the rules above. */
  static List<TrainingWeek> trainingWeeks(GoalDistance goal, int runs, int current, int count) {
    int build = count - (goal.taperWeeks() - 1);
    int cap = Math.max(Math.min(goal.peakWeeklyTenths(), mostWeeklyTenths(goal, runs)), current);
    int reference = current;
    List<TrainingWeek> weeks = new ArrayList<>();
    for (int i = 0; i < build; i++) {
      boolean cutBack = i % 4 == 3;
      int volume = i == 0 ? current : cutBack ? reference * 8 / 10 : Math.min(reference * 11 / 10, cap);
      if (!cutBack) {
        reference = volume;
      }
      weeks.add(new TrainingWeek(volume, PHASES[i * PHASES.length / build], cutBack));
    }
    int peak = weeks.stream().mapToInt(TrainingWeek::tenths).max().orElseThrow();
    int[] taper = goal.taperWeeks() == 2 ? new int[] {70} : new int[] {75, 60};
    for (int percent : taper) {
      weeks.add(new TrainingWeek(peak * percent / 100, "taper", false));
    }
    return weeks;
  }

  /** The workouts of the plan, laid out week by week. */
  private static final class Layout {

    private final PlanRequest request;
    private final Sessions sessions;
    private final List<PlannedWorkout> workouts = new ArrayList<>();
    private int lastEasyTenths;

    Layout(PlanRequest request, Sessions sessions) {
      this.request = request;
      this.sessions = sessions;
    }

    void train(LocalDate weekStart, TrainingWeek week, int index) {
      int runs = request.runsPerWeek();
      GoalDistance goal = request.goal();
      int longRun = Math.min(Math.min(week.tenths() * LONG_RUN_PERCENT[runs] / 100, goal.longRunCapTenths()),
          tenths(request.currentLongRunKm()) + LONG_RUN_STEP_TENTHS * (index + 1));
      int quality = week.tenths() * (runs == 3 ? 25 : 20) / 100;
      workouts.add(sessions.longRun(day(weekStart, 0), longRun));
      String phase = week.phase().equals("taper") ? "peak" : week.phase();
      workouts.add(sessions.quality(day(weekStart, QUALITY_OFFSET), phase, quality));
      int[] offsets = EASY_OFFSETS[runs];
      int easy = week.tenths() - longRun - quality;
      for (int i = 0; i < offsets.length; i++) {
        // The remainder goes a tenth at a time to the first easy runs: the week adds up exactly.
        int share = easy / offsets.length + (i < easy % offsets.length ? 1 : 0);
        workouts.add(sessions.easy(day(weekStart, offsets[i]), share));
      }
      lastEasyTenths = easy / offsets.length;
    }

    /** The race week: shakeouts, half the last easy runs (3 km, or the easy run when shorter, at least), then the race. */
    int race(LocalDate weekStart, LocalDate raceDate) {
      int shakeout = Math.max(lastEasyTenths / 2, Math.min(lastEasyTenths, SHAKEOUT_TENTHS));
      int total = 0;
      for (int offset : EASY_OFFSETS[request.runsPerWeek()]) {
        LocalDate date = day(weekStart, offset);
        if (date.isBefore(raceDate)) {
          workouts.add(sessions.shakeout(date, shakeout));
          total += shakeout;
        }
      }
      workouts.add(sessions.race(raceDate, request.goal()));
      return total;
    }

    List<PlannedWorkout> workouts() {
      return new ArrayList<>(workouts);
    }

    /** The date of the calendar week that falls {@code offset} days after the long-run day. */
    private LocalDate day(LocalDate weekStart, int offset) {
      DayOfWeek day = request.longRunDay().plus(offset);
      return weekStart.plusDays(Math.floorMod(day.getValue() - weekStart.getDayOfWeek().getValue(), 7));
    }
  }

  private static void requireWeeks(GoalDistance goal, LocalDate firstWeek, LocalDate raceWeek, int weeks) {
    if (weeks < goal.minWeeks()) {
      throw Failures.unprocessable("race_date", "is too soon: a " + goal.label() + " plan needs at least "
          + goal.minWeeks() + " weeks of training from " + firstWeek + ", the race week included, so a race on or after "
          + firstWeek.plusWeeks(goal.minWeeks() - 1L) + " (or an earlier start_date)");
    }
    if (weeks > MAX_WEEKS) {
      throw Failures.unprocessable("race_date", "is too far: a plan spans at most " + MAX_WEEKS
          + " weeks, so a start_date on or after " + raceWeek.minusWeeks(MAX_WEEKS - 1L));
    }
  }

  private static void requireVolumes(PlanRequest request, int weekly, int longRun) {
    GoalDistance goal = request.goal();
    int runs = request.runsPerWeek();
    String plan = " for a " + goal.label() + " plan of " + runs + " runs a week";
    int least = leastWeeklyTenths(goal, runs);
    if (weekly < least) {
      throw Failures.unprocessable("current_weekly_km", "must be at least " + km(least) + plan
          + ": build up to it first, or plan fewer runs a week");
    }
    int most = mostWeeklyTenths(goal, runs);
    if (weekly > most) {
      throw Failures.unprocessable("current_weekly_km", "must be at most " + km(most) + plan
          + (most < 2 * goal.peakWeeklyTenths() ? ": plan more runs a week" : ""));
    }
    if (longRun < goal.minLongRunTenths()) {
      throw Failures.unprocessable("current_long_run_km", "must be at least " + km(goal.minLongRunTenths())
          + " for a " + goal.label() + " plan: build up to it first");
    }
    if (longRun > weekly) {
      throw Failures.unprocessable("current_long_run_km", "must not be more than current_weekly_km");
    }
  }

  /** The least current weekly volume a plan starts from: the goal's, and 4 km a run. */
  public static int leastWeeklyTenths(GoalDistance goal, int runs) {
    return Math.max(goal.minWeeklyTenths(), runs * MIN_TENTHS_PER_RUN);
  }

  /**
   * The most current weekly volume a plan starts from: twice the goal's peak week, and per run
   * 20 km or the goal's longest long run when shorter, so that the runs other than the long run,
   * which takes at most its share of the week, are not pushed far beyond it.
   */
  public static int mostWeeklyTenths(GoalDistance goal, int runs) {
    return Math.min(2 * goal.peakWeeklyTenths(), runs * Math.min(MAX_TENTHS_PER_RUN, goal.longRunCapTenths()));
  }

  private static String name(PlanRequest request) {
    if (request.name() != null) {
      return request.name();
    }
    String label = request.goal().label();
    return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " on " + request.raceDate();
  }

  private static String description(PlanRequest request, int weeks, List<TrainingWeek> training) {
    int peak = training.stream().mapToInt(TrainingWeek::tenths).max().orElseThrow();
    return "Generated for the " + request.goal().label() + " on " + request.raceDate() + ": " + weeks + " weeks, "
        + request.runsPerWeek() + " runs a week with the long run on "
        + request.longRunDay().name().toLowerCase(Locale.ROOT) + ", from " + km(training.get(0).tenths())
        + " to a peak of " + km(peak) + " a week, then a " + request.goal().taperWeeks() + "-week taper.";
  }

  /** A distance in km as whole tenths, rounded down: the rules never exceed what was asked. */
  static int tenths(BigDecimal km) {
    return km.movePointRight(1).setScale(0, RoundingMode.FLOOR).intValueExact();
  }

  private static String km(int tenths) {
    return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString() + " km";
  }
}
