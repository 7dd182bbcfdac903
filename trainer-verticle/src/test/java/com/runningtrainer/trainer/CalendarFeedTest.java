package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.trainer.calendar.IcalJs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An athlete's secret calendar feeds: made, made again (the old URL ends), listed, ended, and
 * fetched without a bearer token by a calendar app, which gets the athlete's own workouts only,
 * as RFC 5545 that an independent parser reads back, with ETags and rate limits.
 */
class CalendarFeedTest {

  private static final String PUBLIC_API_URL = "https://calendar.example.test";
  private static final int PER_FEED = 5;
  private static final int MISSES_PER_ADDRESS = 3;
  // Each fetch comes from an address of its own (the trainer trusts the test's X-Forwarded-For),
  // so that only the test of the address limit spends an address's misses.
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(CalendarFeedTest.class, Map.of(
        "PUBLIC_API_URL", PUBLIC_API_URL,
        "TRUSTED_PROXIES", "127.0.0.1",
        "CALENDAR_LIMIT_PER_FEED", String.valueOf(PER_FEED),
        "CALENDAR_LIMIT_MISSES_PER_IP", String.valueOf(MISSES_PER_ADDRESS)));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject makeFeed(Person person, JsonObject body) {
    var made = platform.trainer.post("/api/v1/calendar/feed", person.token(), body);
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    return made.bodyAsJsonObject();
  }

  private static JsonObject allPlansFeed(Person person) {
    return makeFeed(person, new JsonObject());
  }

  private static JsonObject planFeed(Person person, JsonObject plan) {
    return makeFeed(person, new JsonObject().put("plan_id", plan.getString("id")));
  }

