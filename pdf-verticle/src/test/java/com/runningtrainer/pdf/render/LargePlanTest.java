package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Runs alone, so that other tests do not share its time. */
@Isolated
class LargePlanTest {

  @Test
  void aThousandWorkoutsRenderEveryWeekInUnderTwoSeconds() {
    PrintablePlan plan = SamplePlans.weeks(200);
    Rendering pdf = Rendering.of(plan, Template.WEEKLY);

    // The best of three warm runs: the machines that run the tests are shared, a single timing is noise.
    Duration best = Stream.generate(() -> timed(plan)).limit(3).min(Comparator.naturalOrder()).orElseThrow();

    assertThat(best).isLessThan(Duration.ofSeconds(2));
    assertThat(TemplatesTest.outline(pdf)).hasSize(200 + 1).contains("Week 200 · 5 Nov 2029").doesNotContain("Week 201");
    assertThat(pdf.text()).contains("Week 200", "0 of 1000").doesNotContain("Week 201");
  }

  @Test
  void aPlanRunningForCenturiesIsPrintedForTenYearsAndSaysSo() {
    PrintablePlan plan = SamplePlans.oneWorkout("Easy run", null);
    PrintablePlan centuries = new PrintablePlan("Forever", null, plan.startDate(), LocalDate.of(2200, 12, 31), null, null,
        plan.workouts(), List.of());

    Rendering pdf = Rendering.of(centuries, Template.MONTHLY);

    assertThat(TemplatesTest.outline(pdf)).hasSize(121 + 1).contains("January 2036").doesNotContain("February 2036");
    assertThat(pdf.text()).contains("Printed up to 11 Jan 2036: a printout covers 10 years at most.");
  }

  @Test
  void aDayTooFullForAPageSaysHowManyWorkoutsAreLeftOut() {
    List<PlannedWorkout> workouts = IntStream.range(0, 300)
        .mapToObj(i -> new PlannedWorkout("w" + i, SamplePlans.START, "easy_run", "Strides " + i, "Relaxed", 1.0, 5.0)).toList();
    PrintablePlan crowded = new PrintablePlan("Crowded", null, SamplePlans.START, SamplePlans.START, null, null, workouts, List.of());

    Rendering pdf = Rendering.of(crowded, Template.WEEKLY);

    assertThat(pdf.text()).contains("Strides 0", "more not printed").doesNotContain("Strides 299");
    for (TextPosition glyph : pdf.glyphs()) {
      assertThat(glyph.getYDirAdj()).isLessThan(PDRectangle.A4.getHeight() - PageFlow.MARGIN + 1);
    }
  }

  private static Duration timed(PrintablePlan plan) {
    long start = System.nanoTime();
    Rendering.of(plan, Template.WEEKLY);
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
