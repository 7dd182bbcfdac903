package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting plans and workouts never deletes a recorded run. */
class CascadeTest {

  private static TrainerPlatform platform;
  private static String token;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(CascadeTest.class);
    token = platform.newUser();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void deletingAPlanDeletesItsWorkoutsAndKeepsTheirRunsUnlinked() {
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-29");
    JsonObject workout = platform.workout(token, plan, "long_run", "2026-03-08", 25.0);
    JsonObject run = platform.run(token, workout.getString("id"), "2026-03-08", 25.3, 140);

    assertThat(platform.trainer.delete("/api/v1/plans/" + plan.getString("id"), token).statusCode()).isEqualTo(204);

    assertThat(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token).statusCode()).isEqualTo(404);
    JsonObject kept = platform.trainer.get("/api/v1/runs/" + run.getString("id"), token).bodyAsJsonObject();
    assertThat(kept.getValue("workout_id")).isNull();
    assertThat(kept.copy().put("workout_id", run.getString("workout_id")).put("updated_at", run.getString("updated_at")))
        .isEqualTo(run);
  }

  @Test
  void deletingAWorkoutKeepsItsRunsUnlinked() {
    JsonObject plan = platform.plan(token, "2026-04-06", "2026-04-26");
    JsonObject workout = platform.workout(token, plan, "tempo", "2026-04-08", 12.0);
    JsonObject run = platform.run(token, workout.getString("id"), "2026-04-08", 12.1, 58);

    platform.trainer.delete("/api/v1/workouts/" + workout.getString("id"), token);

    JsonObject kept = platform.trainer.get("/api/v1/runs/" + run.getString("id"), token).bodyAsJsonObject();
    assertThat(kept.getValue("workout_id")).isNull();
    assertThat(kept.getDouble("distance_km")).isEqualTo(12.1);
    assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), token).statusCode()).isEqualTo(200);
  }

  @Test
  void deletingAPlanLeavesOtherPlansAndTheirWorkoutsAlone() {
    JsonObject doomed = platform.plan(token, "2026-05-04", "2026-05-31");
    JsonObject other = platform.plan(token, "2026-05-04", "2026-05-31");
    platform.workout(token, doomed, "easy_run", "2026-05-05", 8.0);
    JsonObject survivor = platform.workout(token, other, "easy_run", "2026-05-05", 8.0);

    platform.trainer.delete("/api/v1/plans/" + doomed.getString("id"), token);

    assertThat(platform.trainer.get("/api/v1/workouts/" + survivor.getString("id"), token).statusCode()).isEqualTo(200);
  }

  @Test
  void deletingARunLeavesItsWorkout() {
    JsonObject plan = platform.plan(token, "2026-06-01", "2026-06-28");
    JsonObject workout = platform.workout(token, plan, "easy_run", "2026-06-02", 8.0);
    JsonObject run = platform.run(token, workout.getString("id"), "2026-06-02", 8, 44);

    platform.trainer.delete("/api/v1/runs/" + run.getString("id"), token);

    assertThat(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token).statusCode()).isEqualTo(200);
  }
}
