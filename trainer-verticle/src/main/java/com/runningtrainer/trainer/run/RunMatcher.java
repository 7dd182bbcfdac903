package com.runningtrainer.trainer.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which planned workout a run without one did: one of the owner's workouts of the run's own date
 * (never another day's), of a type the run's sport fits (never a rest day), with no run linked to
 * it yet; among them the closest to the run, by the relative gap between what was done and what
 * was planned: duration, or distance when the workout plans no duration (relative, so that a gap
 * in minutes and one in km compare). A workout that plans neither comes last. Ties go to the
 * workout created first, then to the smaller id, so that the same day always gives the same match.
 */
public final class RunMatcher {

  private static final String REST = "rest";
  private static final String CROSS_TRAINING = "cross_training";
  private static final Set<String> NOT_RUNNING = Set.of(REST, CROSS_TRAINING);
  private static final int GAP_SCALE = 6;

  /**
   * What kind of activity a run is. Every run the trainer holds today is running; an activity
   * of another sport (one the strava service may pass some day) only fits cross-training.
   */
  public enum Sport {
    RUNNING, OTHER;

    /** Whether a workout of this type may have been done by an activity of this sport; a rest day never. */
    public boolean fits(String workoutType) {
      return this == RUNNING ? !NOT_RUNNING.contains(workoutType) : CROSS_TRAINING.equals(workoutType);
    }
  }

  /** The run to match: its local date, figures and sport. */
  public record Done(LocalDate date, BigDecimal distanceKm, BigDecimal durationMinutes, Sport sport) {
  }

  /** A workout of the owner's; {@code matched} when a run is linked to it already. */
  public record Candidate(UUID id, String workoutType, LocalDate date, BigDecimal distanceKm,
      BigDecimal durationMinutes, boolean matched, OffsetDateTime createdAt) {

    /** This workout with a run linked to it. */
    public Candidate taken() {
      return new Candidate(id, workoutType, date, distanceKm, durationMinutes, true, createdAt);
    }
  }

  private RunMatcher() {
  }

  /** The workout the run did, or none. */
  public static Optional<UUID> match(Done run, List<Candidate> workouts) {
    Comparator<Candidate> closestFirst = Comparator
        .comparing((Candidate workout) -> gap(run, workout), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Candidate::createdAt)
        .thenComparing(Candidate::id);
    return workouts.stream().filter(workout -> fits(run, workout)).min(closestFirst).map(Candidate::id);
  }

  private static boolean fits(Done run, Candidate workout) {
    return !workout.matched() && run.date().equals(workout.date()) && run.sport().fits(workout.workoutType());
  }

  /** |done − planned| / planned, on duration when planned, else on distance; null when nothing is planned. */
  private static BigDecimal gap(Done run, Candidate workout) {
    if (workout.durationMinutes() != null) {
      return relativeGap(run.durationMinutes(), workout.durationMinutes());
    }
    if (workout.distanceKm() != null) {
      return relativeGap(run.distanceKm(), workout.distanceKm());
    }
    return null;
  }

  private static BigDecimal relativeGap(BigDecimal done, BigDecimal planned) {
    return done.subtract(planned).abs().divide(planned, GAP_SCALE, RoundingMode.HALF_UP);
  }
}
