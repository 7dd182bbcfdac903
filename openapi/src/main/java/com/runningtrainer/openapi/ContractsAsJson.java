package com.runningtrainer.openapi;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.impl.Utils;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each YAML contract as JSON beside it, at build time. Parsing the YAML was the largest
 * single cost of a start (SnakeYAML, 0.8 s of CPU for the five contracts); JSON is read by the
 * Jackson parser Vert.x has loaded anyway. The YAML stays the one source: it is what is edited
 * and what {@code /openapi.yaml} serves. It is parsed here exactly as vertx-openapi parses it.
 *
 * <p>Run by the build (exec-maven-plugin) and left out of the jar.
 */
public final class ContractsAsJson {

  private ContractsAsJson() {
  }

  /** {@code args}: the directory of the YAML contracts, the directory to write the JSON ones into. */
  public static void main(String[] args) throws IOException {
    Path from = Path.of(args[0]);
    Path to = Files.createDirectories(Path.of(args[1]));
    try (DirectoryStream<Path> contracts = Files.newDirectoryStream(from, "*.yaml")) {
      for (Path yaml : contracts) {
        String name = yaml.getFileName().toString();
        Files.writeString(to.resolve(name.substring(0, name.length() - ".yaml".length()) + ".json"), json(yaml).encode());
      }
    }
  }

  private static JsonObject json(Path yaml) throws IOException {
    return Utils.yamlStringToJson(Files.readString(yaml)).toCompletionStage().toCompletableFuture().join();
  }
}
