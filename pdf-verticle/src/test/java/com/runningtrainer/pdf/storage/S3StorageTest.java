package com.runningtrainer.pdf.storage;

import static com.runningtrainer.pdf.storage.S3Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.serviceproxy.ServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3Storage against a real s3proxy, path-style as on any store but AWS, in a bucket of this class's own. */
class S3StorageTest {

  private static final int FIVE_MIB = 5 * 1024 * 1024;
  private static S3ProxyServer server;
  private static final String BUCKET = S3ProxyServer.bucket(S3StorageTest.class);

  @TempDir
  Path directory;
  private Vertx vertx;
  private S3Storage storage;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void createStorage() throws Throwable {
    vertx = Vertx.vertx();
    storage = await(S3Storage.create(vertx, server.config(BUCKET)));
  }

  @AfterEach
  void closeVertx() throws Throwable {
    await(vertx.close());
  }

  @Test
  void aStoredFileIsReadBackWithTheSameBytesAndLength() throws Throwable {
    // given a multi-MiB file
    Path file = randomFile("plan.pdf", FIVE_MIB);

    // when it is stored, then opened and streamed to another file
    await(storage.put("plans/streamed.pdf", file));
    StoredFile stored = await(storage.open("plans/streamed.pdf"));
    Path copy = directory.resolve("copy.pdf");
    await(vertx.fileSystem().open(copy.toString(), new OpenOptions().setWrite(true).setCreate(true))
        .compose(target -> stored.content().pipeTo(target)));

    // then
    assertThat(stored.length()).isEqualTo(FIVE_MIB);
    assertThat(Files.mismatch(file, copy)).isEqualTo(-1L);
  }

  @Test
  void aMissingKeyIsNotFound() {
    // when
    Throwable failure = catchThrowable(() -> await(storage.open("plans/never-stored.pdf")));

    // then
    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(404);
  }

  @Test
  void aDeletedFileIsNotFound() throws Throwable {
    // given
    await(storage.put("plans/deleted.pdf", randomFile("deleted.pdf", 1_000)));

    // when
    await(storage.delete("plans/deleted.pdf"));
    Throwable failure = catchThrowable(() -> await(storage.open("plans/deleted.pdf")));

    // then
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(404);
  }

  @Test
  void deletingAMissingKeySucceeds() throws Throwable {
    // when
    Future<Void> deleted = storage.delete("plans/never-stored-either.pdf");

    // then
    assertThat(await(deleted.map(true))).isTrue();
  }

  @Test
  void keysWithSlashesAreStoredApart() throws Throwable {
    // given the same name under two "folders"
    // (s3proxy's in-memory store, unlike S3, cannot also hold a key that is another's folder)
    await(storage.put("owners/7/plans/1.pdf", randomFile("seven.pdf", 10)));
    await(storage.put("owners/8/plans/1.pdf", randomFile("eight.pdf", 20)));

    // when
    StoredFile seven = await(storage.open("owners/7/plans/1.pdf"));
    StoredFile eight = await(storage.open("owners/8/plans/1.pdf"));

    // then
    assertThat(seven.length()).isEqualTo(10);
    assertThat(eight.length()).isEqualTo(20);
    seven.content().resume();
    eight.content().resume();
  }

  @Test
  void storingUnderAKeyReplacesWhatWasThere() throws Throwable {
    // given
    await(storage.put("plans/replaced.pdf", randomFile("first.pdf", 100)));

    // when
    await(storage.put("plans/replaced.pdf", randomFile("second.pdf", 200)));

    // then
    StoredFile stored = await(storage.open("plans/replaced.pdf"));
    assertThat(stored.length()).isEqualTo(200);
    stored.content().resume();
  }

  @Test
  void startingAgainOnAnExistingBucketSucceeds() throws Throwable {
    // when a second instance starts on the bucket the first one made
    S3Storage second = await(S3Storage.create(vertx, server.config(BUCKET)));

    // then
    assertThat(second).isNotNull();
  }

  @Test
  void aWrongSecretIsAClearFailureAtStart() {
    // given
    long started = System.nanoTime();

    // when
    Throwable failure = catchThrowable(() -> await(S3Storage.create(vertx,
        server.config(BUCKET).with(Map.of("S3_SECRET_KEY", "not-the-secret")))));

    // then it fails at once, as a refusal naming S3's reason
    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(502);
    assertThat(failure.getMessage()).contains("403");
    assertThat(System.nanoTime() - started).isLessThan(4_000_000_000L);
  }

  @Test
  void incompleteSettingsAreRefusedByName() {
    // when
    Throwable failure = catchThrowable(() -> await(S3Storage.create(vertx, server.config(BUCKET)
        .with(Map.of("S3_ACCESS_KEY", "")))));

    // then
    assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3_ACCESS_KEY");
  }

  private Path randomFile(String name, int size) throws Exception {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(directory.resolve(name), bytes);
  }
}
