package com.runningtrainer.pdf.storage;

import io.vertx.core.Future;
import java.nio.file.Path;

/**
 * Where rendered PDFs are kept ({@code PDF_STORAGE}: a directory, or an S3 bucket). Keys are
 * opaque names made by the service (no user text). Every operation is non-blocking.
 */
public interface PdfStorage {

  /** Stores the file at {@code file} (a finished local file of known size) under {@code key}, replacing any. */
  Future<Void> put(String key, Path file);

  /** The stored file, to be streamed; fails with a 404 {@code ServiceException} when there is none. */
  Future<StoredFile> open(String key);

  /** Removes the file; succeeds when there is none. */
  Future<Void> delete(String key);

  /** Releases the storage's clients. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
