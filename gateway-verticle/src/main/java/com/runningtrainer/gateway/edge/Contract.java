package com.runningtrainer.gateway.edge;

import com.runningtrainer.common.http.Contracts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;

/** A service's contract, loaded and as text, from {@code openapi/<service>.yaml}. */
public record Contract(String service, OpenAPIContract contract, Buffer text) {

  public static Future<Contract> load(Vertx vertx, String service) {
    return Contracts.load(vertx, "openapi/" + service + ".yaml")
        .map(loaded -> new Contract(service, loaded.contract(), loaded.text()));
  }
}
