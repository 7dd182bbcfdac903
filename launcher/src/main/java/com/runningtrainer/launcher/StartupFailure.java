package com.runningtrainer.launcher;

/**
 * A start that cannot go on for a reason the operator can fix (a port in use, a server that
 * does not answer); its message says what happened and what to do.
 */
final class StartupFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StartupFailure(String message) {
    super(message);
  }

  StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
