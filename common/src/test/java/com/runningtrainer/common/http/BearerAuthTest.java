package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bearer check answers as vertx-web's JWTAuthHandler did: the same statuses, problems and header. */
class BearerAuthTest {

  private static final String GOOD = "aGVhZGVy.cGF5bG9hZA.c2lnbmF0dXJl";
  private static final String UNREACHABLE = "dW5yZWFjaGFibGU.cGF5bG9hZA.c2lnbmF0dXJl";

  private static Vertx vertx;
  private static HttpServer server;
  private static HttpClient client;

  /** Knows one token; for another it says what a verifier that cannot reach auth says. */
  private static final JWTAuth TOKENS = new JWTAuth() {
    @Override
    public Future<User> authenticate(Credentials credentials) {
      String token = ((TokenCredentials) credentials).getToken();
      if (token.equals(GOOD)) {
        return Future.succeededFuture(User.create(new JsonObject().put("sub", "runner-1")));
      }
      if (token.equals(UNREACHABLE)) {
        return Future.failedFuture(new ConnectException("connection refused"));
      }
      return Future.failedFuture("bad signature");
    }

    @Override
    public String generateToken(JsonObject claims, JWTOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String generateToken(JsonObject claims) {
      throw new UnsupportedOperationException();
    }
  };

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // As in a contract router: the body is read before the token is checked.
    router.route().handler(BodyHandler.create(false)).handler(new BearerAuth(TOKENS))
        .handler(rc -> rc.response().end(rc.user() == null ? "anonymous" : rc.user().principal().getString("sub")));
    ProblemWriter.install(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0).await(10, TimeUnit.SECONDS);
    // A connection per request: an answer is never waited for on a connection the server is closing.
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private record Answer(int status, String body, String authenticate) {
  }

  private static Answer send(HttpMethod method, String authorization, String... headers) throws Exception {
    RequestOptions options = new RequestOptions().setMethod(method).setPort(server.actualPort()).setURI("/");
    if (authorization != null) {
      options.putHeader("Authorization", authorization);
    }
    for (int i = 0; i < headers.length; i += 2) {
      options.putHeader(headers[i], headers[i + 1]);
    }
    return client.request(options)
        .compose(request -> request.send().compose(response -> response.body().map(body -> answer(response, body.toString()))))
        .await(30, TimeUnit.SECONDS);
  }

  private static Answer answer(HttpClientResponse response, String body) {
    return new Answer(response.statusCode(), body, response.getHeader("WWW-Authenticate"));
  }

  @Test
  void aTokenThatAuthenticatesLetsTheRequestThroughAsItsUser() throws Exception {
    assertThat(send(HttpMethod.GET, "Bearer " + GOOD)).isEqualTo(new Answer(200, "runner-1", null));
  }

  @Test
  void theSchemeIsReadInAnyCase() throws Exception {
    assertThat(send(HttpMethod.GET, "bEARER " + GOOD).status()).isEqualTo(200);
  }

  @Test
  void noHeaderIs401WithTheBearerChallenge() throws Exception {
    Answer answer = send(HttpMethod.GET, null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.authenticate()).isEqualTo("Bearer");
    assertThat(new JsonObject(answer.body()).getString("detail")).isEqualTo("A valid bearer token is required");
  }

  @Test
  void anotherSchemeIs401() throws Exception {
    assertThat(send(HttpMethod.GET, "Basic dXNlcjpwYXNz").status()).isEqualTo(401);
    assertThat(send(HttpMethod.GET, "Bearerx " + GOOD).status()).isEqualTo(401);
  }

  @Test
  void aTokenThatDoesNotAuthenticateIs401() throws Exception {
    Answer answer = send(HttpMethod.GET, "Bearer aGVhZGVy.cGF5bG9hZA.Zm9yZ2Vk");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.authenticate()).isEqualTo("Bearer");
  }

  @Test
  void aHeaderWithoutASpaceIs400() throws Exception {
    assertThat(send(HttpMethod.GET, "Bearer").status()).isEqualTo(400);
  }

  @Test
  void aTokenOfFourPartsIs400SayingSo() throws Exception {
    Answer answer = send(HttpMethod.GET, "Bearer a.b.c.d");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("detail")).isEqualTo("Too many segments in token");
  }

  @Test
  void aCharacterOutsideBase64UrlIs400NamingIt() throws Exception {
    Answer answer = send(HttpMethod.GET, "Bearer a.b+c.d");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(new JsonObject(answer.body()).getString("detail")).isEqualTo("Invalid character in token: 43");
  }

  @Test
  void aCheckThatCouldNotBeDecidedIs503() throws Exception {
    assertThat(send(HttpMethod.GET, "Bearer " + UNREACHABLE).status()).isEqualTo(503);
  }

  @Test
  void aCorsPreflightAnnouncingTheHeaderPassesWithoutAToken() throws Exception {
    assertThat(send(HttpMethod.OPTIONS, null, "Access-Control-Request-Headers", "authorization").status()).isEqualTo(200);
    assertThat(send(HttpMethod.OPTIONS, null).status()).isEqualTo(401);
  }
}