  private static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "10.9." + (n / 250) + "." + (n % 250 + 1);
  }

  /** GETs the feed's URL at the trainer, as a calendar app does: no bearer token. */
  private static HttpResponse<Buffer> fetch(JsonObject feed) {
    return fetch(feed, newAddress(), null);
  }

  private static HttpResponse<Buffer> fetch(JsonObject feed, String address, String ifNoneMatch) {
    String url = feed.getString("url");
    assertThat(url).startsWith(PUBLIC_API_URL + "/api/v1/calendar/").endsWith(".ics");
    var request = platform.trainer.request(HttpMethod.GET, url.substring(PUBLIC_API_URL.length()), null)
        .putHeader("X-Forwarded-For", address);
    if (ifNoneMatch != null) {
      request.putHeader("If-None-Match", ifNoneMatch);
    }
    return request.send().await();
  }

  private static JsonObject calendar(JsonObject feed) {
    var response = fetch(feed);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return IcalJs.parse(response.body().getBytes());
  }

  private static List<String> uids(JsonObject calendar) {
    return calendar.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("uid")).toList();
  }

  private static String uid(JsonObject workout) {
    return workout.getString("id") + "@running-trainer";
  }

  private static JsonObject onlyEvent(JsonObject calendar) {
    JsonArray events = calendar.getJsonArray("events");
    assertThat(events).hasSize(1);
    return events.getJsonObject(0);
  }

  private static JsonObject workout(Person person, JsonObject plan, String date, JsonObject fields) {
    return platform.create("/api/v1/workouts", person.token(), new JsonObject()
        .put("plan_id", plan.getString("id")).put("name", "Workout").put("workout_type", "easy_run")
        .put("scheduled_date", date).mergeIn(fields));
  }

  @Test
  void anAllPlansFeedShowsEveryWorkoutOfTheCallersPlansAsAllDayEvents() {
    Person athlete = platform.person();
    JsonObject spring = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject autumn = platform.plan(athlete.token(), "2027-09-01", "2027-11-30");
    JsonObject tempo = workout(athlete, spring, "2027-03-03",
        new JsonObject().put("workout_type", "tempo").put("distance_km", 10).put("duration_minutes", 50));
    JsonObject longRun = workout(athlete, autumn, "2027-09-05", new JsonObject().put("workout_type", "long_run"));

    JsonObject feed = allPlansFeed(athlete);
    JsonObject calendar = calendar(feed);

    assertThat(feed.getString("webcal_url")).isEqualTo(feed.getString("url").replace("https://", "webcal://"));
    assertThat(feed.getValue("plan_id")).isNull();
    assertThat(calendar.getJsonObject("properties").getString("x-wr-calname")).isEqualTo("Running Trainer");
    assertThat(uids(calendar)).containsExactly(uid(tempo), uid(longRun));
    JsonObject first = calendar.getJsonArray("events").getJsonObject(0);
    assertThat(first.getString("dtstart")).isEqualTo("2027-03-03");
    assertThat(first.getString("dtstart_type")).isEqualTo("date");
    assertThat(first.getString("dtend")).isEqualTo("2027-03-04");
    assertThat(first.getString("summary")).isEqualTo("Tempo · 10 km · 50 min");
    assertThat(calendar.getJsonArray("events").getJsonObject(1).getString("summary")).isEqualTo("Long run");
  }

  @Test
  void aPlansFeedShowsThatPlanAloneUnderItsName() {
    Person athlete = platform.person();
    JsonObject spring = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject other = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject shown = workout(athlete, spring, "2027-03-03", new JsonObject());
    workout(athlete, other, "2027-03-04", new JsonObject());

    JsonObject feed = planFeed(athlete, spring);
    JsonObject calendar = calendar(feed);

    assertThat(feed.getString("plan_id")).isEqualTo(spring.getString("id"));
    assertThat(calendar.getJsonObject("properties").getString("x-wr-calname")).isEqualTo("Plan");
    assertThat(uids(calendar)).containsExactly(uid(shown));
  }

  @Test
  void theFeedAnswersTextCalendarWithAStrongEtagAndPrivateCaching() {
    Person athlete = platform.person();
    workout(athlete, platform.plan(athlete.token(), "2027-03-01", "2027-05-31"), "2027-03-03", new JsonObject());

    var response = fetch(allPlansFeed(athlete));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(response.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
    assertThat(response.getHeader("Cache-Control")).startsWith("private, max-age=");
    assertThat(response.bodyAsString()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
  }

  @Test
  void theCurrentEtagIs304AndAChangedWorkoutIsANewEtagAndAHigherSequence() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject workout = workout(athlete, plan, "2027-03-03", new JsonObject());
    JsonObject feed = allPlansFeed(athlete);
    var first = fetch(feed);
    String etag = first.getHeader("ETag");

    var again = fetch(feed, newAddress(), etag);
    platform.trainer.put("/api/v1/workouts/" + workout.getString("id"), athlete.token(), new JsonObject()
        .put("plan_id", plan.getString("id")).put("name", "Moved").put("workout_type", "easy_run")
        .put("scheduled_date", "2027-03-04"));
    var changed = fetch(feed, newAddress(), etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.getHeader("ETag")).isEqualTo(etag);
    assertThat(again.body()).isNull();
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
    JsonObject before = onlyEvent(IcalJs.parse(first.body().getBytes()));
    JsonObject after = onlyEvent(IcalJs.parse(changed.body().getBytes()));
    assertThat(after.getString("uid")).isEqualTo(before.getString("uid"));
    assertThat(after.getString("dtstart")).isEqualTo("2027-03-04");
    assertThat(after.getInteger("sequence")).isGreaterThan(before.getInteger("sequence"));
  }

  @Test
  void makingTheFeedAgainEndsTheOldUrl() {
    Person athlete = platform.person();
    JsonObject old = allPlansFeed(athlete);

    JsonObject remade = allPlansFeed(athlete);

    assertThat(remade.getString("id")).isEqualTo(old.getString("id"));
    assertThat(remade.getString("url")).isNotEqualTo(old.getString("url"));
    assertProblem(fetch(old), 404);
    assertThat(fetch(remade).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestWithoutABodyMakesTheAllPlansFeed() {
    Person athlete = platform.person();

    var made = platform.trainer.request(HttpMethod.POST, "/api/v1/calendar/feed", athlete.token()).send().await();

    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    assertThat(made.bodyAsJsonObject().getValue("plan_id")).isNull();
    assertThat(fetch(made.bodyAsJsonObject()).statusCode()).isEqualTo(200);
  }

  @Test
  void theListShowsTheCallersFeedsWithoutTheirUrls() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject ofPlan = planFeed(athlete, plan);
    JsonObject all = allPlansFeed(athlete);
    allPlansFeed(platform.person());

    JsonArray items = platform.trainer.get("/api/v1/calendar/feed", athlete.token()).bodyAsJsonObject().getJsonArray("items");

    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("id")).isEqualTo(all.getString("id"));
    assertThat(items.getJsonObject(1).getString("id")).isEqualTo(ofPlan.getString("id"));
    assertThat(items.getJsonObject(1).getString("plan_id")).isEqualTo(plan.getString("id"));
    assertThat(items.encode()).doesNotContain("url").doesNotContain(all.getString("url").replaceAll(".*/", ""));
  }

  @Test
  void deletingEndsTheFeedOfItsScopeAloneAndThenThereIsNoneToDelete() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject ofPlan = planFeed(athlete, plan);
    JsonObject all = allPlansFeed(athlete);

    var deleted = platform.trainer.delete("/api/v1/calendar/feed?plan_id=" + plan.getString("id"), athlete.token());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertProblem(fetch(ofPlan), 404);
    assertThat(fetch(all).statusCode()).isEqualTo(200);
    assertProblem(platform.trainer.delete("/api/v1/calendar/feed?plan_id=" + plan.getString("id"), athlete.token()), 404);
    assertThat(platform.trainer.delete("/api/v1/calendar/feed", athlete.token()).statusCode()).isEqualTo(204);
    assertProblem(fetch(all), 404);
    assertProblem(platform.trainer.delete("/api/v1/calendar/feed", athlete.token()), 404);
  }

  @Test
  void deletingThePlanEndsItsFeed() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
    JsonObject feed = planFeed(athlete, plan);

    platform.trainer.delete("/api/v1/plans/" + plan.getString("id"), athlete.token());

    assertProblem(fetch(feed), 404);
  }

  @Test
  void anotherUsersPlanHasNoFeedForTheCaller() {
    Person owner = platform.person();
    JsonObject plan = platform.plan(owner.token(), "2027-03-01", "2027-05-31");

    var refused = platform.trainer.post("/api/v1/calendar/feed", platform.person().token(),
        new JsonObject().put("plan_id", plan.getString("id")));

    assertProblem(refused, 404);
    assertProblem(platform.trainer.post("/api/v1/calendar/feed", owner.token(),
        new JsonObject().put("plan_id", UUID.randomUUID().toString())), 404);
  }

  @Test
  void aCoachWhoReadsAnAthletesPlanHasNoFeedOfItWithOrWithoutStravaConsent() {
    for (boolean stravaConsent : List.of(false, true)) {
      Person athlete = platform.person();
      Person coach = platform.coach();
      platform.share(athlete, coach, "read_write", stravaConsent);
      JsonObject plan = platform.plan(athlete.token(), "2027-03-01", "2027-05-31");
      workout(athlete, plan, "2027-03-03", new JsonObject());
      assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), coach.token()).statusCode()).isEqualTo(200);

      assertProblem(platform.trainer.post("/api/v1/calendar/feed", coach.token(),
          new JsonObject().put("plan_id", plan.getString("id"))), 404);
      assertThat(calendar(allPlansFeed(coach)).getJsonArray("events")).isEmpty();
    }
  }

  @Test
  void oneUsersFeedNeverShowsAnothersWorkouts() {
    Person one = platform.person();
    Person other = platform.person();
    JsonObject mine = workout(one, platform.plan(one.token(), "2027-03-01", "2027-05-31"), "2027-03-03", new JsonObject());
    JsonObject theirs = workout(other, platform.plan(other.token(), "2027-03-01", "2027-05-31"), "2027-03-03",
        new JsonObject());

    assertThat(uids(calendar(allPlansFeed(one)))).containsExactly(uid(mine));
    assertThat(uids(calendar(allPlansFeed(other)))).containsExactly(uid(theirs));
  }

  @Test
  void aDoneWorkoutsDescriptionSaysHowItWentAndAMissedOneThatItWasMissed() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2020-03-01", "2020-05-31");
    JsonObject done = workout(athlete, plan, "2020-03-03", new JsonObject().put("name", "Steady 10")
        .put("description", "Even pace").put("distance_km", 10));
    workout(athlete, plan, "2020-03-05", new JsonObject().put("name", "Skipped"));
    platform.run(athlete.token(), done.getString("id"), "2020-03-03", 9.5, 50);
    platform.stravaRun(athlete, 7_001L, "2020-03-03", 0.5, 3);

    JsonArray events = calendar(planFeed(athlete, plan)).getJsonArray("events");

    assertThat(events.getJsonObject(0).getString("description"))
        .isEqualTo("Steady 10\n\nEven pace\n\nDone: 9.5 km, 50 min in 1 run. Compliance: green (0.95 of the plan)");
    assertThat(events.getJsonObject(1).getString("description")).isEqualTo("Skipped\n\nCompliance: missed");
  }

  @Test
  void theAthletesOwnStravaRunsCountInTheirOwnFeed() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2020-03-01", "2020-05-31");
    JsonObject done = workout(athlete, plan, "2020-03-03", new JsonObject().put("name", "Ten").put("distance_km", 10));
    JsonObject imported = platform.stravaRun(athlete, 7_002L, "2020-03-03", 10, 55);
    platform.trainer.put("/api/v1/runs/" + imported.getString("id"), athlete.token(), new JsonObject()
        .put("workout_id", done.getString("id")).put("actual_date", "2020-03-03").put("distance_km", 10)
        .put("duration_minutes", 55));

    String description = onlyEvent(calendar(planFeed(athlete, plan))).getString("description");

    assertThat(description).contains("Done: 10 km, 55 min in 1 run. Compliance: green (1.00 of the plan)");
  }

  @Test
  void namesAndTextsWithCommasSemicolonsNewlinesAndEmojiSurvive() {
    Person athlete = platform.person();
    String planName = ("Plan, «été»; 🏃‍♀️ " + "長".repeat(30) + " " + "🔥".repeat(100)).substring(0, 190);
    JsonObject plan = platform.create("/api/v1/plans", athlete.token(), new JsonObject().put("name", planName)
        .put("start_date", "2027-03-01").put("end_date", "2027-05-31"));
    String name = ("Intervals; 6 x 800 m, 90\" rest \\ 🏃🏽‍♂️ " + "🎉".repeat(200)).substring(0, 199);
    String description = "Warm up, 15'\nThen: 6 x 800; jog 400\r\n\nCool down \\ stretch 🧘\n" + "長距離走".repeat(1000);
    JsonObject workout = workout(athlete, plan, "2027-03-03", new JsonObject().put("name", name)
        .put("description", description));

    JsonObject calendar = calendar(planFeed(athlete, plan));

    assertThat(calendar.getJsonObject("properties").getString("x-wr-calname")).isEqualTo(planName);
    JsonObject event = onlyEvent(calendar);
    assertThat(event.getString("uid")).isEqualTo(uid(workout));
    assertThat(event.getString("summary")).isEqualTo("Easy run");
    assertThat(event.getString("description")).isEqualTo(name + "\n\n" + description.replace("\r\n", "\n"));
  }

  @Test
  void anUnknownTokenIs404AndAMalformedOne400() {
    String unknown = "A".repeat(43);

    var response = platform.trainer.request(HttpMethod.GET, "/api/v1/calendar/" + unknown + ".ics", null)
        .putHeader("X-Forwarded-For", newAddress()).send().await();

    assertProblem(response, 404);
    assertProblem(platform.trainer.get("/api/v1/calendar/short.ics", null), 400);
  }

  @Test
  void makingListingAndEndingFeedsNeedABearerToken() {
    assertProblem(platform.trainer.post("/api/v1/calendar/feed", null, new JsonObject()), 401);
    assertProblem(platform.trainer.get("/api/v1/calendar/feed", null), 401);
    assertProblem(platform.trainer.delete("/api/v1/calendar/feed", null), 401);
  }

  @Test
  void aFeedFetchedTooOftenIs429WithRetryAfter() {
    Person athlete = platform.person();
    JsonObject feed = allPlansFeed(athlete);
    for (int i = 0; i < PER_FEED; i++) {
      assertThat(fetch(feed).statusCode()).isEqualTo(200);
    }

    var refused = fetch(feed);

    assertProblem(refused, 429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3600);
  }

  @Test
  void anAddressThatGuessedWrongTooOftenIsRefusedEveryFeedEvenAKnownOne() {
    String guesser = newAddress();
    JsonObject known = allPlansFeed(platform.person());
    for (int i = 0; i < MISSES_PER_ADDRESS; i++) {
      JsonObject guess = new JsonObject().put("url", PUBLIC_API_URL + "/api/v1/calendar/" + (i + "x".repeat(43)).substring(0, 43)
          + ".ics");
      assertProblem(fetch(guess, guesser, null), 404);
    }

    var refused = fetch(known, guesser, null);

    assertProblem(refused, 429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3600);
    assertThat(fetch(known).statusCode()).isEqualTo(200);
  }
}
