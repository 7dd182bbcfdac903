package com.runningtrainer.pdf.storage;

import com.runningtrainer.common.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The storage {@code PDF_STORAGE} names: {@code fs} (the default), files under
 * {@code <RT_DATA_DIR>/pdf} (or {@code PDF_DIR}); {@code s3}, a bucket ({@code S3_*}).
 */
public final class PdfStorages {

  public static final String FILE_SYSTEM = "fs";
  public static final String S3 = "s3";

  private PdfStorages() {
  }

  /** The storage, ready to use (an S3 bucket made when missing); failed naming what is wrong, which fails the service's start. */
  public static Future<PdfStorage> create(Vertx vertx, Config config) {
    String kind = config.string("PDF_STORAGE", FILE_SYSTEM).trim().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case FILE_SYSTEM -> Future.succeededFuture(new FileSystemStorage(vertx, directory(config)));
      case S3 -> S3Storage.create(vertx, config).map(PdfStorage.class::cast);
      default -> Future.failedFuture(new IllegalArgumentException("PDF_STORAGE must be fs or s3, not " + kind));
    };
  }

  /** {@code PDF_DIR}, else {@code <RT_DATA_DIR>/pdf}. */
  static Path directory(Config config) {
    return config.find("PDF_DIR").map(Path::of)
        .orElseGet(() -> Path.of(config.string("RT_DATA_DIR", "data")).resolve("pdf"));
  }
}
