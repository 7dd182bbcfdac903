package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextFitterTest {

  private PDDocument document;
  private TextFitter fitter;

  @BeforeEach
  void load() throws IOException {
    document = new PDDocument();
    fitter = new TextFitter(UnicodeFonts.shared().load(document).regular(), 10);
  }

  @AfterEach
  void close() throws IOException {
    document.close();
  }

  @Test
  void charactersTheFontLacksBecomeAReplacementMark() {
    assertThat(TextFitter.printable("Run 🏃\u0000\uD800 ok")).isEqualTo("Run \uFFFD\uFFFD\uFFFD ok");
  }

  @Test
  void aLineIsCutWithAnEllipsisWithinTheWidth() {
    String cut = fitter.ellipsize("Marathon pace ".repeat(700), 100);

    assertThat(cut).endsWith("…");
    assertThat(fitter.width(cut)).isLessThanOrEqualTo(100);
  }

  @Test
  void aShortLineIsLeftWhole() {
    assertThat(fitter.ellipsize("Easy run", 100)).isEqualTo("Easy run");
  }

  @Test
  void wrappingBreaksBetweenWordsWithinTheWidth() {
    List<String> lines = fitter.wrap("six times eight hundred metres at five kilometre pace with jog recoveries", 80, 10);

    assertThat(lines).hasSizeGreaterThan(1).allMatch(line -> fitter.width(line) <= 80);
    assertThat(String.join(" ", lines)).isEqualTo("six times eight hundred metres at five kilometre pace with jog recoveries");
  }

  @Test
  void wrappingKeepsParagraphsApart() {
    assertThat(fitter.wrap("Warm up\r\nCool down", 500, 5)).containsExactly("Warm up", "Cool down");
  }

  @Test
  void wrappingStopsAtTheLastLineWithAnEllipsis() {
    List<String> lines = fitter.wrap("stride ".repeat(2_000), 120, 3);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).endsWith("stride …");
  }
}
