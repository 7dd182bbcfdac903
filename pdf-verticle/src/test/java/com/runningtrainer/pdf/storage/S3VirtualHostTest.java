package com.runningtrainer.pdf.storage;

import static com.runningtrainer.pdf.storage.S3Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buckets addressed as hosts, as on AWS: {@code <bucket>.localhost} reaches s3proxy through this
 * Vert.x's own hosts table, so that the test needs no DNS.
 */
class S3VirtualHostTest {

  private static final String BUCKET = S3ProxyServer.bucket(S3VirtualHostTest.class);
  private static S3ProxyServer server;
  private static Vertx vertx;

  @TempDir
  Path directory;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.startWithVirtualHosts();
    String hosts = "127.0.0.1 " + S3ProxyServer.VIRTUAL_HOST + " " + BUCKET + "." + S3ProxyServer.VIRTUAL_HOST + "\n";
    vertx = Vertx.vertx(new VertxOptions()
        .setAddressResolverOptions(new AddressResolverOptions().setHostsValue(Buffer.buffer(hosts))));
  }

  @AfterAll
  static void stop() throws Throwable {
    await(vertx.close());
    server.close();
  }

  @Test
  void aFileIsStoredAndReadBackInABucketAddressedAsAHost() throws Throwable {
    // given a storage on virtual-host style
    S3Storage storage = await(S3Storage.create(vertx, server.config(BUCKET).with(Map.of(
        "S3_ENDPOINT", "http://" + S3ProxyServer.VIRTUAL_HOST + ":" + server.port(),
        "S3_PATH_STYLE", "false"))));
    Path file = Files.write(directory.resolve("plan.pdf"), new byte[1234]);

    // when
    await(storage.put("plans/hosted.pdf", file));
    StoredFile stored = await(storage.open("plans/hosted.pdf"));

    // then
    assertThat(stored.length()).isEqualTo(1234);
    stored.content().resume();
  }
}
