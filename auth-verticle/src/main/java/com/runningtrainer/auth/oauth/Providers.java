package com.runningtrainer.auth.oauth;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The providers users can log in with: those known, and of those the ones configured. */
public final class Providers {

  private static final Set<String> KNOWN = Set.of(GoogleProvider.NAME, StravaProvider.NAME);

  private final Map<String, Provider> configured;

  private Providers(Map<String, Provider> configured) {
    this.configured = configured;
  }

  /** Makes no network call: a provider is reached only when a login needs it. */
  public static Providers create(Vertx vertx, OAuthSettings settings) {
    Map<String, Provider> configured = new HashMap<>();
    if (settings.google().enabled()) {
      configured.put(GoogleProvider.NAME,
          new GoogleProvider(vertx, settings.google(), settings.callbackUrl(GoogleProvider.NAME), settings.timeoutMs()));
    }
    if (settings.strava().enabled()) {
      configured.put(StravaProvider.NAME,
          new StravaProvider(vertx, settings.strava(), settings.callbackUrl(StravaProvider.NAME), settings.timeoutMs()));
    }
    return new Providers(configured);
  }

  /** The names of the providers configured, in alphabetical order. */
  public List<String> names() {
    return configured.keySet().stream().sorted().toList();
  }

  /** The provider of this name; 404 when there is none, or it is not configured. */
  public Provider named(String name) {
    Provider provider = configured.get(name);
    if (provider != null) {
      return provider;
    }
    throw KNOWN.contains(name) ? OAuthFailures.notConfigured(name) : OAuthFailures.unknownProvider(name);
  }

  public void close() {
    configured.values().forEach(Provider::close);
  }
}
