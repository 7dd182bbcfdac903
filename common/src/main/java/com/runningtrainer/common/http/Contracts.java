package com.runningtrainer.common.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.impl.OpenAPIContractImpl;
import io.vertx.openapi.impl.OpenAPIFormatValidator;
import io.vertx.openapi.impl.Utils;
import java.util.concurrent.CompletableFuture;

/**
 * The contracts of a process, each parsed and resolved once per Vert.x instance. Checking a
 * contract against OpenAPI's schema was the largest cost of a start: every API verticle instance
 * of every service (and the gateway, for all of them) did it again, and once per process it was
 * still a third of the start's CPU. The contracts are ours and part of the build, so the build
 * checks them ({@code ContractsTest}) and a start only resolves them. A loaded contract is only
 * read afterwards, so the instances on every event loop share it.
 *
 * <p>The build also writes each YAML contract as JSON beside it ({@code openapi/<name>.json}):
 * a start reads that, as parsing the YAML cost more CPU than anything else in loading a contract.
 * A contract the build did not convert (a test's) is read from its YAML.
 */
public final class Contracts {

  private static final String MAP = "running-trainer.contracts";
  /** The base vertx-openapi gives a contract read from a file. */
  private static final String BASE_URI = "app://";

  private Contracts() {
  }

  /** A contract and its text, as served at {@code /openapi.yaml}. */
  public record Loaded(OpenAPIContract contract, Buffer text) {
  }

  private record Held(CompletableFuture<Loaded> loaded) implements Shareable {
  }

  /** The contract at {@code path} (on the class path or disk), completed on the caller's context. */
  public static Future<Loaded> load(Vertx vertx, String path) {
    LocalMap<String, Held> contracts = vertx.sharedData().getLocalMap(MAP);
    Held fresh = new Held(new CompletableFuture<>());
    Held held = contracts.putIfAbsent(path, fresh);
    if (held == null) {
      held = fresh;
      CompletableFuture<Loaded> loading = fresh.loaded();
      Future.all(resolve(vertx, path), vertx.fileSystem().readFile(path))
          .onSuccess(both -> loading.complete(new Loaded(both.resultAt(0), both.resultAt(1))))
          .onFailure(failure -> {
            // A contract that failed to load is tried again by the next caller rather than remembered broken.
            contracts.remove(path, fresh);
            loading.completeExceptionally(failure);
          });
    }
    Context caller = vertx.getOrCreateContext();
    return Future.fromCompletionStage(held.loaded(), caller);
  }

  /**
   * What {@link OpenAPIContract#from(Vertx, String)} does but for the check against OpenAPI's
   * schema: read (the JSON twin if the build made one), resolve the references, index the
   * operations. The schema repository holds only the contract's own schemas: OpenAPI's schemas
   * and the JSON Schema meta-schemas that {@code from} loads into it serve only that check, and
   * loading them was a quarter of the cost of a contract.
   */
  static Future<OpenAPIContract> resolve(Vertx vertx, String path) {
    return parsed(vertx, path).compose(spec -> {
      OpenAPIVersion version = OpenAPIVersion.fromContract(spec);
      // The drafts OpenAPIVersion pairs with each version, which it keeps to itself.
      Draft draft = version == OpenAPIVersion.V3_0 ? Draft.DRAFT4 : Draft.DRAFT202012;
      SchemaRepository repository = SchemaRepository.create(new JsonSchemaOptions().setDraft(draft)
          .setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic), new OpenAPIFormatValidator());
      return version.resolve(vertx, repository, spec)
          .map(resolved -> new OpenAPIContractImpl(resolved, version, repository));
    });
  }

  private static Future<JsonObject> parsed(Vertx vertx, String yamlPath) {
    String jsonPath = yamlPath.substring(0, yamlPath.lastIndexOf('.')) + ".json";
    return vertx.fileSystem().exists(jsonPath)
        .compose(converted -> Utils.readYamlOrJson(vertx, converted ? jsonPath : yamlPath));
  }
}
