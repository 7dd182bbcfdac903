package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmptyPlanTest {

  @ParameterizedTest
  @EnumSource(Template.class)
  void aPlanWithoutWorkoutsSaysSoOnOnePage(Template template) {
    Rendering pdf = Rendering.of(SamplePlans.empty(), template);

    assertThat(pdf.result().pages()).isEqualTo(1);
    assertThat(pdf.text()).contains("Nothing yet", "This plan has no workouts yet.", "Page 1 of 1");
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void aPlanWithNothingButANameStillRenders(Template template) {
    PrintablePlan bare = new PrintablePlan("Bare", null, null, null, null, null, null, List.of());

    Rendering pdf = Rendering.of(bare, template);

    assertThat(pdf.text()).contains("Bare", "This plan has no workouts yet.");
  }
}
