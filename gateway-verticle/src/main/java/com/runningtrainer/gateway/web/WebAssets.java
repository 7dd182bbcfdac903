package com.runningtrainer.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The web app's files, read once from the classpath ({@code webapp/}, in the module's classes or
 * the one jar) and held in memory: a few dozen kilobytes. Their {@link #version()} is a hash of
 * them all, so that a URL that carries it names one content and may be cached for ever.
 */
public final class WebAssets {

  static final String ROOT = "webapp/";
  private static final String INDEX = "index.html";
  private static final int VERSION_HEX_DIGITS = 12;

  private final Map<String, Buffer> files;
  private final String version;

  private WebAssets(Map<String, Buffer> files) {
    this.files = Collections.unmodifiableMap(files);
    this.version = hash(files);
  }

  /** Reads the files on a worker thread: the classpath is a disk (or a jar) to read. */
  public static Future<WebAssets> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new WebAssets(read(WebAssets.class.getClassLoader())));
  }

  /** A hash of every file's path and bytes: changes whenever any file does. */
  public String version() {
    return version;
  }

  /** The file at this path under {@code webapp/}, or null. */
  public Buffer file(String path) {
    return files.get(path);
  }

  /** The page every screen of the app starts from. */
  public Buffer index() {
    return files.get(INDEX);
  }

  private static Map<String, Buffer> read(ClassLoader loader) throws IOException {
    URL index = loader.getResource(ROOT + INDEX);
    if (index == null) {
      throw new IllegalStateException("the web app is not on the classpath (" + ROOT + INDEX + ")");
    }
    Map<String, Buffer> files = new TreeMap<>();
    if ("jar".equals(index.getProtocol())) {
      JarFile jar = ((JarURLConnection) index.openConnection()).getJarFile();
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (entry.getName().startsWith(ROOT) && !entry.isDirectory()) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(ROOT.length()), Buffer.buffer(in.readAllBytes()));
          }
        }
      }
      return files;
    }
    Path root = directory(index).getParent();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(Files::isRegularFile).forEach(path -> files.put(
          root.relativize(path).toString().replace('\\', '/'), Buffer.buffer(readBytes(path))));
    }
    return files;
  }

  private static Path directory(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readBytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(Map<String, Buffer> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach((path, bytes) -> {
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update(bytes.getBytes());
      });
      return HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
