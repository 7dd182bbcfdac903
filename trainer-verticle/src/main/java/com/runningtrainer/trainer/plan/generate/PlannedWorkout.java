package com.runningtrainer.trainer.plan.generate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One workout of a generated plan, as it will be stored: its type is one of the schema's. */
public record PlannedWorkout(LocalDate date, String type, String name, String description, BigDecimal distanceKm) {

  public boolean isRace() {
    return type.equals("race");
  }
}
