package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway in front of a platform where the trainer service is deployed nowhere. */
class GatewayEventBusTest {

  private static GatewayPlatform platform;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayEventBusTest.class, Map.of(), false);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void answers503AtOnceForAServiceThatRunsNowhere() {
    var response = platform.gateway.get("/api/v1/plans", platform.newUser());

    assertThat(assertProblem(response, 503).getString("detail")).contains("trainer");
    assertThat(response.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void stillServesTheServicesThatRun() {
    assertThat(platform.gateway.get("/api/v1/auth/me", platform.newUser()).statusCode()).isEqualTo(200);
  }
}
