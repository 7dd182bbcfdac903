package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Plans to print in tests and sample pages, from a realistic marathon block to edge cases. */
final class SamplePlans {

  /** The Monday the marathon plan starts. */
  static final LocalDate START = LocalDate.of(2026, 1, 12);
  /** The plan's last Sunday, race day. */
  static final LocalDate RACE = START.plusWeeks(16).minusDays(1);
  /** Wednesday of week 11: the first ten weeks are run (some workouts missed), the rest ahead. */
  static final LocalDate TODAY = START.plusWeeks(10).plusDays(2);

  private static final double[] LONG_RUNS = {16, 18, 20, 18, 22, 24, 26, 22, 28, 30, 24, 32, 30, 26, 18, 0};
  private static final String[][] QUALITY = {
      {"intervals", "800 m repeats", "6 × 800 m at 5K pace, 400 m jog recoveries"},
      {"hill_repeats", "Hill repeats", "10 × 60 s up a 6 % hill, hard but controlled; jog back down to recover"},
      {"tempo", "Tempo run", "20 min warm-up, 25 min at half-marathon pace, 10 min cool-down"},
      {"fartlek", "Fartlek", "45 min with 10 × 1 min fast / 1 min easy, free-flowing"},
  };

  private SamplePlans() {
  }

  /** A 16-week marathon plan, five workouts a week, a goal race on the last Sunday. */
  static PrintablePlan marathon() {
    List<PlannedWorkout> workouts = new ArrayList<>();
    for (int week = 0; week < 16; week++) {
      workouts.addAll(week(week, START.plusWeeks(week)));
    }
    return new PrintablePlan("Spring Marathon — Sub 3:30",
        "Sixteen weeks to a 3:30 marathon: one quality session, one steady run and a long run each week, "
            + "easy days kept easy, a three-week taper into race day.",
        START, RACE, RACE, "Anna Müller", workouts, runs(workouts));
  }

  private static List<PlannedWorkout> week(int week, LocalDate monday) {
    List<PlannedWorkout> days = new ArrayList<>();
    String[] quality = QUALITY[week % QUALITY.length];
    double scale = week >= 13 ? 0.7 : 1 + week * 0.03;
    days.add(workout(week, monday, 0, "rest", "Rest", "Rest or 20 min of mobility work", null, null));
    days.add(workout(week, monday, 1, quality[0], quality[1], quality[2], round(10 * scale), 55.0));
    days.add(workout(week, monday, 2, "easy_run", "Easy run", "Conversational pace, heart rate under 145 bpm", round(8 * scale), 48.0));
    days.add(workout(week, monday, 3, week % 2 == 0 ? "progression" : "tempo", week % 2 == 0 ? "Progression run" : "Steady run",
        week % 2 == 0 ? "Start easy, finish the last 3 km at marathon pace" : "12 km at marathon pace after a 2 km warm-up",
        round(12 * scale), 65.0));
    days.add(workout(week, monday, 5, "recovery_run", "Recovery jog", "Very easy, flat route, stop if anything hurts",
        round(6 * scale), 38.0));
    if (week == 15) {
      days.add(workout(week, monday, 6, "race", "Hamburg Marathon", "Start at 4:58 /km, stay patient until 30 km, then race",
          42.2, 210.0));
    } else {
      days.add(workout(week, monday, 6, "long_run", "Long run", "Easy pace; the last 20 minutes at marathon pace, "
          + "practise drinking a gel every 40 minutes", LONG_RUNS[week], LONG_RUNS[week] * 6));
    }
    return days;
  }

  private static PlannedWorkout workout(int week, LocalDate monday, int day, String type, String name, String description,
      Double km, Double minutes) {
    return new PlannedWorkout("w" + week + "-" + day, monday.plusDays(day), type, name, description, km, minutes);
  }

  private static double round(double km) {
    return Math.round(km * 2) / 2.0;
  }

  /** Runs for the workouts before {@link #TODAY}, about one in nine missed, and a few unplanned parkruns. */
  private static List<DoneRun> runs(List<PlannedWorkout> workouts) {
    List<DoneRun> runs = new ArrayList<>();
    int index = 0;
    for (PlannedWorkout workout : workouts) {
      if (!workout.date().isBefore(TODAY) || workout.type().equals("rest") || index++ % 9 == 4) {
        continue;
      }
      double km = workout.distanceKm() * (0.95 + (index % 5) * 0.025);
      runs.add(new DoneRun(workout.date(), workout.id(), Math.round(km * 10) / 10.0, workout.durationMinutes() * 1.02));
    }
    for (int week = 1; week < 10; week += 3) {
      runs.add(new DoneRun(START.plusWeeks(week).plusDays(5), null, 5.0, 23.5));
    }
    runs.sort((a, b) -> a.date().compareTo(b.date()));
    return runs;
  }

  /** A plan of {@code weeks} weeks with five workouts in each, nothing run. */
  static PrintablePlan weeks(int weeks) {
    List<PlannedWorkout> workouts = new ArrayList<>();
    for (int week = 0; week < weeks; week++) {
      for (int day = 0; day < 5; day++) {
        workouts.add(workout(week, START.plusWeeks(week), day, "easy_run", "Easy run", "Easy pace", 8.0, 45.0));
      }
    }
    return new PrintablePlan("Base building", null, START, START.plusWeeks(weeks).minusDays(1), null, null, workouts, List.of());
  }

  /** A one-week plan without a description whose only workout is on the start day. */
  static PrintablePlan oneWorkout(String name, String description) {
    PlannedWorkout workout = new PlannedWorkout("w1", START, "easy_run", name, description, 8.0, 45.0);
    return new PrintablePlan(name, null, START, START.plusDays(6), null, null, List.of(workout), List.of());
  }

  /** {@code plan} under another name and description. */
  static PrintablePlan renamed(PrintablePlan plan, String name, String description) {
    return new PrintablePlan(name, description, plan.startDate(), plan.endDate(), plan.goalRaceDate(),
        plan.athleteName(), plan.workouts(), plan.runs());
  }

  /** A plan with dates but no workouts. */
  static PrintablePlan empty() {
    return new PrintablePlan("Nothing yet", null, START, START.plusWeeks(4), null, null, List.of(), List.of());
  }

  /** A small PNG: a coloured disc, as a club's logo. */
  static byte[] logo() {
    return logo("png");
  }

  /** The logo as a {@code png} or {@code jpg}. */
  static byte[] logo(String format) {
    BufferedImage image = new BufferedImage(120, 60, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0x0B, 0x6E, 0x4F));
    graphics.fillOval(0, 0, 60, 60);
    graphics.fillRect(66, 20, 54, 20);
    graphics.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
