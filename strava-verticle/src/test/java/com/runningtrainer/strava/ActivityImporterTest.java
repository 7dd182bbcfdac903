package com.runningtrainer.strava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.events.UserEvents;
import com.runningtrainer.strava.api.RateBudget;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.imports.ActivityRepository;
import com.runningtrainer.strava.imports.ImportEvents;
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One activity at a time, as the webhook processor and the sync use the importer: it is stored,
 * becomes a run when it is one, changes with Strava, and disappears with the run it made; the
 * runner's clients hear of it.
 */
class ActivityImporterTest {

  private static StravaPlatform platform;
  private static ActivityImporter importer;
  private static final List<JsonObject> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(ActivityImporterTest.class);
    StravaSettings settings = StravaSettings.from(platform.config);
    importer = new ActivityImporter(platform.vertx, new ActivityRepository(platform.sql), new Trainer(platform.vertx, 5_000),
        platform.tokens(), new StravaClient(platform.vertx, settings,
            new RateBudget(platform.redis, "importer-test:" + UUID.randomUUID() + ":", 0.75, Clock.systemUTC())));
    platform.vertx.eventBus().<JsonObject>consumer(UserEvents.ADDRESS, message -> EVENTS.add(message.body()));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A runner connected to a Strava athlete of their own: the sweep purges the activities of anyone else. */
  private static Person connectedPerson() {
    Person person = platform.person();
    platform.connect(person, Athlete.next("Importing", "Runner"));
    return person;
  }

  private static UUID owner(Person person) {
    return UUID.fromString(person.id());
  }

  private static JsonObject run(String date) {
    return FakeStrava.activity("Run", date + "T07:00:00Z", date + "T08:00:00Z", 10_000, 3000);
  }

  private static List<String> eventTypes(Person person) {
    return EVENTS.stream().filter(event -> person.id().equals(event.getString("user_id")))
        .map(event -> event.getString("type")).toList();
  }

  @Test
  void aRunBecomesARunAndTheRunnerHearsOfIt() {
    Person person = connectedPerson();

    JsonObject answer = importer.importActivity(owner(person), run("2026-02-02")).await();

    assertThat(answer.getString("activity_outcome")).isEqualTo("imported");
    assertThat(answer.getString("run_outcome")).isEqualTo("created");
    assertThat(platform.runs(person).getJsonObject(0).getString("id"))
        .isEqualTo(answer.getJsonObject("activity").getString("run_id"));
    StravaPlatform.sleep(100);
    assertThat(eventTypes(person)).containsExactly(ImportEvents.RUN_IMPORTED);
  }

  @Test
  void anActivitySeenAgainUnchangedChangesNothingAndSaysNothing() {
    Person person = connectedPerson();
    JsonObject activity = run("2026-02-03");
    importer.importActivity(owner(person), activity).await();

    JsonObject again = importer.importActivity(owner(person), activity).await();

    assertThat(again.getString("activity_outcome")).isEqualTo("unchanged");
    assertThat(platform.runCount(person)).isEqualTo(1);
    StravaPlatform.sleep(100);
    assertThat(eventTypes(person)).containsExactly(ImportEvents.RUN_IMPORTED);
  }

  @Test
  void anActivityRenamedAtStravaIsRefreshed() {
    Person person = connectedPerson();
    JsonObject activity = run("2026-02-04");
    importer.importActivity(owner(person), activity).await();

    JsonObject again = importer.importActivity(owner(person), activity.copy().put("name", "Tempo by the lake")
        .put("private", true)).await();

    assertThat(again.getString("activity_outcome")).isEqualTo("refreshed");
    assertThat(again.getJsonObject("activity").getString("name")).isEqualTo("Tempo by the lake");
    assertThat(again.getJsonObject("activity").getBoolean("private")).isTrue();
  }

  @Test
  void aRunThatBecomesARideLosesItsRun() {
    Person person = connectedPerson();
    JsonObject activity = run("2026-02-05");
    importer.importActivity(owner(person), activity).await();

    JsonObject again = importer.importActivity(owner(person), activity.copy().put("sport_type", "Ride").put("type", "Ride"))
        .await();

    assertThat(again.getString("run_outcome")).isEqualTo("removed");
    assertThat(again.getJsonObject("activity").getValue("run_id")).isNull();
    assertThat(platform.runCount(person)).isZero();
  }

  @Test
  void fetchingAnActivityStravaNoLongerHasRemovesItAndItsRun() {
    Person person = platform.person();
    Athlete athlete = Athlete.next("Deleted", "AtStrava");
    JsonObject activity = run("2026-02-06");
    platform.fake.records(athlete, activity);
    platform.connect(person, athlete);
    importer.fetchAndImport(owner(person), activity.getLong("id")).await();
    platform.fake.deletes(athlete, activity.getLong("id"));

    JsonObject answer = importer.fetchAndImport(owner(person), activity.getLong("id")).await();

    assertThat(answer.getString("activity_outcome")).isEqualTo("removed");
    assertThat(platform.runCount(person)).isZero();
    assertThat(platform.getJson("/api/v1/strava/activities", person).getLong("total")).isZero();
    StravaPlatform.sleep(100);
    assertThat(eventTypes(person)).contains(ImportEvents.ACTIVITY_REMOVED);
  }

  @Test
  void removingAnActivityLinkedToAHandRecordedRunKeepsThatRunUnlinked() {
    Person person = connectedPerson();
    JsonObject manual = platform.trainer.post("/api/v1/runs", person.token(), new JsonObject()
        .put("actual_date", "2026-02-07").put("distance_km", 10).put("duration_minutes", 52)).bodyAsJsonObject();
    JsonObject activity = run("2026-02-07");
    JsonObject imported = importer.importActivity(owner(person), activity).await();

    importer.remove(owner(person), activity.getLong("id")).await();

    JsonObject kept = platform.runs(person).getJsonObject(0);
    assertThat(imported.getString("run_outcome")).isEqualTo("linked");
    assertThat(kept.getString("id")).isEqualTo(manual.getString("id"));
    assertThat(kept.getValue("strava_activity_id")).isNull();
  }

  @Test
  void purgingRemovesEveryActivityAndStravaRunOfTheOwnerOnly() {
    Person person = connectedPerson();
    Person other = connectedPerson();
    importer.importActivity(owner(person), run("2026-02-08")).await();
    importer.importActivity(owner(person), FakeStrava.activity("Ride", "2026-02-09T07:00:00Z", "2026-02-09T08:00:00Z",
        30_000, 3600)).await();
    importer.importActivity(owner(other), run("2026-02-08")).await();

    importer.purge(owner(person)).await();

    assertThat(platform.runCount(person)).isZero();
    assertThat(platform.getJson("/api/v1/strava/activities", person).getLong("total")).isZero();
    assertThat(platform.runCount(other)).isEqualTo(1);
  }

  @Test
  void aJsonThatIsNotAnActivityIsRefused() {
    Person person = connectedPerson();

    assertThatThrownBy(() -> importer.importActivity(owner(person), new JsonObject().put("name", "no id")).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
  }
}
