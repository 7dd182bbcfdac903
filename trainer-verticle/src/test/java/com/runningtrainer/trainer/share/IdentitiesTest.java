package com.runningtrainer.trainer.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.auth.api.AuthDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trainer's breaker in front of auth counts auth being away, never auth's answer about one person. */
class IdentitiesTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void givenAuthFailingOnOnePersonThenManyQuestionsAboutThemStillReachAuth() {
    AtomicInteger asked = new AtomicInteger();
    new ServiceBinder(vertx).setAddress(AuthDirectory.ADDRESS).register(AuthDirectory.class, failingOnEveryone(asked));
    Identities identities = new Identities(vertx, 1_000);

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> identities.contact(UUID.randomUUID()).await()).isInstanceOf(ServiceException.class);
    }

    assertThat(asked).hasValue(10);
  }

  /** An auth that is up and answers every question about a person with a failure of its own. */
  private static AuthDirectory failingOnEveryone(AtomicInteger asked) {
    return new AuthDirectory() {
      @Override
      public Future<JsonObject> contact(String userId) {
        asked.incrementAndGet();
        return Future.failedFuture(new ServiceException(500, "this person's row cannot be read"));
      }

      @Override
      public Future<JsonArray> contacts(List<String> userIds) {
        return Future.failedFuture(new ServiceException(500, "unused"));
      }

      @Override
      public Future<Void> sendCoachInvitation(String athleteId, String coachEmail, String access) {
        return Future.failedFuture(new ServiceException(500, "unused"));
      }
    };
  }
}
