package com.runningtrainer.strava;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.events.UserEvents;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /strava/sync} imports a runner's Strava history in the background, within Strava's
 * rate limits, into the real trainer: runs become runs, other sports stay activities, a sync
 * killed half way resumes where it was, and a runner reaches only their own syncs.
 */
class StravaSyncTest {

  private static final Instant NEWEST = Instant.parse("2025-12-31T06:00:00Z");

  private static StravaPlatform platform;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaSyncTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stravaHasItsUsualLimits() {
    platform.fake.rateLimits(600, 30_000, 300, 15_000);
  }

  /** {@code count} activities, one every six hours back from {@link #NEWEST}; every {@code rideEvery}-th a Ride. */
  private static JsonObject[] history(int count, int rideEvery) {
    List<JsonObject> activities = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant start = NEWEST.minus(Duration.ofHours(6L * i));
      String sport = i % rideEvery == rideEvery - 1 ? "Ride" : "Run";
      activities.add(FakeStrava.activity(sport, start.toString(), start.plus(Duration.ofHours(1)).toString(),
          8000 + i, 2400 + i));
    }
    return activities.toArray(new JsonObject[0]);
  }

  private static long runsIn(JsonObject[] activities) {
    return List.of(activities).stream().filter(activity -> "Run".equals(activity.getString("sport_type"))).count();
  }

  private static Person connected(Athlete athlete, JsonObject... activities) {
    Person person = platform.person();
    platform.fake.records(athlete, activities);
    platform.connect(person, athlete);
    return person;
  }

  private static JsonObject syncToTheEnd(Person person) {
    var started = platform.startSync(person);
    assertThat(started.statusCode()).isEqualTo(202);
    return platform.awaitSync(person, started.bodyAsJsonObject().getString("sync_id"));
  }

  private static JsonArray activities(Person person, String query) {
    return platform.getJson("/api/v1/strava/activities" + query, person).getJsonArray("items");
  }

  @Test
  void aBackfillOfAThousandActivitiesPausesBeforeStravasLimitAndImportsEveryRunOnce() {
    JsonObject[] history = history(1000, 4);
    Person person = connected(Athlete.next("Thousand", "Runs"), history);
    // Four reads per quarter hour, from a new quarter: the backfill (3 of them, its share) must wait several times.
    platform.fake.rateLimits(600, 30_000, 4, 15_000);
    platform.nextQuarter();
    int refusedBefore = platform.fake.throttled();

    JsonObject job = syncToTheEnd(person);

    assertThat(job.getString("state")).isEqualTo("done");
    assertThat(job.getString("kind")).isEqualTo("backfill");
    assertThat(job.getInteger("imported")).isEqualTo(1000);
    assertThat(job.getInteger("pages")).isEqualTo(6);
    assertThat(job.getInteger("waits")).isGreaterThanOrEqualTo(2);
    assertThat(platform.fake.throttled()).isEqualTo(refusedBefore);
    assertThat(platform.runCount(person)).isEqualTo(runsIn(history));
    assertThat(platform.getJson("/api/v1/strava/activities", person).getLong("total")).isEqualTo(1000);
  }

  @Test
  void aBackfillWhosePageEndsAmidActivitiesOfOneSecondImportsThemAll() {
    JsonObject[] history = history(201, 1000);
    // The 200th and the 201st start in the same second: Strava's first page holds only one of them.
    JsonObject twin = history[199];
    history[200] = FakeStrava.activity("Run", twin.getString("start_date"), twin.getString("start_date_local"), 5000, 1500);

    JsonObject job = syncToTheEnd(connected(Athlete.next("Twin", "Devices"), history));

    assertThat(job.getString("state")).isEqualTo("done");
    assertThat(job.getInteger("imported")).isEqualTo(201);
  }

  @Test
  void aSyncIsToldDoneOnlyOnceItsConnectionShowsTheSync() throws Exception {
    Person person = connected(Athlete.next("Told", "Done"), history(3, 10));
    CompletableFuture<Instant> told = new CompletableFuture<>();
    MessageConsumer<JsonObject> events = platform.vertx.eventBus().<JsonObject>consumer(UserEvents.ADDRESS, message -> {
      JsonObject event = message.body();
      if (person.id().equals(event.getString("user_id")) && "strava.sync".equals(event.getString("type"))
          && "done".equals(event.getJsonObject("data").getString("state"))) {
        // An event's id begins with the milliseconds at which it was published.
        told.complete(Instant.ofEpochMilli(Long.parseLong(event.getString("id").substring(0, 13))));
      }
    });

    syncToTheEnd(person);

    Instant publishedAt = told.get(10, TimeUnit.SECONDS);
    Instant lastSyncAt = platform.sql.preparedQuery("SELECT last_sync_at FROM connections WHERE owner_id = $1")
        .execute(Tuple.of(UUID.fromString(person.id()))).await().iterator().next()
        .getOffsetDateTime(0).toInstant().truncatedTo(ChronoUnit.MILLIS);
    assertThat(lastSyncAt).isBeforeOrEqualTo(publishedAt);
    events.unregister().await();
  }

  @Test
  void aSyncKeepsTheTraceOfTheRequestThatAskedForItSoThatItsPagesContinueIt() {
    Person person = connected(Athlete.next("Traced", "Sync"), history(3, 10));
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    String syncId = platform.strava.request(HttpMethod.POST, "/api/v1/strava/sync", person.token())
        .putHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send().await()
        .bodyAsJsonObject().getString("sync_id");

    String stored = platform.sql.preparedQuery("SELECT traceparent FROM sync_jobs WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(syncId))).await().iterator().next().getString("traceparent");
    assertThat(stored).startsWith("00-" + traceId + "-");
  }

  @Test
  void aRefusalByStravaIsAPauseAfterWhichTheSyncCarriesOn() {
    Person person = connected(Athlete.next("Refused", "Once"), history(3, 10));
    int refusedBefore = platform.fake.throttled();
    platform.fake.refusesNext(1);

    JsonObject job = syncToTheEnd(person);

    assertThat(platform.fake.throttled() - refusedBefore).isEqualTo(1);
    assertThat(job.getString("state")).isEqualTo("done");
    assertThat(job.getInteger("waits")).isGreaterThanOrEqualTo(1);
    assertThat(job.getInteger("imported")).isEqualTo(3);
  }

  @Test
  void aSyncWhoseWorkerIsKilledHalfWayResumesWithoutADuplicateRun() {
    JsonObject[] history = history(600, 5);
    Person person = connected(Athlete.next("Killed", "Midway"), history);
    String syncId = platform.startSync(person).bodyAsJsonObject().getString("sync_id");
    awaitPages(person, syncId, 1);

    platform.killBackground();
    platform.startBackground();
    JsonObject job = platform.awaitSync(person, syncId);

    assertThat(job.getString("state")).isEqualTo("done");
    assertThat(platform.runCount(person)).isEqualTo(runsIn(history));
    assertThat(platform.getJson("/api/v1/strava/activities", person).getLong("total")).isEqualTo(600);
  }

  private static void awaitPages(Person person, String syncId, int pages) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (platform.syncJob(person, syncId).getInteger("pages") < pages) {
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      StravaPlatform.sleep(20);
    }
  }

  @Test
  void aSecondSyncAfterTheBackfillImportsOnlyWhatIsNew() {
    Athlete athlete = Athlete.next("Twice", "Synced");
    Person person = connected(athlete, history(3, 10));
    syncToTheEnd(person);
    platform.fake.records(athlete, FakeStrava.activity("Run", "2026-01-02T07:00:00Z", "2026-01-02T08:00:00Z", 5000, 1500));

    JsonObject job = syncToTheEnd(person);

    assertThat(job.getString("kind")).isEqualTo("incremental");
    assertThat(job.getInteger("imported")).isEqualTo(1);
    assertThat(platform.runCount(person)).isEqualTo(4);
    assertThat(platform.getJson("/api/v1/strava/connection", person).getString("last_sync_at")).isNotNull();
  }

  @Test
  void aSyncReSyncsTheAthletesProfileIntoTheConnection() {
    Person person = connected(Athlete.next("Profile", "Fresh"));

    syncToTheEnd(person);

    JsonObject athlete = platform.getJson("/api/v1/strava/connection", person).getJsonObject("athlete");
    assertThat(athlete.getString("city")).isEqualTo("Thun");
    assertThat(athlete.getDouble("weight")).isEqualTo(58.5);
  }

  @Test
  void withoutReadAllPrivateActivitiesAreNotImportedAndTheConnectionSaysSo() {
    Athlete athlete = Athlete.next("Not", "Everything");
    platform.fake.grants("read,activity:read");
    Person person;
    try {
      person = connected(athlete,
          FakeStrava.activity("Run", "2026-01-05T07:00:00Z", "2026-01-05T08:00:00Z", 10_000, 3000),
          FakeStrava.activity("Run", "2026-01-06T07:00:00Z", "2026-01-06T08:00:00Z", 10_000, 3000).put("private", true));
    } finally {
      platform.fake.grants(null);
    }

    syncToTheEnd(person);

    assertThat(activities(person, "")).hasSize(1);
    assertThat(platform.runCount(person)).isEqualTo(1);
    assertThat(platform.getJson("/api/v1/strava/connection", person).getJsonArray("notices").encode())
        .contains("activity:read_all");
  }

  @Test
  void otherSportsAreKeptAsActivitiesButNeverBecomeRuns() {
    Person person = connected(Athlete.next("Ride", "Swim"),
        FakeStrava.activity("Ride", "2026-01-05T07:00:00Z", "2026-01-05T08:00:00Z", 40_000, 5400),
        FakeStrava.activity("Swim", "2026-01-06T07:00:00Z", "2026-01-06T08:00:00Z", 2_000, 2400));

    syncToTheEnd(person);

    JsonArray kept = activities(person, "");
    assertThat(kept).hasSize(2);
    assertThat(kept.getJsonObject(0).getString("sport_type")).isEqualTo("Swim");
    assertThat(kept.getJsonObject(0).getBoolean("is_run")).isFalse();
    assertThat(kept.getJsonObject(0).getValue("run_id")).isNull();
    assertThat(platform.runCount(person)).isZero();
  }

  @Test
  void aRunsDateIsTheDateOfItsLocalStartNotOfItsUtcStart() {
    // An evening run in New York: 02:30 UTC on the 6th is 21:30 on the 5th there.
    Person person = connected(Athlete.next("Evening", "Runner"),
        FakeStrava.activity("Run", "2026-01-06T02:30:00Z", "2026-01-05T21:30:00Z", 10_000, 3000)
            .put("timezone", "(GMT-05:00) America/New_York"));

    syncToTheEnd(person);

    JsonObject activity = activities(person, "").getJsonObject(0);
    assertThat(activity.getString("local_date")).isEqualTo("2026-01-05");
    assertThat(activity.getString("start_date")).isEqualTo("2026-01-06T02:30:00Z");
    assertThat(platform.runs(person).getJsonObject(0).getString("actual_date")).isEqualTo("2026-01-05");
  }

  @Test
  void aManualActivityWithoutGpsBecomesARunWithItsFigures() {
    Person person = connected(Athlete.next("Treadmill", "Typed"),
        FakeStrava.activity("Run", "2026-01-07T17:00:00Z", "2026-01-07T18:00:00Z", 12_000, 3600)
            .put("manual", true).putNull("start_latlng"));

    syncToTheEnd(person);

    JsonObject activity = activities(person, "").getJsonObject(0);
    JsonObject run = platform.runs(person).getJsonObject(0);
    assertThat(activity.getBoolean("manual")).isTrue();
    assertThat(activity.getString("run_id")).isEqualTo(run.getString("id"));
    assertThat(run.getDouble("distance_km")).isEqualTo(12.0);
    assertThat(run.getDouble("duration_minutes")).isEqualTo(60.0);
    assertThat(run.getDouble("average_pace")).isEqualTo(5.0);
    assertThat(run.getString("source")).isEqualTo("strava");
  }

  @Test
  void activitiesAreListedNewestFirstAndFilteredByDateAndSport() {
    Person person = connected(Athlete.next("Filtered", "List"), history(8, 2));
    syncToTheEnd(person);

    JsonArray rides = activities(person, "?sport_type=Ride");
    JsonArray lastDay = activities(person, "?from=2025-12-31&to=2025-12-31");
    JsonObject page = platform.getJson("/api/v1/strava/activities?limit=3&offset=3", person);

    assertThat(rides).hasSize(4).allSatisfy(ride -> assertThat(((JsonObject) ride).getString("sport_type")).isEqualTo("Ride"));
    assertThat(lastDay.stream().map(a -> ((JsonObject) a).getString("local_date")).distinct().toList())
        .containsExactly("2025-12-31");
    assertThat(page.getLong("total")).isEqualTo(8);
    assertThat(page.getJsonArray("items")).hasSize(3);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("start_date"))
        .isEqualTo(NEWEST.minus(Duration.ofHours(18)).toString());
  }

  @Test
  void aSecondRequestWhileASyncIsOpenAnswersThatSync() {
    Person person = connected(Athlete.next("Eager", "Clicker"), history(5, 10));

    var first = platform.startSync(person);
    var second = platform.startSync(person);

    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.bodyAsJsonObject().getString("sync_id")).isEqualTo(first.bodyAsJsonObject().getString("sync_id"));
    assertThat(second.getHeader("Location")).isEqualTo("/api/v1/strava/sync/" + first.bodyAsJsonObject().getString("sync_id"));
    platform.awaitSync(person, first.bodyAsJsonObject().getString("sync_id"));
  }

  @Test
  void aRunnerCannotReadAnotherRunnersSync() {
    Person owner = connected(Athlete.next("Own", "Sync"));
    Person other = connected(Athlete.next("Other", "Runner"));
    String syncId = platform.startSync(owner).bodyAsJsonObject().getString("sync_id");

    assertProblem(platform.strava.get("/api/v1/strava/sync/" + syncId, other.token()), 404);
    assertThat(platform.strava.get("/api/v1/strava/sync/" + syncId, owner.token()).statusCode()).isEqualTo(200);
    platform.awaitSync(owner, syncId);
  }

  @Test
  void aRunnerListsOnlyTheirOwnActivities() {
    Person owner = connected(Athlete.next("Mine", "Only"), history(2, 10));
    Person other = connected(Athlete.next("Nothing", "Here"));
    syncToTheEnd(owner);

    assertThat(platform.getJson("/api/v1/strava/activities", other).getLong("total")).isZero();
  }

  @Test
  void withoutAConnectionThereIsNothingToSync() {
    assertProblem(platform.startSync(platform.person()), 404);
  }

  @Test
  void withoutABearerTokenSyncsAndActivitiesAreRefused() {
    assertProblem(platform.strava.post("/api/v1/strava/sync", null, null), 401);
    assertProblem(platform.strava.get("/api/v1/strava/activities", null), 401);
  }

  @Test
  void malformedInputsAreBadRequestsNeverServerErrors() {
    Person person = platform.person();

    assertProblem(platform.strava.get("/api/v1/strava/sync/not-a-uuid", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?limit=0", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?limit=101", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?offset=-1", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?from=2026-13-01", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?sport_type=Run%27%3B--", person.token()), 400);
    assertProblem(platform.strava.get("/api/v1/strava/activities?from=2026-02-01&to=2026-01-01", person.token()), 422);
  }

  @Test
  void disconnectingDeletesTheImportedActivitiesAndTheirRunsButKeepsHandRecordedRuns() {
    Person person = connected(Athlete.next("Leaving", "Now"), history(4, 2));
    syncToTheEnd(person);
    var manual = platform.trainer.post("/api/v1/runs", person.token(), new JsonObject()
        .put("actual_date", "2025-11-01").put("distance_km", 7).put("duration_minutes", 40)).bodyAsJsonObject();

    assertThat(platform.strava.delete("/api/v1/strava/connection", person.token()).statusCode()).isEqualTo(204);

    assertThat(platform.getJson("/api/v1/strava/activities", person).getLong("total")).isZero();
    assertThat(platform.runs(person).stream().map(run -> ((JsonObject) run).getString("id")).toList())
        .containsExactly(manual.getString("id"));
  }

  @Test
  void disconnectingDuringASyncEndsItAndLeavesNothingImported() {
    Person person = connected(Athlete.next("Leaving", "Midsync"), history(600, 5));
    String syncId = platform.startSync(person).bodyAsJsonObject().getString("sync_id");
    awaitPages(person, syncId, 1);

    assertThat(platform.strava.delete("/api/v1/strava/connection", person.token()).statusCode()).isEqualTo(204);

    assertThat(platform.syncJob(person, syncId).getString("state")).isEqualTo("failed");
    // A page in flight may still land after the purge: the sweep takes it away.
    awaitNothingImported(person);
  }

  private static void awaitNothingImported(Person person) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (platform.getJson("/api/v1/strava/activities", person).getLong("total") > 0 || platform.runCount(person) > 0) {
      assertThat(System.currentTimeMillis()).as("imported data left after disconnecting").isLessThan(deadline);
      StravaPlatform.sleep(100);
    }
  }
}
