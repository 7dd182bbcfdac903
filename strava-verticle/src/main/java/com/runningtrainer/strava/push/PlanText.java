package com.runningtrainer.strava.push;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * A workout's plan as text in a Strava activity's description, between markers of its own, so
 * that writing it again replaces it and the athlete's own text around it stays as it was.
 */
public final class PlanText {

  static final String START = "--- Running Trainer plan ---";
  static final String END = "--- end of plan ---";
  // Strava keeps descriptions short enough; a plan is never long.
  private static final int MAX_DESCRIPTION = 500;

  private PlanText() {
  }

  /** The plan of the workout: its name, type, planned distance and duration, description. */
  public static String of(JsonObject workout) {
    StringBuilder text = new StringBuilder(START).append('\n').append(workout.getString("name", "Workout"))
        .append(" (").append(workout.getString("workout_type", "run").replace('_', ' ')).append(')');
    if (workout.getValue("distance_km") instanceof Number km) {
      text.append(", ").append(plain(km)).append(" km");
    }
    if (workout.getValue("duration_minutes") instanceof Number minutes) {
      text.append(", ").append(plain(minutes)).append(" min");
    }
    String description = workout.getString("description");
    if (description != null && !description.isBlank()) {
      text.append('\n').append(description.strip(), 0, Math.min(description.strip().length(), MAX_DESCRIPTION));
    }
    return text.append('\n').append(END).toString();
  }

  /** The description with the plan written in: an earlier plan replaced, the athlete's text kept before it. */
  public static String merge(String description, String plan) {
    String own = description == null ? "" : description;
    int start = own.indexOf(START);
    int end = own.indexOf(END);
    if (start >= 0 && end > start) {
      own = own.substring(0, start) + own.substring(end + END.length());
    }
    own = own.strip();
    return own.isEmpty() ? plan : own + "\n\n" + plan;
  }

  private static String plain(Number number) {
    return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
  }
}
