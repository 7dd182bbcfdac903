package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoverTest {

  @ParameterizedTest
  @EnumSource(Template.class)
  void theCoverNamesThePlanItsDatesAndTheDaysToTheGoalRace(Template template) throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), template);

    try (PDDocument document = pdf.document()) {
      PDFTextStripper firstPage = new PDFTextStripper();
      firstPage.setEndPage(1);
      assertThat(firstPage.getText(document)).contains("Spring Marathon — Sub 3:30", "12 Jan 2026 – 3 May 2026",
          "16 weeks", "Anna Müller", "Goal race: Sun 3 May 2026", "39 days to go");
    }
  }

  @Test
  void daysToGoCountFromTodayToTheRace() {
    assertThat(PageFrame.countdown(SamplePlans.RACE, SamplePlans.RACE.minusDays(1))).isEqualTo("1 day to go");
    assertThat(PageFrame.countdown(SamplePlans.RACE, SamplePlans.RACE)).isEqualTo("Race day is today");
    assertThat(PageFrame.countdown(SamplePlans.RACE, SamplePlans.RACE.plusDays(3))).isEqualTo("Raced 3 days ago");
  }

  @Test
  void theRaceDayIsMarked() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.WEEKLY);

    assertThat(pdf.text()).contains("Sun 3 May", "RACE DAY", "Hamburg Marathon");
  }

  @Test
  void everyPageIsNumberedAndDated() {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.LOG_SHEET);

    int pages = pdf.result().pages();
    assertThat(pdf.text()).contains("Generated 25 Mar 2026  ·  Page 1 of " + pages,
        "Generated 25 Mar 2026  ·  Page " + pages + " of " + pages);
  }

  @Test
  void theMetadataNamesThePlanAndTheAthlete() throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.MONTHLY);

    try (PDDocument document = pdf.document()) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Spring Marathon — Sub 3:30");
      assertThat(info.getAuthor()).isEqualTo("Anna Müller");
      assertThat(info.getSubject()).isEqualTo("Training plan, monthly, 12 Jan 2026 to 3 May 2026");
      assertThat(info.getCreator()).isEqualTo("Running Trainer");
      assertThat(info.getCreationDate()).isNotNull();
    }
  }

  @Test
  void theAuthorIsRunningTrainerWhenNoAthleteIsNamed() throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.weeks(1), Template.WEEKLY);

    try (PDDocument document = pdf.document()) {
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Running Trainer");
    }
  }
}
