package com.runningtrainer.launcher;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.gateway.GatewayVerticle;
import com.runningtrainer.pdf.PdfVerticle;
import com.runningtrainer.strava.StravaVerticle;
import com.runningtrainer.trainer.TrainerVerticle;
import java.util.List;
import java.util.Map;

/** The services this jar can run, in the order they are started by default. */
final class ServiceCatalog {

  static final List<ServiceDescriptor> ALL = List.of(
      TrainerVerticle.DESCRIPTOR,
      AuthVerticle.DESCRIPTOR,
      PdfVerticle.DESCRIPTOR,
      StravaVerticle.DESCRIPTOR,
      // Last, and started once the others are up: it fronts them.
      GatewayVerticle.DESCRIPTOR);

  private ServiceCatalog() {
  }

  static boolean isGateway(ServiceDescriptor service) {
    return service.name().equals(GatewayVerticle.NAME);
  }

  static List<String> names() {
    return ALL.stream().map(ServiceDescriptor::name).toList();
  }

  /** The services of these names, which {@link LaunchOptions} has already checked. */
  static List<ServiceDescriptor> named(List<String> names) {
    return names.stream()
        .map(name -> ALL.stream().filter(service -> service.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown service " + name)))
        .toList();
  }

  /**
   * The configuration with the gateway routing every service of the catalog unless
   * {@code GATEWAY_SERVICES} says otherwise: a service added here is routed with no other change.
   */
  static Config withGatewayDefaults(Config config) {
    if (config.find("GATEWAY_SERVICES").isPresent()) {
      return config;
    }
    String behindGateway = String.join(",",
        ALL.stream().filter(service -> !isGateway(service)).map(ServiceDescriptor::name).toList());
    return config.with(Map.of("GATEWAY_SERVICES", behindGateway));
  }
}
