package com.runningtrainer.trainer.calendar;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a calendar with an independent iCalendar parser, Mozilla's ical.js (Thunderbird's), run
 * by Node from {@code src/test/node}; installed there with {@code npm ci} on first use. What it
 * sees: {@code properties} of the calendar and {@code events}, as {@code parse-ics.mjs} prints
 * them. Bytes that are not UTF-8 fail the parse.
 */
public final class IcalJs {

  private static final Path HOME = Path.of("src", "test", "node");

  private IcalJs() {
  }

  public static JsonObject parse(byte[] calendar) {
    try {
      installed();
      Path file = Files.createTempFile("feed", ".ics");
      try {
        Files.write(file, calendar);
        return new JsonObject(run(List.of("node", "parse-ics.mjs", file.toAbsolutePath().toString())));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run ical.js: " + e.getMessage(), e);
    }
  }

  private static synchronized void installed() throws IOException {
    if (!Files.isDirectory(HOME.resolve("node_modules").resolve("ical.js"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
  }

  private static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return output;
  }
}
