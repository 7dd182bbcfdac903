package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service whose binary operations the gateway proxies over HTTP, not running: 503 problems, as for its others. */
class GatewayPdfAwayTest {

  private static GatewayPlatform platform;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayPdfAwayTest.class, Map.of("GATEWAY_SERVICES", "auth,trainer,pdf"), false,
        false);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aDownloadIs503WhenNoPdfInstanceAnswersWhereItsHttpPortIs() {
    assertProblem(platform.gateway.get("/api/v1/pdf/" + UUID.randomUUID(), platform.newUser()), 503);
  }

  @Test
  void aJsonOperationIs503TooWhenThePdfServiceIsNotRunning() {
    assertProblem(platform.gateway.get("/api/v1/pdf", platform.newUser()), 503);
  }
}
