package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What an answer's body is on the wire: JSON, or a text answer's text as it is, after the event bus too. */
class ApiResponseTest {

  @Test
  void aTextAnswerIsSentAsItsUtf8TextWithItsMediaType() {
    ApiResponse answer = ApiResponse.text(200, "text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\nX:é🏃\r\n");

    assertThat(answer.headers().getString("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(answer.encodedBody().toString("UTF-8")).isEqualTo("BEGIN:VCALENDAR\r\nX:é🏃\r\n");
  }

  @Test
  void aTextAnswerIsTheSameAfterCrossingTheEventBusAsJson() {
    ApiResponse answer = ApiResponse.text(200, "text/calendar; charset=utf-8", "a\r\nb");

    ApiResponse carried = ApiResponse.fromJson(new JsonObject(answer.toJson().encode()));

    assertThat(carried.encodedBody()).isEqualTo(answer.encodedBody());
  }

  @Test
  void aStringOfAJsonAnswerIsStillEncodedAsJson() {
    assertThat(ApiResponse.ok("text").encodedBody().toString()).isEqualTo("\"text\"");
    assertThat(ApiResponse.ok(new JsonObject().put("a", 1)).encodedBody().toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void aJsonAnswerIsWrittenByteForByteAsTheDataBindingCodecWritesIt() {
    JsonObject body = new JsonObject()
        .put("id", "8d3e1c2a-4b5f-4a6b-9c7d-0e1f2a3b4c5d")
        .put("distance_km", new java.math.BigDecimal("42.195"))
        .put("pace", 5.25)
        .put("count", 12L)
        .put("done", true)
        .put("notes", null)
        .put("text", "é🏃 \"quoted\" \u0001")
        .put("at", java.time.Instant.parse("2026-11-30T20:00:00Z"))
        .put("items", new io.vertx.core.json.JsonArray().add(new JsonObject().put("n", 1)).add(2.5f));

    assertThat(ApiResponse.ok(body).encodedBody()).isEqualTo(io.vertx.core.json.Json.encodeToBuffer(body));
  }

  record Pair(String name, int value) {
  }

  @Test
  void aValueOutsideVertxsJsonTypesIsStillWrittenByDataBinding() {
    JsonObject body = new JsonObject().put("pair", new Pair("a", 1));

    assertThat(ApiResponse.ok(body).encodedBody().toString()).isEqualTo("{\"pair\":{\"name\":\"a\",\"value\":1}}");
  }
}
