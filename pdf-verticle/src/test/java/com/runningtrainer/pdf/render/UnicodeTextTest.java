package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.render.PrintOptions.Paper;
import com.runningtrainer.pdf.render.PrintOptions.Part;
import com.runningtrainer.pdf.render.PrintOptions.Template;
import java.io.IOException;
import java.util.EnumSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnicodeTextTest {

  private static final String LONG_WORDS = "stride ".repeat(1_000) + "x".repeat(1_500);

  @ParameterizedTest
  @EnumSource(Template.class)
  void aNameInAnyLanguageReadsBackWithTheEmojiReplaced(Template template) {
    String name = "Zürich – Sub‑3 ‘Frühling’ 🏃";

    PrintablePlan plan = SamplePlans.renamed(SamplePlans.oneWorkout(name, null), name, "Ελαφρύ τρέξιμο, легкий бег");

    Rendering pdf = Rendering.of(plan, template);

    assertThat(pdf.text()).contains("Zürich – Sub‑3 ‘Frühling’ \uFFFD", "Ελαφρύ τρέξιμο, легкий бег").doesNotContain("🏃");
  }

  @Test
  void nulControlsAndLoneSurrogatesAreReplacedNotThrown() {
    String name = "Tempo\u0000run\u0007with\uD800lone\uDC00halves";

    Rendering pdf = Rendering.of(SamplePlans.oneWorkout(name, "Line\u0000one\r\nline two\ttabbed"), Template.WEEKLY);

    assertThat(pdf.text()).contains("Tempo\uFFFDrun\uFFFDwith\uFFFDlone\uFFFDhalves", "Line\uFFFDone", "line two tabbed");
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void tenThousandCharacterNamesAndDescriptionsStayOnThePage(Template template) {
    String huge = LONG_WORDS + " " + "y".repeat(10_000 - LONG_WORDS.length() - 1);

    PrintablePlan plan = SamplePlans.renamed(SamplePlans.oneWorkout(huge, huge), huge, huge);

    Rendering pdf = Rendering.of(plan, template, Paper.A4, EnumSet.allOf(Part.class),
        new Branding(huge, null, null, huge, null));

    assertThat(pdf.text()).contains("…").hasSizeLessThan(20_000);
    for (TextPosition glyph : pdf.glyphs()) {
      assertThat(glyph.getXDirAdj()).isBetween(PageFlow.MARGIN - 1, PDRectangle.A4.getWidth() - PageFlow.MARGIN + 1);
      assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - PageFlow.MARGIN + 1);
      assertThat(glyph.getYDirAdj()).isBetween(PageFlow.MARGIN - 1, PDRectangle.A4.getHeight() - PageFlow.MARGIN + 1);
    }
  }

  @Test
  void fontsAreEmbeddedAsUnicodeSubsets() throws IOException {
    Rendering pdf = Rendering.of(SamplePlans.marathon(), Template.WEEKLY);

    try (PDDocument document = pdf.document()) {
      PDPage page = document.getPage(0);
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
        assertThat(font.isEmbedded()).isTrue();
      }
      assertThat(page.getResources().getFontNames()).hasSize(2);
    }
  }
}
