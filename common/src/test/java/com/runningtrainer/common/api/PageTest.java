package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void refusesAnOffsetBeyondThirtyTwoBitsRatherThanCuttingIt() {
    assertThatThrownBy(() -> Page.from(new JsonObject().put("offset", 4294967297L)))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.failureCode()).isEqualTo(400);
          assertThat(e.getMessage()).startsWith("offset");
        });
  }

  @Test
  void takesTheLargestOffsetOfItsType() {
    assertThat(Page.from(new JsonObject().put("offset", (long) Integer.MAX_VALUE)).offset()).isEqualTo(Integer.MAX_VALUE);
  }
}
