package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut answers only what vertx-openapi would, and leaves every other value to it. */
class PlainParameterTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;
  private static RequestValidatorImpl library;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    contract = OpenAPIContract.from(vertx, "openapi/trainer.yaml").await(30, TimeUnit.SECONDS);
    library = new RequestValidatorImpl(vertx, contract);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static Parameter parameter(String operationId, String name) {
    return contract.operation(operationId).getParameters().stream()
        .filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8d3e1c2a-4b5f-4a6b-9c7d-0e1f2a3b4c5d", "12345678-1234-1234-1234-123456789012",
      "ABCDEF01-ABCD-ABCD-ABCD-ABCDEF012345", "00000000-0000-0000-0000-000000000000"})
  void anIdIsTakenWithTheValueTheLibraryGives(String id) {
    Parameter planId = parameter("getPlan", "id");

    RequestParameter taken = PlainParameter.of(planId).validated(new RequestParameterImpl(id));

    assertThat(taken).isNotNull();
    assertThat(taken.get()).isEqualTo(library.validateParameter(planId, new RequestParameterImpl(id)).get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-uuid", "8d3e1c2a4b5f4a6b9c7d0e1f2a3b4c5d", "8d3e1c2a-4b5f-4a6b-9c7d-0e1f2a3b4c5g",
      "\"8d3e1c2a-4b5f-4a6b-9c7d-0e1f2a3b4c5d\"", "urn:uuid:8d3e1c2a-4b5f-4a6b-9c7d-0e1f2a3b4c5d"})
  void anythingElseIsLeftToTheLibrary(String value) {
    assertThat(PlainParameter.of(parameter("getPlan", "id")).validated(new RequestParameterImpl(value))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "20", "100"})
  void aCountWithinItsBoundsIsTakenAsTheLibrarysInteger(String limit) {
    Parameter parameter = parameter("listRuns", "limit");

    RequestParameter taken = PlainParameter.of(parameter).validated(new RequestParameterImpl(limit));

    assertThat(taken).isNotNull();
    assertThat(taken.get()).isEqualTo(library.validateParameter(parameter, new RequestParameterImpl(limit)).get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "020", "-1", "1.0", "1e1", " 1", "9999999999", "abc"})
  void aCountOutOfBoundsOrOddlySpelledIsLeftToTheLibrary(String limit) {
    assertThat(PlainParameter.of(parameter("listRuns", "limit")).validated(new RequestParameterImpl(limit))).isNull();
  }

  @Test
  void aMissingValueIsLeftToTheLibrary() {
    assertThat(PlainParameter.of(parameter("getPlan", "id")).validated(new RequestParameterImpl(null))).isNull();
    assertThat(catchThrowable(() -> library.validateParameter(parameter("getPlan", "id"), new RequestParameterImpl(null))))
        .isNotNull();
  }

  @Test
  void aSchemaWithMoreToCheckHasNoShortcut() {
    assertThat(contract.operations().stream().flatMap(o -> o.getParameters().stream())
        .filter(p -> p.getSchema().containsKey("maxLength") || p.getSchema().containsKey("$ref"))
        .map(PlainParameter::of)).isNotEmpty().containsOnlyNulls();
  }
}
