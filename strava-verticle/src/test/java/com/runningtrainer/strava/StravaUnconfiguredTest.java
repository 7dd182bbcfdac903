package com.runningtrainer.strava;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.serviceproxy.ServiceException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A server without a Strava client id: the connection answers 503 rather than 404, so that a
 * client (the web app) tells "this server cannot connect Strava" from "not connected yet" and
 * hides Strava. Nothing is read: the answer comes before any repository is asked.
 */
class StravaUnconfiguredTest {

  private final StravaService service = new StravaServiceImpl(null,
      new StravaSettings("https://www.strava.com", "https://www.strava.com/api/v3", null, null,
          "http://localhost:8000/strava/connected", 5_000),
      null, null, null, null, null, null, null, null);

  @Test
  void theConnectionIsUnavailableWhenTheServerHasNoStravaClient() {
    Throwable failure = service.connection(UUID.randomUUID().toString()).cause();

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(503);
    assertThat(failure.getMessage()).contains("not configured");
  }
}
