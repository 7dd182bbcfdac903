package com.runningtrainer.trainer;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.trainer.analytics.Analytics;
import com.runningtrainer.trainer.analytics.AnalyticsRepository;
import com.runningtrainer.trainer.analytics.GoalsQuery;
import com.runningtrainer.trainer.analytics.Fitness;
import com.runningtrainer.trainer.analytics.FitnessRepository;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.athlete.AthleteSettingsRepository;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.calendar.CalendarFeedRepository;
import com.runningtrainer.trainer.calendar.CalendarFeeds;
import com.runningtrainer.trainer.calendar.CalendarFile;
import com.runningtrainer.trainer.calendar.FeedThrottle;
import com.runningtrainer.trainer.calendar.FeedToken;
import com.runningtrainer.trainer.calendar.FeedUrls;
import com.runningtrainer.trainer.plan.PlanCopy;
import com.runningtrainer.trainer.plan.PlanFields;
import com.runningtrainer.trainer.plan.PlanGeneration;
import com.runningtrainer.trainer.plan.PlanRepository;
import com.runningtrainer.trainer.plan.PlanShift;
import com.runningtrainer.trainer.plan.PlanTools;
import com.runningtrainer.trainer.plan.Plans;
import com.runningtrainer.trainer.plan.Printouts;
import com.runningtrainer.trainer.plan.generate.PlanRequest;
import com.runningtrainer.trainer.run.ActivityImports;
import com.runningtrainer.trainer.run.Matches;
import com.runningtrainer.trainer.run.RunFields;
import com.runningtrainer.trainer.run.RunFilter;
import com.runningtrainer.trainer.run.RunRepository;
import com.runningtrainer.trainer.run.Runs;
import com.runningtrainer.trainer.run.WorkoutRuns;
import com.runningtrainer.trainer.share.Access;
import com.runningtrainer.trainer.share.Identities;
import com.runningtrainer.trainer.share.InvitationThrottle;
import com.runningtrainer.trainer.share.ShareFields;
import com.runningtrainer.trainer.share.ShareRepository;
import com.runningtrainer.trainer.share.Sharing;
import com.runningtrainer.trainer.workout.WorkoutFields;
import com.runningtrainer.trainer.workout.WorkoutFilter;
import com.runningtrainer.trainer.workout.WorkoutMove;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import com.runningtrainer.trainer.workout.Workouts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.UUID;

/**
 * The service's methods handed to the class of each aggregate, once the caller, the ids and the
 * body are read: the rules live in {@link Plans}, {@link Workouts}, {@link Runs},
 * {@link Analytics} and {@link Sharing}.
 */
public final class TrainerServiceImpl implements TrainerService {

  private final Plans plans;
  private final Workouts workouts;
  private final Runs runs;
  private final Athletes athletes;
  private final Analytics analytics;
  private final Fitness fitness;
  private final Sharing sharing;
  private final Printouts printouts;
  private final CalendarFeeds calendar;
  private final PlanTools planTools;
  private final PlanGeneration planGeneration;
  private final Matches matches;
  private final ActivityImports imports;
  private final WorkoutRuns workoutRuns;

  public TrainerServiceImpl(Pool pool, Identities identities, InvitationThrottle invitations, Clock clock,
      FeedThrottle feedThrottle, FeedUrls feedUrls) {
    ShareRepository shares = new ShareRepository(pool);
    PlanRepository planRepository = new PlanRepository(pool);
    Access access = new Access(shares);
    RunRepository runRepository = new RunRepository(pool);
    WorkoutRepository workoutRepository = new WorkoutRepository(pool, clock);
    this.matches = new Matches(pool, runRepository, workoutRepository);
    this.plans = new Plans(planRepository, access, matches);
    this.workouts = new Workouts(workoutRepository, planRepository, access, matches);
    this.runs = new Runs(runRepository, access);
    this.athletes = new Athletes(new AthleteSettingsRepository(pool), access);
    this.analytics = new Analytics(new AnalyticsRepository(pool), plans, access, athletes, clock);
    this.fitness = new Fitness(new FitnessRepository(pool), athletes, access, clock);
    this.planGeneration = new PlanGeneration(planRepository, athletes, fitness, access, clock, matches);
    this.sharing = new Sharing(shares, identities, invitations);
    this.printouts = new Printouts(planRepository, workoutRepository, runRepository, identities);
    this.calendar = new CalendarFeeds(new CalendarFeedRepository(pool), athletes, feedThrottle, feedUrls, clock);
    this.planTools = new PlanTools(planRepository, access, matches);
    this.imports = new ActivityImports(runRepository, matches);
    this.workoutRuns = new WorkoutRuns(workoutRepository, runRepository);
  }

