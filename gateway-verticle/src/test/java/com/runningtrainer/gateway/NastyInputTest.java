package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every string of every operation of the auth, trainer and strava contracts, sent the strings an attacker tries first,
 * through the gateway (on to the services over the event bus) and at each service's own port:
 * no answer is a 5xx. The operations and their fields are read from the contracts, so a new one
 * is covered without a change here.
 */
class NastyInputTest {

  /** A marker the encoded JSON body carries where the raw escape of a lone surrogate goes. */
  private static final String SURROGATE_MARK = "@lone-surrogate@";

  private static final Map<String, String> NASTY = Map.of(
      "NUL", "a\u0000b",
      "lone surrogate", SURROGATE_MARK,
      "10,000 characters", "x".repeat(10_000),
      "right-to-left override", "\u202Egnp.exe\u202C");

  private static GatewayPlatform platform;
  private static String adminEmail;
  private static String token;

  @BeforeAll
  static void start() {
    // Strava is configured but never reached: every nasty input is refused before a call to it.
    platform = GatewayPlatform.start(NastyInputTest.class, Map.of("GATEWAY_SERVICES", "auth,trainer,strava",
        "STRAVA_CLIENT_ID", "4711", "STRAVA_CLIENT_SECRET", "secret", "STRAVA_BASE_URL", "http://127.0.0.1:9",
        "RT_DATA_DIR", System.getProperty("java.io.tmpdir") + "/nasty-" + UUID.randomUUID()), true, false, true);
    adminEmail = "nasty-" + UUID.randomUUID() + "@example.com";
    token = platform.newAdmin(adminEmail);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void noStringOfAnyOperationMakesAServerError() {
    List<String> serverErrors = new ArrayList<>();
    for (String service : List.of("auth", "trainer", "strava")) {
      JsonObject contract = OpenAPIContract.from(platform.vertx, "openapi/" + service + ".yaml").await().getRawContract();
      TestHttp direct = new TestHttp(platform.vertx, platform.config.integer(service.toUpperCase() + "_PORT", 0));
      List<Request> requests = requests(contract);
      assertThat(requests).as("requests of %s", service).hasSizeGreaterThan(20);
      for (Request request : requests) {
        for (TestHttp target : List.of(platform.gateway, direct)) {
          HttpResponse<Buffer> response = request.send(target, caller());
          if (response.statusCode() >= 500) {
            serverErrors.add(request + " at " + (target == direct ? service : "gateway") + " -> "
                + response.statusCode() + " " + response.bodyAsString());
          }
        }
      }
    }
    assertThat(serverErrors).isEmpty();
  }

  @Test
  void refusesANulCharacterNamingTheFieldAtTheServiceAndThroughTheGateway() {
    JsonObject plan = GatewayPlatform.plan().put("description", "tempo\u0000run");
    TestHttp trainer = new TestHttp(platform.vertx, platform.config.integer("TRAINER_PORT", 0));

    assertFieldProblem(trainer.post("/api/v1/plans", caller(), plan), 400, "description");
    assertFieldProblem(platform.gateway.post("/api/v1/plans", caller(), plan), 400, "description");
  }

  @Test
  void refusesALoneSurrogateNamingTheField() {
    String body = GatewayPlatform.plan().put("name", SURROGATE_MARK).encode().replace(SURROGATE_MARK, "a\\ud800b");

    var response = platform.gateway.send(HttpMethod.POST, "/api/v1/plans", caller(), "application/json", body);

    assertFieldProblem(response, 400, "name");
  }

  /** The admin's token, logged in again when an operation (logout, ending sessions) ended it. */
  private static String caller() {
    if (platform.gateway.get("/api/v1/auth/me", token).statusCode() == 401) {
      token = new com.runningtrainer.testsupport.TestAccounts(platform.auth).logIn(adminEmail);
    }
    return token;
  }

  /** One request per string field of each operation and nasty string: the field nasty, the rest plausible. */
  private static List<Request> requests(JsonObject contract) {
    List<Request> requests = new ArrayList<>();
    String base = contract.getJsonArray("servers").getJsonObject(0).getString("url").replaceFirst("^https?://[^/]+", "");
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      // The loaded contract carries the resolver's own keys beside the paths.
      if (!path.startsWith("/")) {
        continue;
      }
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
          continue;
        }
        Operation operation = Operation.of(contract, base + path, method, item.getJsonObject(method), item);
        for (String field : operation.stringFields()) {
          NASTY.forEach((name, value) -> requests.add(new Request(operation, field, name, value)));
        }
      }
    }
    return requests;
  }

  /** An operation of a contract: its plausible parameters and body, and which of them are strings. */
  private record Operation(String id, HttpMethod method, String path, Map<String, Object> pathParams,
      Map<String, Object> query, JsonObject body, List<String> stringFields) {

    static Operation of(JsonObject contract, String path, String method, JsonObject operation, JsonObject item) {
      Map<String, Object> pathParams = new java.util.LinkedHashMap<>();
      Map<String, Object> query = new java.util.LinkedHashMap<>();
      List<String> strings = new ArrayList<>();
      JsonArray parameters = new JsonArray();
      item.getJsonArray("parameters", new JsonArray()).forEach(parameters::add);
      operation.getJsonArray("parameters", new JsonArray()).forEach(parameters::add);
      for (Object p : parameters) {
        JsonObject parameter = resolve(contract, (JsonObject) p);
        JsonObject schema = resolve(contract, parameter.getJsonObject("schema", new JsonObject()));
        String in = parameter.getString("in");
        String name = parameter.getString("name");
        if ("path".equals(in)) {
          pathParams.put(name, plausible(contract, schema));
        } else if ("query".equals(in) && parameter.getBoolean("required", false)) {
          query.put(name, plausible(contract, schema));
        }
        if (("path".equals(in) || "query".equals(in)) && "string".equals(type(contract, schema))) {
          strings.add(in + ":" + name);
        }
      }
      JsonObject body = null;
      JsonObject requestBody = operation.getJsonObject("requestBody");
      if (requestBody != null) {
        JsonObject schema = resolve(contract, resolve(contract, requestBody).getJsonObject("content")
            .getJsonObject("application/json").getJsonObject("schema"));
        body = new JsonObject();
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        JsonArray required = schema.getJsonArray("required", new JsonArray());
        for (String property : properties.fieldNames()) {
          JsonObject propertySchema = resolve(contract, properties.getJsonObject(property));
          // Only what is required: an optional id or date would be one more reason to refuse.
          if (required.contains(property)) {
            body.put(property, property.endsWith("email") ? newEmail() : plausible(contract, propertySchema));
          }
          if ("string".equals(type(contract, propertySchema))) {
            strings.add("body:" + property);
          }
        }
      }
      return new Operation(operation.getString("operationId"), HttpMethod.valueOf(method.toUpperCase()), path,
          pathParams, query, body, strings);
    }
  }

  private record Request(Operation operation, String field, String nastyName, String nasty) {

    HttpResponse<Buffer> send(TestHttp target, String token) {
      String where = field.substring(0, field.indexOf(':'));
      String name = field.substring(field.indexOf(':') + 1);
      String path = operation.path();
      for (var param : operation.pathParams().entrySet()) {
        Object value = where.equals("path") && name.equals(param.getKey()) ? nasty : param.getValue();
        path = path.replace("{" + param.getKey() + "}", encode(String.valueOf(value)));
      }
      StringBuilder query = new StringBuilder();
      Map<String, Object> queryValues = new java.util.LinkedHashMap<>(operation.query());
      if (where.equals("query")) {
        queryValues.put(name, nasty);
      }
      queryValues.forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&")
          .append(key).append('=').append(encode(String.valueOf(value))));
      if (operation.body() == null) {
        return target.request(operation.method(), path + query, token).send().await();
      }
      JsonObject body = operation.body().copy();
      if (where.equals("body")) {
        body.put(name, nasty);
      }
      String json = body.encode().replace(SURROGATE_MARK, "a\\ud800b");
      return target.send(operation.method(), path + query, token, "application/json", json);
    }

    // A lone surrogate has no UTF-8 form: its three bytes go as they would (CESU-8), percent-encoded.
    private static String encode(String value) {
      if (value.equals(SURROGATE_MARK)) {
        return "a%ED%A0%80b";
      }
      return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
      return operation.id() + " with " + field + " = " + nastyName;
    }
  }

  private static JsonObject resolve(JsonObject contract, JsonObject schema) {
    String ref = schema.getString("$ref");
    if (ref == null) {
      return schema;
    }
    JsonObject target = contract;
    for (String segment : ref.substring(2).split("/")) {
      target = target.getJsonObject(segment);
    }
    return resolve(contract, target);
  }

  /** The schema's type, the first but null of a list of types or of {@code oneOf}. */
  private static String type(JsonObject contract, JsonObject unresolved) {
    JsonObject schema = resolve(contract, unresolved);
    Object type = schema.getValue("type");
    if (type instanceof String single) {
      return single;
    }
    if (type instanceof JsonArray types) {
      return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
    }
    JsonArray oneOf = schema.getJsonArray("oneOf", schema.getJsonArray("anyOf"));
    if (oneOf != null) {
      return oneOf.stream().map(s -> type(contract, (JsonObject) s)).filter(t -> !t.equals("null")).findFirst().orElse("null");
    }
    return "string";
  }

  private static String newEmail() {
    return "nasty-" + UUID.randomUUID() + "@example.com";
  }

  /** A value the schema takes, for the fields that are not under test. */
  private static Object plausible(JsonObject contract, JsonObject schema) {
    JsonObject resolved = resolve(contract, schema);
    JsonArray values = resolved.getJsonArray("enum");
    if (values != null) {
      return values.getValue(0);
    }
    return switch (type(contract, resolved)) {
      case "integer" -> resolved.getInteger("minimum", 1);
      case "number" -> 1;
      case "boolean" -> false;
      case "array" -> new JsonArray();
      case "object" -> new JsonObject();
      default -> switch (resolved.getString("format", "")) {
        case "uuid" -> UUID.randomUUID().toString();
        case "date" -> "2026-06-01";
        case "date-time" -> "2026-06-01T10:00:00Z";
        case "email" -> newEmail();
        default -> "correct horse battery";
      };
    };
  }
}
