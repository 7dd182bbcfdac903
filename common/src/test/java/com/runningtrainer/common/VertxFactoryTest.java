package com.runningtrainer.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class VertxFactoryTest {

  @Test
  void aProcessRunsOneEventLoopPerCore() throws Exception {
    Vertx vertx = VertxFactory.create();
    try {
      long loops = StreamSupport.stream(((VertxInternal) vertx).nettyEventLoopGroup().spliterator(), false).count();

      assertThat(loops).isEqualTo(Runtime.getRuntime().availableProcessors());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void eventLoopsSetsHowMany() {
    assertThat(Settings.eventLoops(Config.of(Map.of("EVENT_LOOPS", "6")))).isEqualTo(6);
    assertThat(Settings.eventLoops(Config.of(Map.of("EVENT_LOOPS", "0")))).isEqualTo(1);
  }
}
