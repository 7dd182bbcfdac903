package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTest {

  @Test
  void weeklyShowsEachWeekWithItsWorkoutsAndTotals() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.WEEKLY);

    assertThat(pdf.text()).contains("Week 1", "Week 16", "800 m repeats", "6 × 800 m at 5K pace, 400 m jog recoveries",
        "Planned 52 km · 5 h 02", "Done 36.4 km · 4/5 workouts", "✗ Missed", "✓ 9.8 km · 56 min", "unplanned", "Rest day");
  }

  @Test
  void weeklyBookmarksEveryWeekThenTheCharts() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.WEEKLY);

    List<String> outline = outline(pdf);
    assertThat(outline).hasSize(17).startsWith("Week 1 · 12 Jan 2026").endsWith("Progress");
  }

  @Test
  void monthlyDrawsACalendarPerMonthMondayFirst() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.MONTHLY);

    assertThat(outline(pdf)).containsExactly("January 2026", "February 2026", "March 2026", "April 2026", "May 2026", "Progress");
    assertThat(pdf.text()).containsSubsequence("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        .contains("January 2026:  planned 145 km in 14 workouts", "Hamburg", "RACE DAY");
  }

  @Test
  void monthlyCutsLongWorkoutNamesWithAnEllipsis() {
    PrintablePlan plan = SamplePlans.oneWorkout("Progression run with strides and drills", null);

    Rendering pdf = Rendering.of(SamplePlans.renamed(plan, "Base", null), Template.MONTHLY);

    assertThat(pdf.text()).contains("Progression…").doesNotContain("and drills");
  }

  @Test
  void logSheetPrintsAWeekPerPageWithLinesToFillIn() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.LOG_SHEET);

    assertThat(pdf.result().pages()).isEqualTo(16 + 1);
    assertThat(pdf.text()).contains("Distance", "Time", "Feel", "Notes", "Week total:", "Long run");
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void theResultCountsThePagesAndBytesWritten(Template template) throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), template);

    try (PDDocument document = pdf.document()) {
      assertThat(pdf.result().pages()).isEqualTo(document.getNumberOfPages());
      assertThat(pdf.result().bytes()).isEqualTo(pdf.bytes().length);
    }
  }

  static List<String> outline(Rendering pdf) {
    List<String> titles = new ArrayList<>();
    try (PDDocument document = pdf.document()) {
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return titles;
  }
}
