package com.runningtrainer.pdf.render;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The drawing operations the layouts use, on one page's content stream. All vector, in points. */
final class Canvas implements AutoCloseable {

  private final PDPageContentStream content;

  Canvas(PDPageContentStream content) {
    this.content = content;
  }

  /** Draws {@code text} with its baseline at {@code y}; characters the font lacks are replaced. */
  void text(String text, PDFont font, float size, Color color, float x, float y) throws IOException {
    String printable = TextFitter.line(text);
    if (printable.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.setNonStrokingColor(color);
    content.newLineAtOffset(x, y);
    content.showText(printable);
    content.endText();
  }

  /** Draws {@code text} ending at {@code right}. */
  void textRight(String text, PDFont font, float size, Color color, float right, float y) throws IOException {
    text(text, font, size, color, right - new TextFitter(font, size).width(TextFitter.line(text)), y);
  }

  /** Draws {@code text} centred on {@code centre}. */
  void textCentred(String text, PDFont font, float size, Color color, float centre, float y) throws IOException {
    text(text, font, size, color, centre - new TextFitter(font, size).width(TextFitter.line(text)) / 2, y);
  }

  void fill(float x, float y, float width, float height, Color color) throws IOException {
    content.setNonStrokingColor(color);
    content.addRect(x, y, width, height);
    content.fill();
  }

  void frame(float x, float y, float width, float height, float lineWidth, Color color) throws IOException {
    content.setStrokingColor(color);
    content.setLineWidth(lineWidth);
    content.addRect(x, y, width, height);
    content.stroke();
  }

  void line(float x1, float y1, float x2, float y2, float lineWidth, Color color) throws IOException {
    content.setStrokingColor(color);
    content.setLineWidth(lineWidth);
    content.moveTo(x1, y1);
    content.lineTo(x2, y2);
    content.stroke();
  }

  /** A line through {@code xs}/{@code ys}, dashed when {@code dashed}. */
  void polyline(float[] xs, float[] ys, float lineWidth, Color color, boolean dashed) throws IOException {
    if (xs.length < 2) {
      return;
    }
    content.setStrokingColor(color);
    content.setLineWidth(lineWidth);
    content.setLineDashPattern(dashed ? new float[] {4, 3} : new float[0], 0);
    content.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      content.lineTo(xs[i], ys[i]);
    }
    content.stroke();
    content.setLineDashPattern(new float[0], 0);
  }

  void image(PDImageXObject image, float x, float y, float width, float height) throws IOException {
    content.drawImage(image, x, y, width, height);
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
