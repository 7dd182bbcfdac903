package com.runningtrainer.strava;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.FakeStrava.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the background verticle does with the webhook's events, against the real trainer: an
 * activity created at Strava becomes a run, an update refreshes it, a delete takes the run away,
 * an athlete update refreshes the profile, a deauthorization purges what Strava brought and forgets the connection (hand-recorded runs
 * stay); an event waits out a trainer that is down, and is given up after its tries, kept with
 * its last error. Strava signs no event: a delete or deauthorization Strava does not confirm
 * changes nothing, and an event never reaches another user's runs.
 */
class StravaWebhookWorkTest {

  private static StravaPlatform platform;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaWebhookWorkTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stravaAndTheTrainerAnswerAgain() {
    platform.fake.failTokens(null);
    platform.startTrainer();
  }

  @Test
  void anActivityCreatedAtStravaBecomesARunInTheTrainer() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Created", "Webhook");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-06T06:30:00Z", "2026-03-06T07:30:00Z", 10_000, 3_000);
    platform.fake.records(athlete, activity);

    platform.deliver(platform.fake.event("activity", activity.getLong("id"), "create", athlete.id(), null));

    JsonArray runs = StravaPlatform.eventually(() -> platform.runs(runner), found -> found.size() == 1, "the imported run");
    assertThat(runs.getJsonObject(0).getString("source")).isEqualTo("strava");
    assertThat(runs.getJsonObject(0).getLong("strava_activity_id")).isEqualTo(activity.getLong("id"));
    assertThat(runs.getJsonObject(0).getString("actual_date")).isEqualTo("2026-03-06");
    assertThat(worked(activity.getLong("id")).getString("status")).isEqualTo("processed");
  }

  @Test
  void anUpdateAtStravaRefreshesTheActivity() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Updated", "Webhook");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-07T06:30:00Z", "2026-03-07T07:30:00Z", 8_000, 2_400);
    long id = activity.getLong("id");
    platform.fake.records(athlete, activity);
    JsonObject created = platform.fake.event("activity", id, "create", athlete.id(), null);
    platform.deliver(created);
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 1, "the imported run");
    platform.fake.activityOf(athlete, id).put("name", "Tempo in the rain");

    platform.deliver(created.copy().put("aspect_type", "update").put("event_time", created.getLong("event_time") + 60)
        .put("updates", new JsonObject().put("title", "Tempo in the rain")));

    StravaPlatform.eventually(() -> activityName(id), "Tempo in the rain"::equals, "the activity renamed");
    assertThat(platform.runCount(runner)).isEqualTo(1);
  }

  @Test
  void anActivityDeletedAtStravaTakesItsRunAway() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Deleted", "Webhook");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z", 12_000, 3_600);
    long id = activity.getLong("id");
    platform.fake.records(athlete, activity);
    platform.deliver(platform.fake.event("activity", id, "create", athlete.id(), null));
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 1, "the imported run");
    platform.fake.deletes(athlete, id);

    platform.deliver(platform.fake.event("activity", id, "delete", athlete.id(), null));

    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 0, "the run taken away");
    assertThat(activityName(id)).isNull();
  }

  @Test
  void aDeauthorizationPurgesStravasRunsAndForgetsTheConnectionButKeepsHandRecordedRuns() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Leaving", "Webhook");
    platform.connect(runner, athlete);
    platform.trainer.post("/api/v1/runs", runner.token(), new JsonObject().put("actual_date", "2026-02-01")
        .put("distance_km", 5).put("duration_minutes", 30));
    JsonObject activity = FakeStrava.activity("Run", "2026-03-09T06:30:00Z", "2026-03-09T07:30:00Z", 15_000, 4_500);
    platform.fake.records(athlete, activity);
    platform.deliver(platform.fake.event("activity", activity.getLong("id"), "create", athlete.id(), null));
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 2, "the imported run beside the hand-recorded one");
    platform.fake.deauthorizeAtStrava(athlete.id());

    platform.deliver(platform.fake.event("athlete", athlete.id(), "update", athlete.id(),
        new JsonObject().put("authorized", "false")));

    StravaPlatform.eventually(() -> platform.row(runner), row -> row == null, "the connection forgotten");
    JsonArray runs = platform.runs(runner);
    assertThat(runs).hasSize(1);
    assertThat(runs.getJsonObject(0).getString("source")).isEqualTo("manual");
    assertThat(activityName(activity.getLong("id"))).isNull();
  }

  @Test
  void anAthleteUpdateRefreshesTheConnectionsProfile() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Moved", "Webhook");
    platform.connect(runner, athlete);

    platform.deliver(platform.fake.event("athlete", athlete.id(), "update", athlete.id(), new JsonObject()));

    assertThat(worked(athlete.id()).getString("status")).isEqualTo("processed");
    JsonObject profile = platform.connection(runner).bodyAsJsonObject().getJsonObject("athlete");
    assertThat(profile.getString("city")).isEqualTo("Thun");
    assertThat(profile.getDouble("weight")).isEqualTo(58.5);
  }

  @Test
  void aDeauthorizationStravaDoesNotConfirmIsIgnored() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Forged", "Deauthorization");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-13T06:30:00Z", "2026-03-13T07:30:00Z", 5_000, 1_500);
    platform.fake.records(athlete, activity);
    platform.deliver(platform.fake.event("activity", activity.getLong("id"), "create", athlete.id(), null));
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 1, "the imported run");

    platform.deliver(platform.fake.event("athlete", athlete.id(), "update", athlete.id(),
        new JsonObject().put("authorized", "false")));

    assertThat(worked(athlete.id()).getString("status")).isEqualTo("ignored");
    assertThat(platform.row(runner)).isNotNull();
    assertThat(platform.runCount(runner)).isEqualTo(1);
  }

  @Test
  void aDeleteOfAnActivityStravaStillHasTakesNoRunAway() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Forged", "Delete");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-14T06:30:00Z", "2026-03-14T07:30:00Z", 11_000, 3_300);
    long id = activity.getLong("id");
    platform.fake.records(athlete, activity);
    platform.deliver(platform.fake.event("activity", id, "create", athlete.id(), null));
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 1, "the imported run");

    platform.deliver(platform.fake.event("activity", id, "delete", athlete.id(), null));

    StravaPlatform.eventually(() -> platform.webhookEvents(id), events -> events.size() == 2
        && events.get(1).getOffsetDateTime("processed_at") != null, "the delete worked");
    assertThat(platform.runCount(runner)).isEqualTo(1);
    assertThat(activityName(id)).isNotNull();
  }

  @Test
  void anEventNamingAnotherAthletesActivityTouchesNothingOfTheirs() {
    Person owner = platform.person();
    Athlete theirs = Athlete.next("Owner", "Webhook");
    platform.connect(owner, theirs);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-10T06:30:00Z", "2026-03-10T07:30:00Z", 6_000, 1_800);
    long id = activity.getLong("id");
    platform.fake.records(theirs, activity);
    platform.deliver(platform.fake.event("activity", id, "create", theirs.id(), null));
    StravaPlatform.eventually(() -> platform.runCount(owner), count -> count == 1, "the owner's run");
    Person other = platform.person();
    Athlete forger = Athlete.next("Other", "Webhook");
    platform.connect(other, forger);

    platform.deliver(platform.fake.event("activity", id, "delete", forger.id(), null));

    StravaPlatform.eventually(() -> platform.webhookEvents(id), events -> events.size() == 2
        && events.get(1).getOffsetDateTime("processed_at") != null, "the delete worked");
    assertThat(platform.runCount(owner)).isEqualTo(1);
    assertThat(activityName(id)).isNotNull();
  }

  @Test
  void anEventIsAcknowledgedWhileTheTrainerIsDownAndWorkedOnceItIsBack() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Patient", "Webhook");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-11T06:30:00Z", "2026-03-11T07:30:00Z", 9_000, 2_700);
    long id = activity.getLong("id");
    platform.fake.records(athlete, activity);
    platform.stopTrainer();

    var delivery = platform.deliver(platform.fake.event("activity", id, "create", athlete.id(), null));

    assertThat(delivery.tries()).hasSize(1);
    assertThat(delivery.acknowledged()).isTrue();
    Row waiting = StravaPlatform.eventually(() -> platform.webhookEvents(id).get(0), row -> row.getString("last_error") != null,
        "a failed try");
    assertThat(waiting.getString("status")).isIn("pending", "working");
    assertThat(waiting.getString("last_error")).contains("trainer");
    platform.startTrainer();
    StravaPlatform.eventually(() -> platform.runCount(runner), count -> count == 1, "the run once the trainer is back");
    assertThat(worked(id).getString("status")).isEqualTo("processed");
  }

  @Test
  void anEventThatKeepsFailingIsGivenUpAfterItsTriesAndKeptWithItsLastError() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Unlucky", "Webhook");
    platform.connect(runner, athlete);
    JsonObject activity = FakeStrava.activity("Run", "2026-03-12T06:30:00Z", "2026-03-12T07:30:00Z", 7_000, 2_100);
    platform.fake.records(athlete, activity);
    platform.expireIn(runner, 60);
    platform.fake.failTokens(Failure.SERVER_ERROR);

    platform.deliver(platform.fake.event("activity", activity.getLong("id"), "create", athlete.id(), null));

    Row failed = worked(activity.getLong("id"));
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getInteger("attempts")).isEqualTo(StravaPlatform.WEBHOOK_MAX_ATTEMPTS);
    assertThat(failed.getString("last_error")).isNotBlank();
    assertThat(platform.runCount(runner)).isZero();
  }

  /** The one event of the activity, once worked. */
  private static Row worked(long activityId) {
    return StravaPlatform.eventually(() -> platform.webhookEvents(activityId).get(0),
        row -> row.getOffsetDateTime("processed_at") != null, "the event worked");
  }

  /** The imported activity's name as stored; null when it is not (or no longer) there. */
  private static String activityName(long activityId) {
    var rows = platform.sql.preparedQuery("SELECT name FROM activities WHERE activity_id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(activityId)).await();
    return rows.iterator().hasNext() ? rows.iterator().next().getString("name") : null;
  }
}
