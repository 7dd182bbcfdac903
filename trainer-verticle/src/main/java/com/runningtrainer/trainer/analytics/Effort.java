package com.runningtrainer.trainer.analytics;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A run that may stand for what an athlete can race: one whose workout is a race, or any run of
 * at least 3 km. The best is the race of the highest VDOT when there is a race, otherwise the
 * run of the highest VDOT (the later one of two equal).
 */
public record Effort(UUID runId, LocalDate date, double distanceKm, double durationMinutes, boolean race) {

  /** The shortest run that qualifies without being a race. */
  public static final double MIN_RUN_KM = 3;
  /** The shortest race that qualifies: below it the formulas leave their range. */
  public static final double MIN_RACE_KM = 1.5;
  /** Paces (min/km) an effort must lie between, those a threshold pace may take. */
  public static final double FASTEST_PACE = 2;
  public static final double SLOWEST_PACE = 30;
  /** Why there is no effort, in the numbers above. */
  public static final String NONE = "no race of at least 1.5 km nor run of at least 3 km, at a pace from 2 to 30 min/km,";

  public double vdot() {
    return Vdot.of(distanceKm * 1000, durationMinutes);
  }

  public static Optional<Effort> best(List<Effort> efforts) {
    Comparator<Effort> byVdot = Comparator.comparingDouble(Effort::vdot).thenComparing(Effort::date);
    Optional<Effort> race = efforts.stream().filter(Effort::race).max(byVdot);
    return race.isPresent() ? race : efforts.stream().max(byVdot);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("run_id", runId.toString())
        .put("date", date.toString())
        .put("distance_km", distanceKm)
        .put("duration_minutes", durationMinutes)
        .put("race", race)
        .put("vdot", Math.round(vdot() * 100) / 100.0);
  }
}
