package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.impl.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' contracts are checked against OpenAPI's schema here, at build time, because a
 * start only resolves them ({@link Contracts}), from the JSON the build makes of the YAML.
 */
class ContractsTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "trainer", "pdf", "strava", "gateway"})
  void eachContractPassesTheCheckAgainstOpenApisSchema(String service) throws Exception {
    OpenAPIContract checked = OpenAPIContract.from(vertx, "openapi/" + service + ".yaml").await(30, TimeUnit.SECONDS);

    assertThat(checked.operations()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "trainer", "pdf", "strava", "gateway"})
  void aResolvedContractIsTheCheckedOne(String service) throws Exception {
    String path = "openapi/" + service + ".yaml";
    OpenAPIContract checked = OpenAPIContract.from(vertx, path).await(30, TimeUnit.SECONDS);

    OpenAPIContract resolved = Contracts.resolve(vertx, path).await(30, TimeUnit.SECONDS);

    assertThat(resolved.getRawContract()).isEqualTo(checked.getRawContract());
    assertThat(operations(resolved)).isEqualTo(operations(checked));
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "trainer", "pdf", "strava", "gateway"})
  void eachContractIsAlsoInTheJsonTheBuildMadeOfItsYaml(String service) throws Exception {
    String path = "openapi/" + service + ".";

    JsonObject json = vertx.fileSystem().readFile(path + "json").await(30, TimeUnit.SECONDS).toJsonObject();

    assertThat(json).isEqualTo(Utils.readYamlOrJson(vertx, path + "yaml").await(30, TimeUnit.SECONDS));
  }

  @Test
  void theCheckRefusesAContractThatBreaksOpenApisSchema(@TempDir Path directory) throws Exception {
    Path broken = Files.writeString(directory.resolve("broken.yaml"),
        "openapi: 3.1.0\ninfo: { title: broken, version: '1' }\npaths:\n  /x:\n    get:\n      responses: 'none'\n");

    assertThatThrownBy(() -> OpenAPIContract.from(vertx, broken.toString()).await(30, TimeUnit.SECONDS))
        .hasMessageContaining("invalid");
  }

  private static Map<String, String> operations(OpenAPIContract contract) {
    Map<String, String> operations = new TreeMap<>();
    for (Operation operation : contract.operations()) {
      operations.put(operation.getOperationId(), operation.getHttpMethod() + " " + operation.getOpenAPIPath()
          + " " + operation.getParameters().size() + " " + operation.getSecurityRequirements().size());
    }
    return operations;
  }
}
