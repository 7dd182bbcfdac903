package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How a plan is copied: to a new start date, or to a new race date (the old plan's goal race
 * date, or its end when it has none, lands there); every date moves by the same number of days.
 * The name is optional: "(copy)" after the old one by default.
 */
public record PlanCopy(LocalDate startDate, LocalDate raceDate, String name) {

  private static final int MAX_NAME = 200;
  private static final String COPY = " (copy)";

  /** The copy a body asks for: exactly one of {@code start_date} and {@code race_date}. */
  public static PlanCopy from(JsonObject body) {
    PlanCopy copy = new PlanCopy(Inputs.date(body, "start_date"), Inputs.date(body, "race_date"), body.getString("name"));
    if (copy.startDate == null && copy.raceDate == null) {
      throw Failures.invalid("start_date", "or race_date is required");
    }
    if (copy.startDate != null && copy.raceDate != null) {
      throw Failures.unprocessable("race_date", "and start_date cannot both be given: the copy moves by one of them");
    }
    return copy;
  }

  /** Days from the plan's dates to the copy's. */
  public long offset(JsonObject plan) {
    if (startDate != null) {
      return ChronoUnit.DAYS.between(LocalDate.parse(plan.getString("start_date")), startDate);
    }
    String goalRace = plan.getString("goal_race_date");
    String race = goalRace != null ? goalRace : plan.getString("end_date");
    return ChronoUnit.DAYS.between(LocalDate.parse(race), raceDate);
  }

  /** The copy's name: the one asked for, or the plan's with "(copy)" after it, cut to fit 200 characters. */
  public String nameFor(JsonObject plan) {
    if (name != null) {
      return name;
    }
    String original = plan.getString("name");
    int room = MAX_NAME - COPY.length();
    return original.length() <= room ? original + COPY
        : original.substring(0, Character.isHighSurrogate(original.charAt(room - 1)) ? room - 1 : room) + COPY;
  }

  /** 422 when the copy's dates would leave the dates a diary holds. */
  public void requireWithinDiary(JsonObject plan, long offset) {
    LocalDate start = LocalDate.parse(plan.getString("start_date")).plusDays(offset);
    LocalDate end = LocalDate.parse(plan.getString("end_date")).plusDays(offset);
    if (start.isBefore(Inputs.FIRST_DATE) || end.isAfter(Inputs.LAST_DATE)) {
      throw Failures.unprocessable(startDate != null ? "start_date" : "race_date",
          "would put the copy at " + start + " to " + end + ", outside " + Inputs.FIRST_DATE + " to " + Inputs.LAST_DATE);
    }
  }
}
