package com.runningtrainer.testsupport;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Auth as the services that call it see it, for their tests: people it knows, their access
 * tokens (signed by {@link TestTokens}, keys served as a JWKS over HTTP), its
 * {@link AuthDirectory} on the real event bus, the {@link AuthEvents#COACH_LOST} events it
 * publishes, and the revocations it writes to Redis (a list it marks whole at start, as auth
 * does after rebuilding it). Auth's own behaviour is tested in auth.
 */
public final class FakeAuth implements AuthDirectory, AutoCloseable {

  /** A person auth knows: their id, email and a live access token. */
  public record Person(String id, String email, String token) {
  }

  private static final long TOKEN_LIFETIME_SECONDS = 900;

  private final Vertx vertx;
  private final TestTokens tokens;
  private final Revocations revocations;
  private final RedisAPI redis;
  private final HttpServer jwks;
  private final MessageConsumer<JsonObject> directory;
  private final Map<String, JsonObject> accounts = new ConcurrentHashMap<>();
  private final List<JsonObject> invitations = new CopyOnWriteArrayList<>();

  private FakeAuth(Vertx vertx, TestTokens tokens, RedisAPI redis, Settings settings, HttpServer jwks) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.redis = redis;
    this.revocations = new Revocations(vertx, redis, settings.redisPrefix());
    this.jwks = jwks;
    this.directory = new ServiceBinder(vertx).setAddress(ADDRESS).register(AuthDirectory.class, this);
  }

  /**
   * Serves the keys on a port of its own and answers the directory on {@code vertx}'s event bus.
   *
   * @param settings the Redis, prefix, issuer and audience the service under test uses
   */
  public static FakeAuth start(Vertx vertx, Settings settings) {
    TestTokens tokens = new TestTokens(settings.jwtIssuer(), settings.jwtAudience());
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
            .end(tokens.jwks().encode()))
        .listen(0, "127.0.0.1").await();
    FakeAuth auth = new FakeAuth(vertx, tokens, RedisClients.create(vertx, settings.redisUrl()), settings, server);
    // Real auth marks the revocation list whole after rebuilding it; until then services answer
    // 503. A Redis out of reach (an outage test) is left so.
    auth.revocations.restore(List.of()).otherwiseEmpty().await();
    return auth;
  }

  /** Where the services under test fetch the keys: their {@code AUTH_JWKS_URL}. */
  public String jwksUrl() {
    return "http://127.0.0.1:" + jwks.actualPort() + "/api/v1/auth/jwks.json";
  }

  /** A new athlete with an unverified email, logged in. */
  public Person person() {
    String id = UUID.randomUUID().toString();
    String email = "runner-" + id + "@example.com";
    accounts.put(id, new JsonObject().put("id", id).put("email", email).put("display_name", "Runner " + id.substring(0, 8))
        .put("roles", new JsonArray().add("athlete")).put("email_verified", false).put("disabled", false));
    return new Person(id, email, token(id));
  }

  /** A new access token of the person, in a new session. */
  public String token(String userId) {
    long now = System.currentTimeMillis() / 1000;
    return tokens.sign(new JsonObject().put("sub", userId).put("iat", now).put("exp", now + TOKEN_LIFETIME_SECONDS)
        .put("jti", UUID.randomUUID().toString()).put("sid", UUID.randomUUID().toString())
        .put("roles", account(userId).getJsonArray("roles").copy()));
  }

  public void verifyEmail(Person person) {
    account(person.id()).put("email_verified", true);
  }

  public void grantRole(Person person, String role) {
    JsonArray roles = account(person.id()).getJsonArray("roles");
    if (!roles.contains(role)) {
      roles.add(role);
    }
  }

  /** Removes a role; removing {@code coach} is published, as auth does once committed. */
  public void removeRole(Person person, String role) {
    account(person.id()).getJsonArray("roles").remove(role);
    if (role.equals("coach")) {
      vertx.eventBus().publish(AuthEvents.COACH_LOST, new JsonObject().put("user_id", person.id()));
    }
  }

  /** Disables the account: its tokens stop working at once, and the loss of coaching is published. */
  public void disable(Person person) {
    account(person.id()).put("disabled", true);
    revocations.revokeUser(person.id(), TOKEN_LIFETIME_SECONDS).await();
    vertx.eventBus().publish(AuthEvents.COACH_LOST, new JsonObject().put("user_id", person.id()));
  }

  /** Revokes one token, as logging out does. */
  public void logout(String token) {
    JsonObject claims = TestTokens.claims(token);
    revocations.revokeToken(claims.getString("jti"), claims.getLong("exp")).await();
  }

  /** Revokes every token of the token's session, as ending the session does. */
  public void endSession(String token) {
    revocations.revokeSession(TestTokens.claims(token).getString("sid"), TOKEN_LIFETIME_SECONDS).await();
  }

  /** The invitations the services asked auth to mail, oldest first. */
  public List<JsonObject> invitations() {
    return List.copyOf(invitations);
  }

  @Override
  public Future<JsonObject> contact(String userId) {
    JsonObject account = accounts.get(userId);
    return account == null
        ? Future.failedFuture(new ServiceException(404, "user not found"))
        : Future.succeededFuture(account.copy());
  }

  @Override
  public Future<JsonArray> contacts(List<String> userIds) {
    JsonArray found = new JsonArray();
    userIds.stream().map(accounts::get).filter(account -> account != null).forEach(account -> found.add(account.copy()));
    return Future.succeededFuture(found);
  }

  @Override
  public Future<Void> sendCoachInvitation(String athleteId, String coachEmail, String access) {
    if (!accounts.containsKey(athleteId)) {
      return Future.failedFuture(new ServiceException(404, "user not found"));
    }
    invitations.add(new JsonObject().put("athlete_id", athleteId).put("coach_email", coachEmail).put("access", access));
    return Future.succeededFuture();
  }

  private JsonObject account(String userId) {
    JsonObject account = accounts.get(userId);
    if (account == null) {
      throw new IllegalArgumentException("FakeAuth knows no user " + userId);
    }
    return account;
  }

  @Override
  public void close() {
    directory.unregister().await();
    jwks.close().await();
    redis.close();
  }
}
