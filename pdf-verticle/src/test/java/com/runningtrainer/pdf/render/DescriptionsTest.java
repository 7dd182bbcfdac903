package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DescriptionsTest {

  private static final List<String> WORDS = IntStream.rangeClosed(1, 40).mapToObj(i -> "Kilometre" + (char) ('a' + i % 26) + i).toList();

  @Test
  void aLongDescriptionWrapsBetweenWordsOnTheWeeklyPage() {
    assertWrappedWhole(Template.WEEKLY, 40);
  }

  @Test
  void aLongDescriptionWrapsBetweenWordsOnTheLogSheet() {
    assertWrappedWhole(Template.LOG_SHEET, 12);
  }

  private static void assertWrappedWhole(Template template, int words) {
    PrintablePlan plan = SamplePlans.oneWorkout("Long run", String.join(" ", WORDS.subList(0, words)));

    Rendering pdf = Rendering.of(SamplePlans.renamed(plan, "Base", null), template);

    List<String> printed = tokens(pdf.text());
    assertThat(printed).hasSizeGreaterThan(words / 2).containsExactlyElementsOf(WORDS.subList(0, printed.size()));
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void descriptionsArePrintedOnlyWhenAskedFor(Template template) {
    PrintablePlan plan = SamplePlans.oneWorkout("Long run", "Easy pace with strides");

    Rendering pdf = Rendering.of(plan, template, Paper.A4, EnumSet.of(Part.STATISTICS), Branding.NONE);

    assertThat(pdf.text()).contains("Long run").doesNotContain("Easy pace with strides");
  }

  private static List<String> tokens(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile("Kilo\\S*").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
