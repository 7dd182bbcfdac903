package com.runningtrainer.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the platform in a child JVM that maps a class-data-sharing archive of the jar's classes:
 * loading and verifying some 20,000 classes was a third of a start's CPU, and the archive takes
 * most of it away. {@code java -jar} cannot pass the JVM the archive, so the jar starts itself
 * again with it. The archive lives in the data directory, named for the jar and the JVM; the
 * first start without one makes it as it exits, and it is kept only if that run ended normally
 * (a run that failed early would archive too few classes). The parent forwards SIGTERM and
 * SIGINT (its shutdown hook stops the child and waits for it), passes on the child's exit code
 * and shares its stdio; the child ends itself if the parent dies. {@code RT_CLASS_ARCHIVE=off}
 * runs the platform in the first JVM, as does running from classes rather than the jar.
 */
final class ClassArchiveLauncher {

  /** Set on the child's command line: it is the platform, not a launcher. */
  private static final String CHILD = "running-trainer.child";
  /** Ends of a run after which the archive it made is kept: exit, SIGINT, SIGTERM. */
  private static final List<Integer> NORMAL_ENDS = List.of(0, 130, 143);

  private final Path jar;
  private final Path archive;
  private final Path archiveInMaking;
  private Process child;
  private boolean settled;

  private ClassArchiveLauncher(Path jar, Path directory) {
    this.jar = jar;
    this.archive = directory.resolve(key(jar) + ".jsa");
    this.archiveInMaking = directory.resolve(key(jar) + ".jsa.part");
  }

  /** Whether this JVM should hand the platform to a child JVM with the archive. */
  static boolean applies(String archiveSetting, Path dataDirectory) {
    return !"off".equals(archiveSetting) && System.getProperty(CHILD) == null && ownJar() != null
        && ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .noneMatch(argument -> argument.contains("SharedArchiveFile") || argument.contains("ArchiveClassesAtExit"))
        && writable(directory(dataDirectory));
  }

  /** Runs the platform in a child JVM and answers its exit code once it has ended. */
  static int runInChild(Path dataDirectory, String[] args) throws IOException, InterruptedException {
    return new ClassArchiveLauncher(ownJar(), directory(dataDirectory)).run(args);
  }

  /** In the child: end (through its shutdown hook) when the launcher that started it is gone. */
  static void endWithParent() {
    if (System.getProperty(CHILD) != null) {
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
  }

  private int run(String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + CHILD + "=true");
    command.add(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archiveInMaking);
    // The JVM names each class it cannot archive (JFR's, generated accessors): nothing to act on.
    command.add("-Xlog:cds*=off");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    child = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopChild, "running-trainer-child-stop"));
    int code = child.waitFor();
    settle(code);
    return code;
  }

  private void stopChild() {
    if (!Files.exists(archive)) {
      // Writing the archive makes this one stop take seconds longer; say so rather than seem stuck.
      System.err.println("running-trainer: stopping, and writing the class archive that makes the next starts faster");
    }
    child.destroy();
    try {
      settle(child.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps the archive the child made if it ended normally, in place of any older one. */
  private synchronized void settle(int code) {
    if (settled || !Files.exists(archiveInMaking)) {
      return;
    }
    settled = true;
    try {
      if (NORMAL_ENDS.contains(code)) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "*.jsa")) {
          for (Path file : old) {
            Files.delete(file);
          }
        }
        Files.move(archiveInMaking, archive, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.delete(archiveInMaking);
      }
    } catch (IOException e) {
      // Without an archive the next start is slower, not wrong: it makes one again.
      System.err.println("running-trainer: could not keep the class archive " + archive + ": " + e);
    }
  }

  private static Path directory(Path dataDirectory) {
    return dataDirectory.resolve("class-archive");
  }

  /** A read-only data directory (a container's, say) runs the platform without an archive rather than not at all. */
  private static boolean writable(Path directory) {
    try {
      Files.createDirectories(directory);
      return Files.isWritable(directory);
    } catch (IOException e) {
      System.err.println("running-trainer: no class archive, " + directory + " cannot be made: " + e);
      return false;
    }
  }

  /** The jar this JVM runs from, or null when it runs from classes (tests, an IDE). */
  private static Path ownJar() {
    String classPath = System.getProperty("java.class.path");
    if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
      return null;
    }
    return Path.of(classPath).toAbsolutePath();
  }

  /** The jar (where, how large, when built) and the JVM an archive belongs to. */
  private static String key(Path jar) {
    try {
      String identity = String.join("|", jar.toString(), String.valueOf(Files.size(jar)),
          String.valueOf(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
          System.getProperty("java.vm.version"));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot name the class archive of " + jar, e);
    }
  }
}
