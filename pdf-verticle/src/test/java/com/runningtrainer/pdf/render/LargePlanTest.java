package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Runs alone, so that other tests do not share its time. */
@Isolated
class LargePlanTest {

  @Test
  void aThousandWorkoutsRenderEveryWeekInUnderTwoSeconds() {
    Rendering.of(SamplePlans.weeks(2), Template.WEEKLY);

    long start = System.nanoTime();
    Rendering pdf = Rendering.of(SamplePlans.weeks(200), Template.WEEKLY);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(TemplatesTest.outline(pdf)).hasSize(200 + 1).contains("Week 200 · 5 Nov 2029").doesNotContain("Week 201");
    assertThat(pdf.text()).contains("Week 200", "0 of 1000").doesNotContain("Week 201");
  }
}
