package com.runningtrainer.common.tracing;

import com.runningtrainer.common.config.Config;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Locale;
import java.util.Optional;

/**
 * Where traces go and which are kept, from the standard OpenTelemetry variables: spans are
 * recorded and exported only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set.
 *
 * @param endpoint the collector's OTLP/HTTP base URL ({@code /v1/traces} is added); empty: export nothing
 * @param serviceName {@code service.name} of every span of this process
 * @param sampler which traces are recorded when exporting
 */
public record TracingSettings(Optional<String> endpoint, String serviceName, Sampler sampler) {

  /**
   * @param defaultServiceName the name when {@code OTEL_SERVICE_NAME} is not set (the launcher's:
   *     the one service it runs, or the platform's)
   */
  public static TracingSettings from(Config config, String defaultServiceName) {
    // Only OTLP over HTTP: the JDK's client sends it; gRPC would need OkHttp or grpc-java in the jar.
    String protocol = config.string("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    if (!protocol.equals("http/protobuf")) {
      throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf, not '" + protocol + "'");
    }
    return new TracingSettings(config.find("OTEL_EXPORTER_OTLP_ENDPOINT"),
        config.string("OTEL_SERVICE_NAME", defaultServiceName),
        sampler(config.string("OTEL_TRACES_SAMPLER", "parentbased_always_on"), config.find("OTEL_TRACES_SAMPLER_ARG")));
  }

  /** The samplers of the OpenTelemetry specification's {@code OTEL_TRACES_SAMPLER}, with its ratio argument. */
  static Sampler sampler(String name, Optional<String> argument) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "always_on" -> Sampler.alwaysOn();
      case "always_off" -> Sampler.alwaysOff();
      case "traceidratio" -> Sampler.traceIdRatioBased(ratio(argument));
      case "parentbased_always_on" -> Sampler.parentBased(Sampler.alwaysOn());
      case "parentbased_always_off" -> Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio" -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio(argument)));
      default -> throw new IllegalArgumentException("OTEL_TRACES_SAMPLER '" + name + "' is not one of always_on, "
          + "always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio");
    };
  }

  private static double ratio(Optional<String> argument) {
    try {
      double ratio = argument.map(Double::parseDouble).orElse(1.0);
      if (ratio < 0 || ratio > 1) {
        throw new NumberFormatException();
      }
      return ratio;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, not '"
          + argument.orElse("") + "'");
    }
  }
}
