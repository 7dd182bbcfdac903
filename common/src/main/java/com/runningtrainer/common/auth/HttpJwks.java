package com.runningtrainer.common.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Supplier;

/** Fetches auth's published JWKS over HTTP, for {@link JwksTokenVerifier}. */
public final class HttpJwks implements Supplier<Future<JsonObject>> {

  private static final long TIMEOUT_MS = 3_000;

  private final WebClient client;
  private final String url;

  public HttpJwks(WebClient client, String url) {
    this.client = client;
    this.url = url;
  }

  @Override
  public Future<JsonObject> get() {
    return client.getAbs(url).timeout(TIMEOUT_MS).send()
        .expecting(HttpResponseExpectation.SC_OK)
        .map(response -> response.bodyAsJsonObject());
  }
}
