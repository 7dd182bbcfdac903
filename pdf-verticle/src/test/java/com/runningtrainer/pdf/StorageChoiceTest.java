package com.runningtrainer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.pdf.job.FileNames;
import com.runningtrainer.pdf.storage.FileSystemStorage;
import com.runningtrainer.pdf.storage.PdfStorages;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PDF_STORAGE} picks where PDFs are kept; file names are safe whatever the plan is called. */
class StorageChoiceTest {

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    vertx.close().await();
  }

  @Test
  void byDefaultPdfsAreFilesInThePdfDirectoryOfTheDataDirectory() {
    var storage = PdfStorages.create(vertx, Config.of(Map.of("RT_DATA_DIR", "/var/lib/rt"))).await();

    assertThat(storage).isInstanceOf(FileSystemStorage.class);
    assertThat(((FileSystemStorage) storage).directory()).isEqualTo(Path.of("/var/lib/rt/pdf"));
  }

  @Test
  void s3WithoutItsBucketNamesTheMissingSetting() {
    assertThatThrownBy(() -> PdfStorages.create(vertx, Config.of(Map.of("PDF_STORAGE", "s3"))).await())
        .hasMessageContaining("S3_BUCKET");
  }

  @Test
  void anUnknownStorageIsNamedInTheFailure() {
    assertThatThrownBy(() -> PdfStorages.create(vertx, Config.of(Map.of("PDF_STORAGE", "ftp"))).await())
        .hasMessageContaining("ftp");
  }

  @Test
  void aPlanNameWithPathAndControlCharactersMakesASafeFileName() {
    assertThat(FileNames.of("../../etc/passwd\r\nX")).isEqualTo(".. .. etc passwd X.pdf");
    assertThat(FileNames.of("   ")).isEqualTo("training-plan.pdf");
    assertThat(FileNames.contentDisposition("Plan; a=b %.pdf"))
        .isEqualTo("attachment; filename=\"Plan_ a=b _.pdf\"; filename*=UTF-8''Plan%3B%20a%3Db%20%25.pdf");
  }
}
