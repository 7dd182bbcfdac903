package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  private static final MetricsAccess LOCAL_ONLY = MetricsAccess.of(Optional.empty());
  private static final MetricsAccess BY_TOKEN = MetricsAccess.of(Optional.of("s3cret-scrape"));

  @Test
  void withoutATokenSetAClientOnThisHostReadsTheMetrics() {
    assertThat(LOCAL_ONLY.refusal("127.0.0.1", null)).isZero();
    assertThat(LOCAL_ONLY.refusal("0:0:0:0:0:0:0:1", null)).isZero();
  }

  @Test
  void withoutATokenSetAClientElsewhereIsForbidden() {
    assertThat(LOCAL_ONLY.refusal("203.0.113.7", "Bearer anything")).isEqualTo(403);
  }

  @Test
  void withATokenSetOnlyItOpensTheMetricsFromAnywhere() {
    assertThat(BY_TOKEN.refusal("203.0.113.7", "Bearer s3cret-scrape")).isZero();
    assertThat(BY_TOKEN.refusal("127.0.0.1", null)).isEqualTo(401);
    assertThat(BY_TOKEN.refusal("127.0.0.1", "Bearer s3cret-scrap")).isEqualTo(401);
    assertThat(BY_TOKEN.refusal("127.0.0.1", "s3cret-scrape")).isEqualTo(401);
  }
}
