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
}
