package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.db.Database;
import com.runningtrainer.testsupport.LogCapture;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.trainer.share.LostCoaches;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With four API instances, what must happen once per process happens once: the schema is
 * migrated once, and a published event is handled once, by the one background verticle.
 */
class OncePerProcessTest {

  private static LogCapture logs;
  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    logs = LogCapture.of(Database.class, LostCoaches.class);
    platform = TrainerPlatform.start(OncePerProcessTest.class, Map.of("TRAINER_INSTANCES", "4"));
  }

  @AfterAll
  static void stop() {
    platform.close();
    logs.close();
  }

  @Test
  void givenFourInstancesThenTheSchemaWasMigratedOnce() {
    String database = PgConnectOptions.fromUri(platform.databaseUrl).getDatabase();

    assertThat(logs.count("schema trainer of database " + database + " migrated")).isEqualTo(1);
  }

  @Test
  void givenFourInstancesWhenAuthPublishesThatACoachLostTheRoleThenTheEventIsHandledOnce() throws Exception {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read", false);

    platform.removeCoach(coach);

    platform.awaitStatus(athlete, share, "revoked");
    // Every consumer of a local publish gets it at once; give a straggler time to show itself.
    Thread.sleep(500);
    assertThat(logs.count("user " + coach.id() + " is no longer a coach")).isEqualTo(1);
  }
}
