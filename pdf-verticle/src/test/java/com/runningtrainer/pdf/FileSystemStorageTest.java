package com.runningtrainer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.pdf.storage.FileSystemStorage;
import com.runningtrainer.pdf.storage.StoredFile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.serviceproxy.ServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs kept as files: stored whole under their key, streamed back, removed; no key is a path. */
class FileSystemStorageTest {

  @TempDir
  Path directory;

  private Vertx vertx;
  private FileSystemStorage storage;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    storage = new FileSystemStorage(vertx, directory.resolve("pdf"));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void aFilePutIsOpenedWithItsLengthAndBytes() throws Exception {
    Path rendered = Files.write(directory.resolve("rendered.pdf"), "%PDF-1.7 bytes".getBytes());

    storage.put("a.pdf", rendered).await();
    StoredFile stored = storage.open("a.pdf").await();
    Buffer read = Buffer.buffer();
    stored.content().handler(read::appendBuffer);
    var ended = io.vertx.core.Promise.<Void>promise();
    stored.content().endHandler(ended::complete);
    stored.content().resume();
    ended.future().await();

    assertThat(stored.length()).isEqualTo(14);
    assertThat(read.toString()).isEqualTo("%PDF-1.7 bytes");
    assertThat(directory.resolve("pdf")).isDirectoryContaining(path -> path.getFileName().toString().equals("a.pdf"));
  }

  @Test
  void aMissingFileIs404() {
    assertThatThrownBy(() -> storage.open("missing.pdf").await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void deletingRemovesTheFileAndDeletingAgainSucceeds() throws Exception {
    storage.put("b.pdf", Files.write(directory.resolve("b"), new byte[] {1})).await();

    storage.delete("b.pdf").await();
    storage.delete("b.pdf").await();

    assertThat(directory.resolve("pdf/b.pdf")).doesNotExist();
  }

  @Test
  void aKeyThatIsAPathIsRefused() {
    assertThatThrownBy(() -> storage.open("../secret"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
