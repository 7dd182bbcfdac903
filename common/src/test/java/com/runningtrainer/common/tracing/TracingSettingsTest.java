package com.runningtrainer.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSettingsTest {

  @Test
  void exportsNowhereWithoutAnEndpoint() {
    assertThat(TracingSettings.from(Config.of(Map.of()), "trainer").endpoint()).isEmpty();
  }

  @Test
  void namesTheServiceAfterTheLaunchersChoiceUnlessOtelServiceNameSays() {
    assertThat(TracingSettings.from(Config.of(Map.of()), "trainer").serviceName()).isEqualTo("trainer");
    assertThat(TracingSettings.from(Config.of(Map.of("OTEL_SERVICE_NAME", "edge")), "trainer").serviceName())
        .isEqualTo("edge");
  }

  @Test
  void keepsEveryTraceItsParentKeepsByDefault() {
    assertThat(TracingSettings.from(Config.of(Map.of()), "trainer").sampler().getDescription())
        .isEqualTo("ParentBased{root:AlwaysOnSampler,remoteParentSampled:AlwaysOnSampler,"
            + "remoteParentNotSampled:AlwaysOffSampler,localParentSampled:AlwaysOnSampler,"
            + "localParentNotSampled:AlwaysOffSampler}");
  }

  @Test
  void takesTheRatioOfARatioSampler() {
    Config config = Config.of(Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.25"));

    assertThat(TracingSettings.from(config, "trainer").sampler().getDescription()).isEqualTo("TraceIdRatioBased{0.250000}");
  }

  @Test
  void refusesAnUnknownSampler() {
    assertThatThrownBy(() -> TracingSettings.from(Config.of(Map.of("OTEL_TRACES_SAMPLER", "sometimes")), "trainer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OTEL_TRACES_SAMPLER");
  }

  @Test
  void refusesARatioOutsideZeroToOne() {
    Config config = Config.of(Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "2"));

    assertThatThrownBy(() -> TracingSettings.from(config, "trainer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OTEL_TRACES_SAMPLER_ARG");
  }

  @Test
  void refusesOtlpOverGrpcWhichTheJdkSenderCannotSpeak() {
    assertThatThrownBy(() -> TracingSettings.from(Config.of(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")), "trainer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http/protobuf");
  }
}
