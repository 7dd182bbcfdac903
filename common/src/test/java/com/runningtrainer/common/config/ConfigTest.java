package com.runningtrainer.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void fallsBackToTheDefaultForAnAbsentOrBlankValue() {
    Config config = Config.of(Map.of("DATABASE_POOL_SIZE", " "));

    assertThat(Settings.from(config).databasePoolSize()).isEqualTo(16);
    assertThat(Settings.from(config).databaseUrl()).isEqualTo(Settings.DEFAULT_DATABASE_URL);
  }

  @Test
  void keepsRedisKeysUnderRtByDefault() {
    assertThat(Settings.from(Config.of(Map.of())).redisPrefix()).isEqualTo("rt:");
    assertThat(Settings.from(Config.of(Map.of("REDIS_PREFIX", "staging:"))).redisPrefix()).isEqualTo("staging:");
  }

  @Test
  void letsOverridesWin() {
    Config config = Config.of(Map.of("TRAINER_PORT", "9001")).with(Map.of("TRAINER_PORT", "9002"));

    assertThat(Settings.port(config, "trainer", 8001)).isEqualTo(9002);
  }

  @Test
  void saysWhichSettingIsNotANumber() {
    assertThatThrownBy(() -> Config.of(Map.of("AUTH_PORT", "eighty")).integer("AUTH_PORT", 1))
        .hasMessageContaining("AUTH_PORT");
  }
}
