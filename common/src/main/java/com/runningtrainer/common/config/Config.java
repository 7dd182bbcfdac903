package com.runningtrainer.common.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration read from environment variables, each with a default that works locally.
 * Built from a map so that tests and the launcher can add or override values.
 */
public final class Config {

  private final Map<String, String> values;

  private Config(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The process environment. */
  public static Config fromEnv() {
    return of(System.getenv());
  }

  public static Config of(Map<String, String> values) {
    return new Config(values);
  }

  /** A copy of this configuration with {@code overrides} taking precedence. */
  public Config with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Config(merged);
  }

  public Optional<String> find(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String name, String defaultValue) {
    return find(name).orElse(defaultValue);
  }

  public int integer(String name, int defaultValue) {
    return find(name).map(value -> parseInt(name, value)).orElse(defaultValue);
  }

  /** The items of a comma-separated value, trimmed, without empty ones. */
  public static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }

  public boolean bool(String name, boolean defaultValue) {
    return find(name).map(value -> value.equalsIgnoreCase("true") || value.equals("1")).orElse(defaultValue);
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }
}
