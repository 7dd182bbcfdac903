package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackingServersTest {

  private static final Config REDIS_ONLY = Config.of(Map.of("REDIS_URL", "redis://127.0.0.1:6379/0"));

  @Test
  void aClusteredGatewayNeedsNoDatabase() {
    assertThat(BackingServers.requireGiven(REDIS_ONLY, false).find("REDIS_URL")).isPresent();
  }

  @Test
  void aClusteredServiceWithADatabaseNeedsDatabaseUrl() {
    assertThatThrownBy(() -> BackingServers.requireGiven(REDIS_ONLY, true))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void aGatewayAloneStartsNoEmbeddedPostgres() {
    ShutdownSequence shutdown = new ShutdownSequence();

    Config provided = BackingServers.provide(REDIS_ONLY, false, shutdown);

    assertThat(provided.find("DATABASE_URL")).isEmpty();
  }
}
