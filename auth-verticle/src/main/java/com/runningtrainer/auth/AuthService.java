package com.runningtrainer.auth;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The auth business API, also reachable as a proxy on the event bus address
 * {@code auth.service}. Failures are {@link io.vertx.serviceproxy.ServiceException}s whose
 * code is the HTTP status. Bodies and answers are the JSON of {@code openapi/auth.yaml}.
 */
@VertxGen
@ProxyGen
public interface AuthService {

  /**
   * Creates an account: {@code email}, {@code password} (10 to 128 characters, not a common
   * one), optional {@code display_name}; 429 when the email or the client IP registers too often.
   *
   * @param clientIp the caller's IP, for throttling; null or empty when unknown
   */
  Future<JsonObject> register(JsonObject registration, String clientIp);

  /**
   * An access token for matching {@code email} and {@code password}; the same 401 for any
   * mismatch, and the same 429 for any account (known or not) or client IP that failed too often.
   *
   * @param clientIp the caller's IP, for throttling; null or empty when unknown
   */
  Future<JsonObject> login(JsonObject credentials, String clientIp);

  /** The account of a verified user id. */
  Future<JsonObject> me(String userId);

  /** The public keys that verify access tokens. */
  Future<JsonObject> jwks();
}
