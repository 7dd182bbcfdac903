package com.runningtrainer.trainer.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.run.RunMatcher.Candidate;
import com.runningtrainer.trainer.run.RunMatcher.Done;
import com.runningtrainer.trainer.run.RunMatcher.Sport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which workout a run did, on workouts written out by hand, without a database. */
class RunMatcherTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static final OffsetDateTime EARLY = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  /** A run of the day: 10 km in 60 minutes. */
  private static final Done RUN = new Done(DAY, new BigDecimal("10"), new BigDecimal("60"), Sport.RUNNING);

  private static Candidate workout(String type, LocalDate date, String km, String minutes) {
    return workout(type, date, km, minutes, false, EARLY);
  }

  private static Candidate workout(String type, LocalDate date, String km, String minutes, boolean matched,
      OffsetDateTime created) {
    return new Candidate(UUID.randomUUID(), type, date, km == null ? null : new BigDecimal(km),
        minutes == null ? null : new BigDecimal(minutes), matched, created);
  }

  private static Optional<UUID> match(Done run, Candidate... workouts) {
    return RunMatcher.match(run, List.of(workouts));
  }

  @Test
  void theWorkoutClosestToTheRunsDurationIsChosen() {
    Candidate shorter = workout("easy_run", DAY, "10", "45");
    Candidate close = workout("tempo", DAY, "8", "62");
    Candidate longer = workout("long_run", DAY, "10", "90");

    assertThat(match(RUN, shorter, close, longer)).contains(close.id());
  }

  @Test
  void withoutAPlannedDurationTheDistanceDecides() {
    Candidate far = workout("easy_run", DAY, "6", null);
    Candidate close = workout("easy_run", DAY, "11", null);

    assertThat(match(RUN, far, close)).contains(close.id());
  }

  @Test
  void gapsInMinutesAndInKmCompareRelativeToWhatWasPlanned() {
    // 60 of 66 planned minutes is 9 % off; 10 of 10.5 planned km is under 5 % off.
    Candidate byDuration = workout("tempo", DAY, null, "66");
    Candidate byDistance = workout("easy_run", DAY, "10.5", null);

    assertThat(match(RUN, byDuration, byDistance)).contains(byDistance.id());
  }

  @Test
  void aWorkoutPlanningNeitherDistanceNorDurationComesLast() {
    Candidate nothingPlanned = workout("fartlek", DAY, null, null);
    Candidate farOff = workout("long_run", DAY, "30", null);

    assertThat(match(RUN, nothingPlanned, farOff)).contains(farOff.id());
    assertThat(match(RUN, nothingPlanned)).contains(nothingPlanned.id());
  }

  @Test
  void neverAWorkoutOfAnotherDay() {
    Candidate yesterday = workout("easy_run", DAY.minusDays(1), "10", "60");
    Candidate tomorrow = workout("easy_run", DAY.plusDays(1), "10", "60");

    assertThat(match(RUN, yesterday, tomorrow)).isEmpty();
  }

  @Test
  void neverARestDay() {
    assertThat(match(RUN, workout("rest", DAY, null, null))).isEmpty();
    assertThat(match(new Done(DAY, BigDecimal.ONE, BigDecimal.TEN, Sport.OTHER), workout("rest", DAY, null, null)))
        .isEmpty();
  }

  @Test
  void neverAWorkoutARunIsLinkedToAlready() {
    Candidate done = workout("easy_run", DAY, "10", "60", true, EARLY);
    Candidate other = workout("long_run", DAY, "20", "120");

    assertThat(match(RUN, done, other)).contains(other.id());
    assertThat(match(RUN, done)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"easy_run", "recovery_run", "long_run", "tempo", "intervals", "fartlek", "hill_repeats",
      "progression", "race"})
  void aRunFitsEveryRunningType(String type) {
    Candidate workout = workout(type, DAY, "10", null);

    assertThat(match(RUN, workout)).contains(workout.id());
  }

  @Test
  void aRunNeverDoesCrossTraining() {
    assertThat(match(RUN, workout("cross_training", DAY, "10", "60"))).isEmpty();
  }

  @Test
  void anotherSportDoesCrossTrainingAlone() {
    Done ride = new Done(DAY, new BigDecimal("30"), new BigDecimal("60"), Sport.OTHER);
    Candidate crossTraining = workout("cross_training", DAY, null, "90");
    Candidate run = workout("easy_run", DAY, null, "60");

    assertThat(match(ride, crossTraining, run)).contains(crossTraining.id());
    assertThat(match(ride, run)).isEmpty();
  }

  @Test
  void aTieGoesToTheWorkoutCreatedFirst() {
    Candidate later = workout("easy_run", DAY, "12", null, false, EARLY.plusHours(1));
    Candidate first = workout("tempo", DAY, null, "72", false, EARLY);

    assertThat(match(RUN, later, first)).contains(first.id());
  }

  @Test
  void aTieCreatedAtTheSameInstantGoesToTheSmallerId() {
    Candidate a = new Candidate(new UUID(0, 2), "easy_run", DAY, BigDecimal.TEN, null, false, EARLY);
    Candidate b = new Candidate(new UUID(0, 1), "easy_run", DAY, BigDecimal.TEN, null, false, EARLY);

    assertThat(match(RUN, a, b)).contains(b.id());
  }

  @Test
  void noWorkoutNoMatch() {
    assertThat(match(RUN)).isEmpty();
  }
}
