package com.runningtrainer.auth.token;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The signing keys in force: every one published in the JWKS, and the one that signs. */
public record KeySet(List<SigningKey> published, SigningKey signing) {

  public JsonObject jwks() {
    return new JsonObject().put("keys", new JsonArray(published.stream().map(SigningKey::publicJwk).toList()));
  }
}
