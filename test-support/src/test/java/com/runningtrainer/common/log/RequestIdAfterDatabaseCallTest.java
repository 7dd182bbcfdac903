package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.runningtrainer.common.config.Logging;
import com.runningtrainer.common.db.Database;
import com.runningtrainer.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A line logged when a database call answers carries the id of the request that made it. It
 * lives here rather than in common's tests because test-support is what finds a PostgreSQL.
 */
class RequestIdAfterDatabaseCallTest {

  private static Vertx vertx;
  private static String databaseUrl;
  private static Pool pool;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    databaseUrl = TestDatabase.create(RequestIdAfterDatabaseCallTest.class);
    pool = Database.pool(vertx, databaseUrl, "public", 2);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
  }

  @Test
  void aLineLoggedWhenTheQueryAnswersCarriesTheRequestId() {
    Logger logger = Logging.logger("database.caller");
    // The MDC is read as the event is appended, on the logging thread, as the asynchronous appender does.
    ListAppender<ILoggingEvent> events = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        super.append(event);
      }
    };
    events.start();
    logger.addAppender(events);
    ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();

    Future.<Void>future(done -> request.runOnContext(nothing -> {
      RequestScope.enter("db-1");
      pool.query("SELECT 1").execute()
          .onSuccess(rows -> logger.warn("the query answered"))
          .<Void>mapEmpty()
          .onComplete(done);
    })).await();
    logger.detachAppender(events);

    assertThat(events.list).singleElement()
        .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry(RequestIdMdcFilter.KEY, "db-1"));
  }
}
