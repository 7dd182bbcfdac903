package com.runningtrainer.trainer.calendar;

import com.runningtrainer.trainer.analytics.Compliance;
import com.runningtrainer.trainer.calendar.CalendarFeedRepository.FeedWorkout;
import com.runningtrainer.trainer.calendar.ICalendarWriter.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed's workouts as calendar events: the summary says what to run (type, distance, duration,
 * in the athlete's unit), the description the workout's own text and, once there is something
 * to say (runs linked, or the day passed with none), how it went against the plan.
 */
public final class WorkoutEvents {

  /** The domain the UIDs are made unique in (RFC 5545 3.8.4.7). */
  static final String UID_DOMAIN = "@running-trainer";

  private static final BigDecimal MILES_PER_KM = new BigDecimal("0.621371");

  private WorkoutEvents() {
  }

  /**
   * @param today the athlete's today, where they live
   * @param distanceUnit {@code km} or {@code mi}, the athlete's
   */
  public static List<Event> of(List<FeedWorkout> workouts, LocalDate today, String distanceUnit) {
    List<Event> events = new ArrayList<>(workouts.size());
    for (FeedWorkout workout : workouts) {
      Compliance compliance = Compliance.of(
          new Compliance.Planned(workout.type(), workout.date(), workout.distanceKm(), workout.durationMinutes()),
          new Compliance.Done(workout.runs(), workout.doneDistanceKm(), workout.doneDurationMinutes()), today);
      events.add(new Event(workout.id() + UID_DOMAIN, workout.date(), workout.revision(),
          workout.lastModified().toInstant(), summary(workout, distanceUnit),
          description(workout, compliance, distanceUnit)));
    }
    return events;
  }

  static String summary(FeedWorkout workout, String unit) {
    StringBuilder summary = new StringBuilder(typeLabel(workout.type()));
    if (workout.distanceKm() != null) {
      summary.append(" · ").append(distance(workout.distanceKm(), unit));
    }
    if (workout.durationMinutes() != null) {
      summary.append(" · ").append(minutes(workout.durationMinutes()));
    }
    return summary.toString();
  }

  private static String description(FeedWorkout workout, Compliance compliance, String unit) {
    StringBuilder text = new StringBuilder(workout.name());
    if (workout.description() != null && !workout.description().isBlank()) {
      text.append("\n\n").append(workout.description());
    }
    if (workout.runs() > 0) {
      text.append("\n\nDone: ").append(distance(workout.doneDistanceKm(), unit)).append(", ")
          .append(minutes(workout.doneDurationMinutes())).append(" in ").append(workout.runs())
          .append(workout.runs() == 1 ? " run" : " runs");
    }
    if (compliance.status() != Compliance.Status.UPCOMING && compliance.status() != Compliance.Status.REST) {
      text.append(workout.runs() > 0 ? ". " : "\n\n").append("Compliance: ").append(compliance.status().label());
      if (compliance.ratio() != null) {
        text.append(" (").append(compliance.ratio().toPlainString()).append(" of the plan)");
      }
    }
    return text.toString();
  }

  /** {@code easy_run} as {@code Easy run}. */
  private static String typeLabel(String type) {
    String words = type.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String distance(BigDecimal km, String unit) {
    return "mi".equals(unit) ? plain(km.multiply(MILES_PER_KM)) + " mi" : plain(km) + " km";
  }

  private static String minutes(BigDecimal minutes) {
    return plain(minutes) + " min";
  }

  private static String plain(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
