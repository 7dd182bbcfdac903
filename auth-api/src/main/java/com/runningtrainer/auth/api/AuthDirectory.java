package com.runningtrainer.auth.api;

import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import java.util.List;

/**
 * Who people are, as auth knows them now rather than as a token says: what other services ask
 * auth on the event bus at {@link #ADDRESS}. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is an HTTP status (404: no such
 * account).
 */
@VertxGen
@ProxyGen
public interface AuthDirectory {

  /** The event-bus address auth binds the directory at. */
  String ADDRESS = "auth.directory";

  /** A proxy that sends to {@link #ADDRESS}; give {@code options} a short send timeout. */
  @GenIgnore
  static AuthDirectory createProxy(Vertx vertx, DeliveryOptions options) {
    return new ServiceProxyBuilder(vertx).setAddress(ADDRESS).setOptions(options).build(AuthDirectory.class);
  }

  /**
   * The account of a user id: {@code id}, {@code email}, {@code display_name}, {@code roles},
   * {@code email_verified}, {@code disabled}. 404 when there is none.
   */
  Future<JsonObject> contact(String userId);

  /**
   * {@code id}, {@code email}, {@code display_name}, {@code roles} and {@code disabled} of each
   * account among these ids; others left out.
   */
  Future<JsonArray> contacts(List<String> userIds);

  /**
   * Mails {@code coachEmail} an invitation to coach the athlete with {@code read} or
   * {@code read_write} access. Succeeds once the mail is handed on, whether or not the address
   * has an account; a mail that fails to go out is logged. 404 when the athlete has no account.
   */
  Future<Void> sendCoachInvitation(String athleteId, String coachEmail, String access);
}
