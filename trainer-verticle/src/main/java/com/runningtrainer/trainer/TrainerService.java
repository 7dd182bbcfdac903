package com.runningtrainer.trainer;

import com.runningtrainer.trainer.api.DoneWorkouts;
import com.runningtrainer.trainer.api.PlanPrints;
import com.runningtrainer.trainer.api.RunImports;
import com.runningtrainer.trainer.calendar.CalendarFile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The trainer's business API, which its operation handlers call. Other services reach the part
 * they need through trainer-api's narrow proxies ({@link RunImports}, {@link PlanPrints}, {@link DoneWorkouts}). Every method acts for one
 * caller, the user id
 * first: on their own plans, workouts and runs, or on those of an athlete who shares them with
 * the caller as their coach (lists and creates take {@code athlete_id}). Anything else is
 * absent (404); a share that does not allow a change answers 403. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status. Bodies,
 * queries and answers are the JSON of {@code openapi/trainer.yaml}.
 */
public interface TrainerService extends RunImports, PlanPrints, DoneWorkouts {

  /** @param athleteId whose plan it is: a read-write sharing athlete's, or the caller's when null */
  Future<JsonObject> createPlan(String callerId, String athleteId, JsonObject plan);

  Future<JsonObject> listPlans(String callerId, JsonObject query);

  Future<JsonObject> getPlan(String callerId, String planId);

  Future<JsonObject> updatePlan(String callerId, String planId, JsonObject plan);

  /** Deletes the plan and its workouts; runs linked to them are kept, unlinked. The athlete's alone. */
  Future<Void> deletePlan(String callerId, String planId);

  /** @param athleteId whose workout it is: a read-write sharing athlete's, or the caller's when null */
  Future<JsonObject> createWorkout(String callerId, String athleteId, JsonObject workout);

  Future<JsonObject> listWorkouts(String callerId, JsonObject query);

  Future<JsonObject> getWorkout(String callerId, String workoutId);

  Future<JsonObject> updateWorkout(String callerId, String workoutId, JsonObject workout);

  Future<Void> deleteWorkout(String callerId, String workoutId);

  /**
   * A plan made by the generator's rules for a race, from the runner's current training.
   *
   * @param athleteId whose plan it is: a read-write sharing athlete's, or the caller's when null
   */
  Future<JsonObject> generatePlan(String callerId, String athleteId, JsonObject request);

  /** A copy of a plan, for its athlete, every workout moved by the same number of days; runs are never copied. */
  Future<JsonObject> copyPlan(String callerId, String planId, JsonObject copy);

  /** Moves a plan's workouts not yet done on and after a date by a number of days, in one transaction. */
  Future<JsonObject> shiftPlan(String callerId, String planId, JsonObject shift);

  /** Moves a workout to another date of its plan, swapping with the workouts there when asked. */
  Future<JsonObject> moveWorkout(String callerId, String workoutId, JsonObject move);

  /** Records a run of the caller's own; nobody records runs for another. */
  Future<JsonObject> createRun(String callerId, JsonObject run);

  Future<JsonObject> listRuns(String callerId, JsonObject query);

  Future<JsonObject> getRun(String callerId, String runId);

  Future<JsonObject> updateRun(String callerId, String runId, JsonObject run);

  Future<Void> deleteRun(String callerId, String runId);

  /**
   * Sets ({@code workout_id}) or clears (null) the workout of the caller's own run by hand, and
   * locks it: no automatic match changes it again. Any workout of theirs but a rest day (422);
   * another's workout is 404; a coach gets 403.
   */
  Future<JsonObject> setRunWorkout(String callerId, String runId, JsonObject body);

  /** The training settings of the caller, or of an athlete who shares with them ({@code athlete_id}). */
  Future<JsonObject> getAthleteSettings(String callerId, JsonObject query);

  /** Replaces the caller's own training settings. */
  Future<JsonObject> putAthleteSettings(String callerId, JsonObject settings);

  /** Totals, weeks and workout types of the runs in an optional {@code from}/{@code to} range. */
  Future<JsonObject> summary(String callerId, JsonObject query);

  /** Workouts of one plan by compliance status, and runs beside it, as of the athlete's today, in their weeks. */
  Future<JsonObject> planProgress(String callerId, String planId);

  /**
   * Progress toward the weekly and monthly goals of the caller, or of an athlete who shares with
   * them ({@code athlete_id}), over the current and {@code weeks}/{@code months} past periods,
   * with the weekly streaks.
   */
  Future<JsonObject> goals(String callerId, JsonObject query);

  /**
   * One row per day of an optional {@code from}/{@code to} window (the 90 days to the athlete's
   * today by default, at most 3 years): load (rTSS), fitness (ctl), fatigue (atl), form (tsb),
   * acute:chronic ratio and flags, seeded from the athlete's whole history; {@code athlete_id}
   * for a coach.
   */
  Future<JsonObject> load(String callerId, JsonObject query);

  /**
   * VDOT of the best effort of the last 90 days, predicted race times and training paces;
   * {@code athlete_id} for a coach.
   */
  Future<JsonObject> predictions(String callerId, JsonObject query);

  /** Invites a coach by email: {@code coach_email}, {@code access}, {@code share_strava_runs}. */
  Future<JsonObject> createShare(String athleteId, JsonObject share);

  Future<JsonObject> listShares(String athleteId, JsonObject query);

  /** A share of the caller's, as its athlete or as the coach who accepted it. */
  Future<JsonObject> getShare(String callerId, String shareId);

  /** Changes {@code access} and/or {@code share_strava_runs} of a live share of the athlete's. */
  Future<JsonObject> updateShare(String athleteId, String shareId, JsonObject change);

  /** Revokes a share: the athlete's, pending or active, or one the caller coaches under. */
  Future<Void> deleteShare(String callerId, String shareId);

  Future<JsonObject> listInvitations(String callerId, JsonObject query);

  Future<JsonObject> acceptInvitation(String callerId, String shareId);

  Future<JsonObject> listAthletes(String coachId, JsonObject query);

  /** Makes, or makes again with a new URL, the caller's feed of all their plans or of {@code plan_id}. */
  Future<JsonObject> createCalendarFeed(String callerId, JsonObject feed);

  Future<JsonObject> listCalendarFeeds(String callerId);

  /** Ends the caller's feed of all plans, or of the query's {@code plan_id}. */
  Future<Void> deleteCalendarFeed(String callerId, JsonObject query);

  /**
   * The calendar of the feed whose token the file name carries, for anyone who has it (no
   * caller); throttled by the client's address.
   *
   * @param file {@code <token>.ics}
   */
  Future<CalendarFile> calendarFeed(String file, String clientAddress);
}
