package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanApiTest {

  private static TrainerPlatform platform;
  private static String token;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanApiTest.class);
    token = platform.newUser();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject marathon() {
    return new JsonObject()
        .put("name", "Spring marathon")
        .put("description", "16 weeks to Boston")
        .put("start_date", "2026-01-05")
        .put("end_date", "2026-04-26")
        .put("goal_race_date", "2026-04-20");
  }

  @Test
  void createsAPlanAndReadsItBack() {
    var created = platform.trainer.post("/api/v1/plans", token, marathon());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject plan = created.bodyAsJsonObject();
    assertThat(created.getHeader("Location")).isEqualTo("/api/v1/plans/" + plan.getString("id"));
    assertThat(plan.getString("name")).isEqualTo("Spring marathon");
    assertThat(plan.getString("goal_race_date")).isEqualTo("2026-04-20");
    assertThat(plan.getString("created_at")).endsWith("Z");
    var read = platform.trainer.get("/api/v1/plans/" + plan.getString("id"), token);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.bodyAsJsonObject()).isEqualTo(plan);
  }

  @Test
  void replacesAPlansFields() {
    JsonObject plan = platform.create("/api/v1/plans", token, marathon());

    var updated = platform.trainer.put("/api/v1/plans/" + plan.getString("id"), token,
        marathon().put("name", "Autumn marathon").put("description", null));

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getString("name")).isEqualTo("Autumn marathon");
    assertThat(updated.bodyAsJsonObject().getString("description")).isNull();
    assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), token).bodyAsJsonObject().getString("name"))
        .isEqualTo("Autumn marathon");
  }

  @Test
  void deletesAPlan() {
    JsonObject plan = platform.create("/api/v1/plans", token, marathon());

    var deleted = platform.trainer.delete("/api/v1/plans/" + plan.getString("id"), token);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertProblem(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), token), 404);
    assertProblem(platform.trainer.delete("/api/v1/plans/" + plan.getString("id"), token), 404);
  }

  @Test
  void refusesAPlanEndingBeforeItStarts() {
    var response = platform.trainer.post("/api/v1/plans", token, marathon().put("end_date", "2026-01-04"));

    assertFieldProblem(response, 422, "end_date");
  }

  @Test
  void acceptsAOneDayPlan() {
    var response = platform.trainer.post("/api/v1/plans", token, marathon().put("end_date", "2026-01-05"));

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "start_date", "end_date"})
  void requiresItsFields(String field) {
    JsonObject body = marathon();
    body.remove(field);

    assertFieldProblem(platform.trainer.post("/api/v1/plans", token, body), 400, field);
  }

  @Test
  void refusesAnUnknownField() {
    JsonObject problem = assertFieldProblem(platform.trainer.post("/api/v1/plans", token, marathon().put("owner_id", "x")),
        400, "owner_id");

    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("is not a known field");
  }

  @Test
  void refusesAWrongType() {
    assertFieldProblem(platform.trainer.post("/api/v1/plans", token, marathon().put("name", 42)), 400, "name");
  }

  @Test
  void refusesADateThatDoesNotExist() {
    assertFieldProblem(platform.trainer.post("/api/v1/plans", token, marathon().put("start_date", "2026-02-30")),
        400, "start_date");
  }

  @Test
  void refusesAnEmptyName() {
    assertFieldProblem(platform.trainer.post("/api/v1/plans", token, marathon().put("name", "")), 400, "name");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    var response = platform.trainer.send(HttpMethod.POST, "/api/v1/plans", token, "application/json", "{\"name\":");

    assertProblem(response, 400);
  }

  @Test
  void refusesAnIdThatIsNotAUuid() {
    assertFieldProblem(platform.trainer.get("/api/v1/plans/42", token), 400, "id");
  }

  @Test
  void requiresABearerToken() {
    var response = platform.trainer.get("/api/v1/plans", null);

    assertProblem(response, 401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void refusesAForgedToken() {
    String forged = token.substring(0, token.length() - 4) + "AAAA";

    assertProblem(platform.trainer.get("/api/v1/plans", forged), 401);
  }

  @Test
  void answersAnUnknownPathWithAProblem() {
    assertProblem(platform.trainer.get("/api/v1/nowhere", token), 404);
  }
}
