package com.runningtrainer.pdf.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.FileSystemException;
import io.vertx.core.file.OpenOptions;
import io.vertx.serviceproxy.ServiceException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PDFs kept as files in a directory ({@code PDF_STORAGE=fs}, the default): {@code <RT_DATA_DIR>/pdf},
 * beside the embedded servers' data, as auth keeps its secret file. A file is copied in under a
 * temporary name and then moved onto its key, so that a reader never sees half a file.
 */
public final class FileSystemStorage implements PdfStorage {

  // Keys are the service's own names; anything else (a path) is refused rather than resolved.
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  private final FileSystem files;
  private final Path directory;

  public FileSystemStorage(Vertx vertx, Path directory) {
    this.files = vertx.fileSystem();
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  @Override
  public Future<Void> put(String key, Path file) {
    String target = path(key);
    String partial = directory.resolve("." + UUID.randomUUID() + ".partial").toString();
    return files.mkdirs(directory.toString())
        .compose(made -> files.copy(file.toString(), partial))
        .compose(copied -> files.move(partial, target, new io.vertx.core.file.CopyOptions().setReplaceExisting(true)))
        .recover(failure -> files.delete(partial).otherwiseEmpty().compose(cleaned -> Future.failedFuture(failure)));
  }

  @Override
  public Future<StoredFile> open(String key) {
    String path = path(key);
    return files.props(path)
        .compose(props -> files.open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
            .map(file -> {
              file.pause();
              return new StoredFile(props.size(), file);
            }))
        .recover(failure -> Future.failedFuture(isMissing(failure)
            ? new ServiceException(404, "stored file not found")
            : failure));
  }

  @Override
  public Future<Void> delete(String key) {
    String path = path(key);
    return files.delete(path).recover(failure -> isMissing(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  private String path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return directory.resolve(key).toString();
  }

  private static boolean isMissing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoSuchFileException) {
        return true;
      }
    }
    return failure instanceof FileSystemException && String.valueOf(failure.getMessage()).contains("NoSuchFile");
  }
}
