package com.runningtrainer.trainer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.calendar.CalendarFeedRepository.FeedWorkout;
import com.runningtrainer.trainer.calendar.ICalendarWriter.Event;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a workout says in a calendar: its plan in the summary, its text and how it went in the description. */
class WorkoutEventsTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);
  private static final OffsetDateTime CHANGED = OffsetDateTime.parse("2027-03-01T08:00:00Z");
  private static final UUID ID = UUID.fromString("4f1c1a2e-4b7e-4c55-9a0e-1f2d3c4b5a69");

  private static FeedWorkout workout(String type, String date, String km, String minutes, int runs, String doneKm,
      String doneMinutes) {
    return new FeedWorkout(ID, "Steady", type, null, LocalDate.parse(date), decimal(km), decimal(minutes), 2, CHANGED,
        runs, new BigDecimal(doneKm), new BigDecimal(doneMinutes));
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  private static Event event(FeedWorkout workout, String unit) {
    return WorkoutEvents.of(List.of(workout), TODAY, unit).get(0);
  }

  @Test
  void theEventIsTheWorkoutsDayUidRevisionAndLastChange() {
    Event event = event(workout("tempo", "2027-03-12", "10", "50", 0, "0", "0"), "km");

    assertThat(event.uid()).isEqualTo(ID + "@running-trainer");
    assertThat(event.date()).isEqualTo(LocalDate.of(2027, 3, 12));
    assertThat(event.sequence()).isEqualTo(2);
    assertThat(event.lastModified()).isEqualTo(CHANGED.toInstant());
  }

  @Test
  void theSummaryIsTheTypeDistanceAndDurationInTheAthletesUnit() {
    FeedWorkout hills = workout("hill_repeats", "2027-03-12", "10.5", "62.25", 0, "0", "0");

    assertThat(event(hills, "km").summary()).isEqualTo("Hill repeats · 10.5 km · 62.25 min");
    assertThat(event(hills, "mi").summary()).isEqualTo("Hill repeats · 6.52 mi · 62.25 min");
    assertThat(event(workout("rest", "2027-03-12", null, null, 0, "0", "0"), "km").summary()).isEqualTo("Rest");
  }

  @Test
  void anUpcomingWorkoutOrARestDaySaysNothingOfCompliance() {
    assertThat(event(workout("easy_run", "2027-03-12", "8", null, 0, "0", "0"), "km").description()).isEqualTo("Steady");
    assertThat(event(workout("rest", "2027-03-01", null, null, 0, "0", "0"), "km").description()).isEqualTo("Steady");
  }

  @Test
  void aDoneWorkoutSaysWhatWasDoneAndItsBandAgainstThePlannedDuration() {
    Event event = event(workout("long_run", "2027-03-07", "20", "120", 2, "21", "150"), "km");

    assertThat(event.description())
        .isEqualTo("Steady\n\nDone: 21 km, 150 min in 2 runs. Compliance: yellow (1.25 of the plan)");
  }

  @Test
  void aPastWorkoutWithNothingDoneIsMissed() {
    assertThat(event(workout("tempo", "2027-03-09", "10", null, 0, "0", "0"), "km").description())
        .isEqualTo("Steady\n\nCompliance: missed");
  }
}
