package com.runningtrainer.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of the launcher: which services to run and in which mode.
 *
 * @param services the services to run, in the order given; all known services by default
 * @param cluster whether {@code --cluster} was asked for
 * @param help whether {@code --help} was asked for
 * @param rotateKeys whether {@code --rotate-keys} was asked for: add a signing key and exit
 * @param makeAdmin the email of {@code --make-admin=EMAIL}: make that account an admin and exit; or null
 */
public record LaunchOptions(List<String> services, boolean cluster, boolean help, boolean rotateKeys, String makeAdmin) {

  /** What {@code --help} prints, and what follows a usage error. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar running-trainer.jar [--services=NAME[,NAME...]] [--cluster] [--rotate-keys]",
      "                                     [--make-admin=EMAIL] [--help]",
      "  --services=...  the services to run in this JVM (default: all of them)",
      "  --cluster       join the other nodes of the cluster (CLUSTER_* variables) on one event bus;",
      "                  needs DATABASE_URL and REDIS_URL",
      "  --rotate-keys   add a new key to sign access tokens with, then exit; running auth",
      "                  instances take it up by themselves (see docs/auth.md)",
      "  --make-admin=EMAIL  make the registered account of EMAIL an admin, then exit",
      "Configuration is read from environment variables; see docs/configuration.md.");

  public LaunchOptions {
    services = List.copyOf(services);
  }

  /**
   * Reads the arguments of {@code main}.
   *
   * @param knownServices the names of the services this jar can run, in their default order
   * @throws UsageException when an argument or a service name is not understood
   */
  public static LaunchOptions parse(List<String> args, List<String> knownServices) {
    List<String> services = knownServices;
    boolean cluster = false;
    boolean help = false;
    boolean rotateKeys = false;
    String makeAdmin = null;
    for (String arg : args) {
      if (arg.equals("--cluster")) {
        cluster = true;
      } else if (arg.equals("--rotate-keys")) {
        rotateKeys = true;
      } else if (arg.startsWith("--make-admin=") && arg.length() > "--make-admin=".length()) {
        makeAdmin = arg.substring("--make-admin=".length());
      } else if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.startsWith("--services=")) {
        services = services(arg.substring("--services=".length()), knownServices);
      } else if (arg.equals("--services")) {
        throw new UsageException("--services needs its value after '=', e.g. --services=trainer,auth");
      } else {
        throw new UsageException("unknown argument '" + arg + "'");
      }
    }
    return new LaunchOptions(services, cluster, help, rotateKeys, makeAdmin);
  }

  private static List<String> services(String value, List<String> knownServices) {
    List<String> names = Arrays.stream(value.split(","))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
    String known = String.join(", ", knownServices);
    if (names.isEmpty()) {
      throw new UsageException("--services names no service; known services: " + known);
    }
    List<String> unknown = new ArrayList<>(names);
    unknown.removeAll(knownServices);
    if (!unknown.isEmpty()) {
      throw new UsageException((unknown.size() == 1 ? "unknown service '" + unknown.get(0) + "'"
          : "unknown services " + String.join(", ", unknown)) + "; known services: " + known);
    }
    return names;
  }

  /** A command line the launcher does not understand; its message says what is wrong. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
