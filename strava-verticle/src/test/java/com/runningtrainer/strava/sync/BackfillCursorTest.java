package com.runningtrainer.strava.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a backfill's next page starts, given where this one started and its oldest activity. */
class BackfillCursorTest {

  @Test
  void theNextPageTakesTheSecondOfThePagesOldestActivityAgain() {
    assertThat(SyncWorker.nextBefore(2_000L, 1_500L)).isEqualTo(1_501L);
    assertThat(SyncWorker.nextBefore(null, 1_500L)).isEqualTo(1_501L);
  }

  @Test
  void aPageAllOfTheSecondBeforeItsStartMovesPastThatSecond() {
    assertThat(SyncWorker.nextBefore(1_501L, 1_500L)).isEqualTo(1_500L);
  }

  @Test
  void aPageWithoutADateKeepsItsStart() {
    assertThat(SyncWorker.nextBefore(2_000L, null)).isEqualTo(2_000L);
  }
}
