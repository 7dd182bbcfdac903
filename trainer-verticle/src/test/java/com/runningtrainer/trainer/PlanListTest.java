package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pagination, as every list of the platform has it, on the caller's 25 plans. */
class PlanListTest {

  private static final int PLANS = 25;
  private static TrainerPlatform platform;
  private static String token;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanListTest.class);
    token = platform.newUser();
    LocalDate first = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < PLANS; i++) {
      String start = first.plusDays(i).toString();
      platform.plan(token, start, first.plusDays(i + 30).toString());
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject page(String query) {
    var response = platform.trainer.get("/api/v1/plans" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  @Test
  void givesTwentyOfTheLatestStartingFirstByDefault() {
    JsonObject page = page("");

    assertThat(page.getJsonArray("items")).hasSize(20);
    assertThat(page.getLong("total")).isEqualTo(PLANS);
    assertThat(page.getInteger("limit")).isEqualTo(20);
    assertThat(page.getInteger("offset")).isZero();
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("start_date")).isEqualTo("2026-01-25");
    assertThat(page.getJsonArray("items").getJsonObject(19).getString("start_date")).isEqualTo("2026-01-06");
  }

  @Test
  void givesTheRestAfterAnOffset() {
    JsonArray items = page("?limit=10&offset=20").getJsonArray("items");

    assertThat(items).hasSize(5);
    assertThat(items.getJsonObject(4).getString("start_date")).isEqualTo("2026-01-01");
  }

  @Test
  void givesAnEmptyPageWithTheTotalPastTheEnd() {
    JsonObject page = page("?offset=25");

    assertThat(page.getJsonArray("items")).isEmpty();
    assertThat(page.getLong("total")).isEqualTo(PLANS);
  }

  @Test
  void givesOneItemWithALimitOfOne() {
    assertThat(page("?limit=1").getJsonArray("items")).hasSize(1);
  }

  @Test
  void givesAtMostAHundred() {
    assertThat(page("?limit=100").getJsonArray("items")).hasSize(PLANS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=ten", "offset=-1", "offset=x", "offset=4294967297"})
  void refusesAWindowOutsideTheRules(String query) {
    String field = query.substring(0, query.indexOf('='));

    assertFieldProblem(platform.trainer.get("/api/v1/plans?" + query, token), 400, field);
  }

  @Test
  void showsNoPlanOfAnotherUser() {
    String stranger = platform.newUser();

    JsonObject page = platform.trainer.get("/api/v1/plans", stranger).bodyAsJsonObject();

    assertThat(page.getJsonArray("items")).isEmpty();
    assertThat(page.getLong("total")).isZero();
  }
}
