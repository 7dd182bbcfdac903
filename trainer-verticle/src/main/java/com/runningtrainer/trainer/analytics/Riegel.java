package com.runningtrainer.trainer.analytics;

/** Peter Riegel's endurance model ("Athletic records and human endurance", 1981): T2 = T1 · (D2/D1)^1.06. */
public final class Riegel {

  public static final double EXPONENT = 1.06;

  private Riegel() {
  }

  /** The time for {@code toMetres} of a runner who ran {@code fromMetres} in {@code minutes}, in minutes. */
  public static double minutes(double minutes, double fromMetres, double toMetres) {
    return minutes * Math.pow(toMetres / fromMetres, EXPONENT);
  }
}
