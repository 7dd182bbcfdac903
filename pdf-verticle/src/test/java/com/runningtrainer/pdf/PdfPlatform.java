package com.runningtrainer.pdf;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.pdf.render.PlanRenderer;
import com.runningtrainer.testsupport.FakeAuth;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The real pdf service on one Vert.x, over a database of the test class's own and files in a
 * directory of its own, reached over HTTP as a client would, beside a fake auth (people, tokens,
 * their contact) and a fake trainer (the plans to print) on the same event bus.
 */
final class PdfPlatform implements AutoCloseable {

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final Path files;
  final TestHttp pdf;
  final FakeAuth auth;
  final FakeTrainer trainer;
  final Pool sql;
  private ServiceDeployer.Deployed deployed;

  private PdfPlatform(Vertx vertx, Config config, String databaseUrl, Path files, TestHttp pdf, FakeAuth auth,
      FakeTrainer trainer, Pool sql, ServiceDeployer.Deployed deployed) {
    this.vertx = vertx;
    this.config = config;
    this.databaseUrl = databaseUrl;
    this.files = files;
    this.pdf = pdf;
    this.auth = auth;
    this.trainer = trainer;
    this.sql = sql;
    this.deployed = deployed;
  }

  static PdfPlatform start(Class<?> testClass) {
    return start(testClass, Map.of());
  }

  /** @param overrides settings of the pdf service, e.g. PDF_MAX_ATTEMPTS or SMTP_HOST */
  static PdfPlatform start(Class<?> testClass, Map<String, String> overrides) {
    return start(testClass, overrides, PdfVerticle.DESCRIPTOR);
  }

  /** The pdf service drawing its PDFs with {@code renderer}. */
  static PdfPlatform start(Class<?> testClass, PlanRenderer renderer) {
    return start(testClass, Map.of(), ServiceDescriptor.withBackground(PdfVerticle.NAME, PdfVerticle.DEFAULT_PORT,
        PdfVerticle::new, config -> new PdfBackground(config, renderer)));
  }

  private static PdfPlatform start(Class<?> testClass, Map<String, String> overrides, ServiceDescriptor descriptor) {
    Config base = TestConfig.create(testClass);
    String databaseUrl = TestConfig.databaseUrl(base);
    Vertx vertx = VertxFactory.create();
    Path files;
    try {
      files = Files.createTempDirectory("pdf-" + testClass.getSimpleName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      FakeAuth auth = FakeAuth.start(vertx, Settings.from(base));
      FakeTrainer trainer = new FakeTrainer(vertx);
      int port = TestPorts.free();
      Map<String, String> settings = new HashMap<>(Map.of(
          "AUTH_JWKS_URL", auth.jwksUrl(),
          "PDF_PORT", String.valueOf(port),
          "PDF_DIR", files.toString(),
          "PDF_INSTANCES", "2",
          "PDF_CONCURRENCY", "2",
          "PDF_POLL_MS", "100",
          "PDF_RETRY_DELAY_MS", "50",
          "PDF_CALL_TIMEOUT_MS", "2000"));
      settings.putAll(overrides);
      Config config = base.with(settings);
      ServiceDeployer.Deployed deployed = ServiceDeployer.deploy(vertx, config, descriptor).await();
      PgConnectOptions connect = PgConnectOptions.fromUri(databaseUrl);
      connect.addProperty("search_path", "pdf");
      Pool sql = PgBuilder.pool().connectingTo(connect).using(vertx).build();
      return new PdfPlatform(vertx, config, databaseUrl, files, new TestHttp(vertx, port), auth, trainer, sql, deployed);
    } catch (RuntimeException e) {
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
  }

  /** Stops the pdf service, as a node that goes away. */
  void stopPdf() {
    deployed.undeploy().await();
  }

  /** A new user with a verified email, logged in. */
  Person person() {
    Person person = auth.person();
    auth.verifyEmail(person);
    return person;
  }

  /** A new user who has not verified their email, logged in. */
  Person unverifiedPerson() {
    return auth.person();
  }

  /** A plan of the person's at the fake trainer; its id. */
  String plan(Person owner) {
    return trainer.plan(owner.id(), "Spring Marathon");
  }

  HttpResponse<Buffer> generate(Person caller, String planId, JsonObject body) {
    return pdf.post("/api/v1/pdf/plans/" + planId + "/generate", caller.token(), body);
  }

  /** Asks for the plan's PDF, which must be accepted; the queued PDF. */
  JsonObject queued(Person caller, String planId) {
    var response = generate(caller, planId, new JsonObject());
    if (response.statusCode() != 202) {
      throw new AssertionError("generate answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** The PDF as the plan's status lists it. */
  JsonObject status(Person caller, String planId, String pdfId) {
    var items = pdf.get("/api/v1/pdf/plans/" + planId + "/status", caller.token()).bodyAsJsonObject().getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(item -> item.getString("pdf_id").equals(pdfId))
        .findFirst().orElse(null);
  }

  /** Waits up to 15 s for the PDF to have a status that {@code done} accepts; the PDF then. */
  JsonObject awaitStatus(Person caller, String planId, String pdfId, Predicate<String> done) {
    long deadline = System.currentTimeMillis() + 15_000;
    while (true) {
      JsonObject pdf = status(caller, planId, pdfId);
      if (pdf != null && done.test(pdf.getString("status"))) {
        return pdf;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the PDF is " + pdf);
      }
      sleep(50);
    }
  }

  /** Asks for the plan's PDF and waits for it to be ready; the ready PDF. */
  JsonObject ready(Person caller, String planId) {
    JsonObject queued = queued(caller, planId);
    return awaitStatus(caller, planId, queued.getString("pdf_id"), "ready"::equals);
  }

  RowSet<Row> sql(String statement, Tuple params) {
    return sql.preparedQuery(statement).execute(params).await();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sql.close().await();
    auth.close();
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
    try (Stream<Path> all = Files.walk(files)) {
      all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
