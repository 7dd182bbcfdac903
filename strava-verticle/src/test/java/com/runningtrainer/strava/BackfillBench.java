package com.runningtrainer.strava;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The backfill benchmark: the real strava service, the real trainer, PostgreSQL and Redis, a fake
 * Strava on a local port (its default limits, far above what a round needs, so nothing waits),
 * and one backfill of {@code activities} activities (three in four runs) per round, timed from
 * {@code POST /strava/sync} to the job's {@code done}. Prints one line {@code RESULT {JSON}} per
 * round. Not a test: a main class in the test sources, so that it never ships in the service's
 * jar. Run by {@code bench/strava/backfill/run.sh}; see bench/README.md, "Strava backfill".
 */
public final class BackfillBench {

  private BackfillBench() {
  }

  /** Arguments: activities per round (2000), rounds (3, the first a warm-up). */
  public static void main(String[] args) {
    int activities = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (StravaPlatform platform = StravaPlatform.start(BackfillBench.class)) {
      for (int round = 1; round <= rounds; round++) {
        Athlete athlete = Athlete.next("Bench", "Round" + round);
        Person person = platform.person();
        platform.fake.records(athlete, history(activities));
        platform.connect(person, athlete);
        int callsBefore = platform.fake.apiCalls();
        long started = System.nanoTime();
        String syncId = platform.startSync(person).bodyAsJsonObject().getString("sync_id");
        JsonObject job = platform.awaitSync(person, syncId);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("RESULT " + new JsonObject()
            .put("round", round).put("warm_up", round == 1).put("activities", activities)
            .put("state", job.getString("state")).put("imported", job.getInteger("imported"))
            .put("pages", job.getInteger("pages")).put("seconds", Math.round(seconds * 100) / 100.0)
            .put("activities_per_second", Math.round(activities / seconds * 10) / 10.0)
            .put("strava_calls", platform.fake.apiCalls() - callsBefore)
            .put("runs", platform.runCount(person)).encode());
      }
    }
    System.exit(0);
  }

  private static JsonObject[] history(int count) {
    Instant newest = Instant.parse("2025-12-31T06:00:00Z");
    List<JsonObject> history = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant start = newest.minus(Duration.ofHours(5L * i));
      history.add(FakeStrava.activity(i % 4 == 3 ? "Ride" : "Run", start.toString(),
          start.plus(Duration.ofHours(1)).toString(), 6000 + (i % 200) * 37, 1800 + i % 1200));
    }
    return history.toArray(new JsonObject[0]);
  }
}
