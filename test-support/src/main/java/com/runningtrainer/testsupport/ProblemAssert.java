package com.runningtrainer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Checks that a response is an RFC 9457 problem of the expected status. */
public final class ProblemAssert {

  private ProblemAssert() {
  }

  /** The problem's body, after checking its status, media type and members. */
  public static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  /** As {@link #assertProblem}, and the problem names {@code field} among its failing fields. */
  public static JsonObject assertFieldProblem(HttpResponse<Buffer> response, int status, String field) {
    JsonObject problem = assertProblem(response, status);
    assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .as("failing fields of %s", problem.encode())
        .contains(field);
    return problem;
  }

  /**
   * The body with the trace id it carries zeroed (32 digits kept), for comparing two answers byte
   * for byte that should differ in nothing but the id of their requests' traces.
   */
  public static String withoutTraceId(HttpResponse<Buffer> response) {
    return response.bodyAsString().replaceAll("\"trace_id\":\"[0-9a-f]{32}\"", "\"trace_id\":\"" + "0".repeat(32) + "\"");
  }
}
