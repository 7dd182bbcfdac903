package com.runningtrainer.pdf.render;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a printed plan shows, as the trainer gave it for the caller: the plan, its workouts
 * and the runs recorded against it (only those the caller may see).
 *
 * @param name the plan's name
 * @param description the plan's description, or null
 * @param startDate the first day of the plan
 * @param endDate the last day of the plan
 * @param goalRaceDate the race the plan leads to, or null
 * @param athleteName whose plan it is, as the trainer names them (a coach prints an athlete's), or null
 * @param workouts the planned workouts, in date order
 * @param runs the recorded runs within the plan's dates, in date order
 */
public record PrintablePlan(
    String name,
    String description,
    LocalDate startDate,
    LocalDate endDate,
    LocalDate goalRaceDate,
    String athleteName,
    List<PlannedWorkout> workouts,
    List<DoneRun> runs) {

  /**
   * One planned workout.
   *
   * @param id the workout's id, which a run's {@code workoutId} refers to
   * @param date the day it is planned for
   * @param type one of the trainer's workout types ({@code easy_run}, {@code long_run}, ..., {@code rest})
   * @param name its name
   * @param description its description, or null
   * @param distanceKm planned distance, or null
   * @param durationMinutes planned duration, or null
   */
  public record PlannedWorkout(
      String id, LocalDate date, String type, String name, String description, Double distanceKm, Double durationMinutes) {
  }

  /**
   * One recorded run.
   *
   * @param date the day it was run
   * @param workoutId the workout it fulfils, or null when unplanned
   * @param distanceKm distance run
   * @param durationMinutes time taken
   */
  public record DoneRun(LocalDate date, String workoutId, double distanceKm, double durationMinutes) {
  }
}
