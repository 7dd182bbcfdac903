package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.util.EnumSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaperTest {

  @ParameterizedTest
  @EnumSource(Template.class)
  void a4IsUsedForEveryPage(Template template) throws IOException {
    assertEveryPage(template, Paper.A4, PDRectangle.A4);
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void letterIsUsedForEveryPage(Template template) throws IOException {
    assertEveryPage(template, Paper.LETTER, PDRectangle.LETTER);
  }

  private static void assertEveryPage(Template template, Paper paper, PDRectangle size) throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), template, paper, EnumSet.allOf(Part.class), Branding.NONE);

    try (PDDocument document = pdf.document()) {
      assertThat(document.getNumberOfPages()).isEqualTo(pdf.result().pages()).isGreaterThan(1);
      for (PDPage page : document.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isEqualTo(size.getWidth());
        assertThat(page.getMediaBox().getHeight()).isEqualTo(size.getHeight());
      }
    }
  }
}
