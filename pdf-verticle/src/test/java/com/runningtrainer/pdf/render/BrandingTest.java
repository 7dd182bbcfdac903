package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrandingTest {

  private static final Branding CLUB = new Branding("Harbour Runners Club", "#0B6E4F", "#F2A541",
      "Coach: Jonas Berg", SamplePlans.logo());

  @Test
  void theTitleHeadsEveryPageAndTheFooterEndsIt() {
    Rendering pdf = render(CLUB);

    String text = pdf.text();
    assertThat(text.split("Harbour Runners Club", -1)).hasSize(pdf.result().pages() + 1);
    assertThat(text.split("Coach: Jonas Berg", -1)).hasSize(pdf.result().pages() + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg"})
  void theLogoIsDrawnOnTheFirstPage(String format) throws IOException {
    Rendering pdf = render(new Branding("Club", null, null, null, SamplePlans.logo(format)));

    try (PDDocument document = pdf.document()) {
      assertThat(images(document.getPage(0))).hasSize(1);
    }
  }

  @Test
  void withoutALogoNoPageHoldsAnImageChartsIncluded() throws IOException {
    Rendering pdf = render(new Branding("Club", null, null, null, null));

    try (PDDocument document = pdf.document()) {
      assertThat(pdf.text()).contains("Weekly distance: planned and run", "Cumulative distance", "Completion by week");
      for (PDPage page : document.getPages()) {
        assertThat(images(page)).isEmpty();
      }
    }
  }

  @Test
  void aLogoPdfBoxCannotReadIsLeftOut() {
    Rendering pdf = render(new Branding("Club", null, null, null, new byte[] {1, 2, 3}));

    assertThat(pdf.text()).contains("Club", "Spring Marathon");
  }

  @Test
  void colourThatIsNotRrggbbIsIgnored() {
    Rendering pdf = render(new Branding("Club", "red", "#12345", null, null));

    assertThat(pdf.result().pages()).isGreaterThan(1);
  }

  private static Rendering render(Branding branding) {
    return Rendering.of(SamplePlans.marathon(), Template.WEEKLY, Paper.A4, EnumSet.allOf(Part.class), branding);
  }

  private static List<PDImageXObject> images(PDPage page) throws IOException {
    List<PDImageXObject> images = new ArrayList<>();
    for (COSName name : page.getResources().getXObjectNames()) {
      if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
        images.add(image);
      }
    }
    return images;
  }
}
