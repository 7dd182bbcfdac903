package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;

/** A request id made here is a random UUID, as {@link UUID#randomUUID} makes them. */
class RequestIdsTest {

  @RepeatedTest(20)
  void aNewIdIsAVersion4UuidOfTheIetfVariant() {
    UUID id = UUID.fromString(RequestIds.newId());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.toString()).isNotEqualTo(RequestIds.newId());
  }
}
