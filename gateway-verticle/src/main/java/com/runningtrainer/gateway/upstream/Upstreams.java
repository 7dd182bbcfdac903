package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.breaker.Breakers;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.gateway.GatewaySettings;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The upstream of each routed service, as configured ({@code <SERVICE>_UPSTREAM}). */
public final class Upstreams {

  private Upstreams() {
  }

  /** @param http the client of every HTTP upstream, its pool sized and its wait queue bounded */
  public static Map<String, Upstream> create(Vertx vertx, GatewaySettings settings, HttpClient http) {
    Map<String, Upstream> upstreams = new LinkedHashMap<>();
    settings.upstreams().forEach((service, target) -> upstreams.put(service,
        GatewaySettings.EVENT_BUS.equals(target)
            ? new EventBusUpstream(vertx, service, settings.upstreamTimeoutMs(), Breakers.shared(vertx, service, breaker(settings)))
            : new HttpUpstream(instances(vertx, settings, http, service, target))));
    return upstreams;
  }

  private static List<HttpInstance> instances(Vertx vertx, GatewaySettings settings, HttpClient http, String service,
      String baseUrls) {
    return Config.list(baseUrls).stream()
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .map(url -> new HttpInstance(http, url, settings.upstreamTimeoutMs(),
            Breakers.shared(vertx, service + "@" + url, breaker(settings))))
        .toList();
  }

  /**
   * The proxy of each routed service's binary operations ({@code x-forward: http}): to its base
   * URLs when it is reached over HTTP, else to the HTTP address its instances answer on the
   * event bus.
   *
   * @param http the streaming client of every proxy
   */
  public static Map<String, HttpProxy> proxies(Vertx vertx, GatewaySettings settings, HttpClient http) {
    Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    settings.upstreams().forEach((service, target) -> proxies.put(service, new HttpProxy(http,
        GatewaySettings.EVENT_BUS.equals(target)
            ? HttpTarget.askingOverEventBus(vertx, service, settings.upstreamTimeoutMs())
            : HttpTarget.of(Config.list(target).stream()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList()),
        settings.upstreamTimeoutMs(), Breakers.shared(vertx, service + "-http", breaker(settings)))));
    return proxies;
  }

  // The clients time out themselves, each with the failure that says what happened.
  private static CircuitBreakerOptions breaker(GatewaySettings settings) {
    return new CircuitBreakerOptions()
        .setMaxFailures(settings.breakerMaxFailures())
        .setResetTimeout(settings.breakerResetMs())
        .setTimeout(-1);
  }
}