  @Override
  public Future<JsonObject> createPlan(String callerId, String athleteId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan))
        .compose(fields -> plans.create(caller(callerId), athlete(athleteId), fields));
  }

  @Override
  public Future<JsonObject> listPlans(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> plans.page(caller(callerId), athleteIn(query), page));
  }

  @Override
  public Future<JsonObject> getPlan(String callerId, String planId) {
    return Futures.attempt(() -> id(planId)).compose(id -> plans.find(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> printablePlan(String callerId, String planId, String athleteId) {
    return Futures.defer(() -> printouts.printable(caller(callerId), id(planId), athlete(athleteId)));
  }

  @Override
  public Future<JsonObject> updatePlan(String callerId, String planId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan))
        .compose(fields -> plans.update(caller(callerId), id(planId), fields));
  }

  @Override
  public Future<Void> deletePlan(String callerId, String planId) {
    return Futures.attempt(() -> id(planId)).compose(id -> plans.delete(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> createWorkout(String callerId, String athleteId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout))
        .compose(fields -> workouts.create(caller(callerId), athlete(athleteId), fields));
  }

  @Override
  public Future<JsonObject> listWorkouts(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> {
      UUID caller = caller(callerId);
      WorkoutFilter filter = WorkoutFilter.from(query);
      return workouts.page(caller, athleteIn(query), filter, page);
    });
  }

  @Override
  public Future<JsonObject> getWorkout(String callerId, String workoutId) {
    return Futures.attempt(() -> id(workoutId)).compose(id -> workouts.find(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> updateWorkout(String callerId, String workoutId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout))
        .compose(fields -> workouts.update(caller(callerId), id(workoutId), fields));
  }

  @Override
  public Future<Void> deleteWorkout(String callerId, String workoutId) {
    return Futures.attempt(() -> id(workoutId)).compose(id -> workouts.delete(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> generatePlan(String callerId, String athleteId, JsonObject request) {
    return Futures.attempt(() -> PlanRequest.from(request))
        .compose(fields -> planGeneration.generate(caller(callerId), athlete(athleteId), fields));
  }

  @Override
  public Future<JsonObject> copyPlan(String callerId, String planId, JsonObject copy) {
    return Futures.attempt(() -> PlanCopy.from(copy)).compose(fields -> planTools.copy(caller(callerId), id(planId), fields));
  }

  @Override
  public Future<JsonObject> shiftPlan(String callerId, String planId, JsonObject shift) {
    return Futures.attempt(() -> PlanShift.from(shift))
        .compose(fields -> planTools.shift(caller(callerId), id(planId), fields));
  }

  @Override
  public Future<JsonObject> moveWorkout(String callerId, String workoutId, JsonObject move) {
    return Futures.attempt(() -> WorkoutMove.from(move))
        .compose(fields -> workouts.move(caller(callerId), id(workoutId), fields));
  }

  @Override
  public Future<JsonObject> createRun(String callerId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run)).compose(fields -> runs.create(caller(callerId), fields));
  }

  @Override
  public Future<JsonObject> importRun(String ownerId, JsonObject run) {
    return Futures.attempt(() -> RunFields.imported(run))
        .compose(fields -> imports.importRun(caller(ownerId), RunFields.stravaActivityId(run), fields));
  }

  @Override
  public Future<JsonObject> doneWorkout(String ownerId, String workoutId) {
    return Futures.defer(() -> workoutRuns.doneWorkout(caller(ownerId), id(workoutId)));
  }

  @Override
  public Future<JsonObject> removeImportedRun(String ownerId, long stravaActivityId) {
    return Futures.attempt(() -> caller(ownerId)).compose(owner -> imports.remove(owner, stravaActivityId));
  }

  @Override
  public Future<JsonObject> purgeImportedRuns(String ownerId) {
    return Futures.attempt(() -> caller(ownerId)).compose(imports::purge);
  }

  @Override
  public Future<JsonObject> listRuns(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> {
      UUID caller = caller(callerId);
      RunFilter filter = RunFilter.from(query);
      return runs.page(caller, athleteIn(query), filter, page);
    });
  }

  @Override
  public Future<JsonObject> getRun(String callerId, String runId) {
    return Futures.attempt(() -> id(runId)).compose(id -> runs.find(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> updateRun(String callerId, String runId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run)).compose(fields -> runs.update(caller(callerId), id(runId), fields));
  }

  @Override
  public Future<Void> deleteRun(String callerId, String runId) {
    return Futures.attempt(() -> id(runId)).compose(id -> runs.delete(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> setRunWorkout(String callerId, String runId, JsonObject body) {
    return Futures.defer(() -> matches.setByHand(caller(callerId), id(runId), Inputs.uuid(body, "workout_id")));
  }

  @Override
  public Future<JsonObject> getAthleteSettings(String callerId, JsonObject query) {
    return Futures.defer(() -> athletes.get(caller(callerId), athleteIn(query)));
  }

  @Override
  public Future<JsonObject> putAthleteSettings(String callerId, JsonObject settings) {
    return Futures.attempt(() -> AthleteSettings.from(settings)).compose(fields -> athletes.put(caller(callerId), fields));
  }

  @Override
  public Future<JsonObject> summary(String callerId, JsonObject query) {
    return Futures.attempt(() -> DateRange.from(query))
        .compose(range -> analytics.summary(caller(callerId), athleteIn(query), range));
  }

  @Override
  public Future<JsonObject> planProgress(String callerId, String planId) {
    return Futures.attempt(() -> id(planId)).compose(id -> analytics.planProgress(caller(callerId), id));
  }

  @Override
  public Future<JsonObject> goals(String callerId, JsonObject query) {
    return Futures.attempt(() -> GoalsQuery.from(query))
        .compose(window -> analytics.goals(caller(callerId), athleteIn(query), window));
  }

  @Override
  public Future<JsonObject> load(String callerId, JsonObject query) {
    return Futures.attempt(() -> DateRange.from(query))
        .compose(range -> fitness.load(caller(callerId), athleteIn(query), range));
  }

  @Override
  public Future<JsonObject> predictions(String callerId, JsonObject query) {
    return Futures.defer(() -> fitness.predictions(caller(callerId), athleteIn(query)));
  }

  @Override
  public Future<JsonObject> createShare(String athleteId, JsonObject share) {
    return Futures.attempt(() -> ShareFields.from(share)).compose(fields -> sharing.invite(caller(athleteId), fields));
  }

  @Override
  public Future<JsonObject> listShares(String athleteId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.listOfAthlete(caller(athleteId), page));
  }

  @Override
  public Future<JsonObject> getShare(String callerId, String shareId) {
    return Futures.defer(() -> sharing.find(caller(callerId), id(shareId)));
  }

  @Override
  public Future<JsonObject> updateShare(String athleteId, String shareId, JsonObject change) {
    return Futures.defer(() -> sharing.change(caller(athleteId), id(shareId), change.getString("access"),
        change.getBoolean("share_strava_runs")));
  }

  @Override
  public Future<Void> deleteShare(String callerId, String shareId) {
    return Futures.defer(() -> sharing.revoke(caller(callerId), id(shareId)));
  }

  @Override
  public Future<JsonObject> listInvitations(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.invitations(caller(callerId), page));
  }

  @Override
  public Future<JsonObject> acceptInvitation(String callerId, String shareId) {
    return Futures.defer(() -> sharing.accept(caller(callerId), id(shareId)));
  }

  @Override
  public Future<JsonObject> listAthletes(String coachId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.athletes(caller(coachId), page));
  }

  @Override
  public Future<JsonObject> createCalendarFeed(String callerId, JsonObject feed) {
    return Futures.defer(() -> calendar.make(caller(callerId), Inputs.uuid(feed, "plan_id")));
  }

  @Override
  public Future<JsonObject> listCalendarFeeds(String callerId) {
    return Futures.defer(() -> calendar.list(caller(callerId)));
  }

  @Override
  public Future<Void> deleteCalendarFeed(String callerId, JsonObject query) {
    return Futures.defer(() -> calendar.end(caller(callerId), Inputs.uuid(query, "plan_id")));
  }

  @Override
  public Future<CalendarFile> calendarFeed(String file, String clientAddress) {
    // The contract lets through only "<43 token characters>.ics".
    return Futures.defer(() -> calendar.fetch(new FeedToken(file.substring(0, file.length() - ".ics".length())),
        clientAddress == null ? "unknown" : clientAddress));
  }

  private static UUID caller(String callerId) {
    return Inputs.caller(callerId);
  }

  /** The athlete a coach acts for, named by a create; null for the caller's own. */
  private static UUID athlete(String athleteId) {
    return athleteId == null ? null : Inputs.uuid("athlete_id", athleteId);
  }

  /** The athlete a coach reads for, named by a list's query; null for the caller's own. */
  private static UUID athleteIn(JsonObject query) {
    return Inputs.uuid(query, "athlete_id");
  }

  /** The resource's id, from the path. */
  private static UUID id(String value) {
    return Inputs.uuid("id", value);
  }
}
