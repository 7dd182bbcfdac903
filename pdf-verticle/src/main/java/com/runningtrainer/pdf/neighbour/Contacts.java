package com.runningtrainer.pdf.neighbour;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.common.breaker.Away;
import com.runningtrainer.common.breaker.Neighbour;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Where a user's PDFs are mailed: auth's {@link AuthDirectory#contact} ({@code email},
 * {@code email_verified}), behind the breaker {@code pdf-auth}; 503 while auth is away.
 */
public final class Contacts {

  private final AuthDirectory directory;
  private final Neighbour auth;

  public Contacts(Vertx vertx, long timeoutMs) {
    this.directory = AuthDirectory.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.auth = Neighbour.of(vertx, "pdf-auth", "auth", timeoutMs, Away::isAway);
  }

  /** The user's verified email; null when it is not verified. */
  public Future<String> verifiedEmail(String userId) {
    return auth.<JsonObject>call(() -> directory.contact(userId))
        .map(contact -> contact.getBoolean("email_verified", false) ? contact.getString("email") : null);
  }
}
