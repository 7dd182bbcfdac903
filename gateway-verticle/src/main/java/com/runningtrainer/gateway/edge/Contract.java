package com.runningtrainer.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;

/** A service's contract, loaded and as text, from {@code openapi/<service>.yaml}. */
public record Contract(String service, OpenAPIContract contract, Buffer text) {

  public static Future<Contract> load(Vertx vertx, String service) {
    String path = "openapi/" + service + ".yaml";
    return Future.all(OpenAPIContract.from(vertx, path), vertx.fileSystem().readFile(path))
        .map(loaded -> new Contract(service, loaded.resultAt(0), loaded.resultAt(1)));
  }
}
