package com.runningtrainer.pdf.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes any text drawable in a given width: characters the font lacks replaced by a visible mark,
 * long lines cut with an ellipsis, paragraphs wrapped between words.
 */
final class TextFitter {

  static final String ELLIPSIS = "…";
  private static final int REPLACEMENT = 0xFFFD;
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\n\\r]+");
  private static final Pattern PARAGRAPHS = Pattern.compile("\\r\\n|\\r|\\n");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // No line of a page holds more; measuring beyond it would only cost time on 10,000-character names.
  private static final int LONGEST_LINE = 300;

  private final PDFont font;
  private final float size;

  TextFitter(PDFont font, float size) {
    this.font = font;
    this.size = size;
  }

  /** {@code text} with every character the fonts cannot draw (emoji, lone surrogates, controls) replaced. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    UnicodeFonts fonts = UnicodeFonts.shared();
    int replacement = fonts.covers(REPLACEMENT) ? REPLACEMENT : '?';
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(printable(c, fonts) ? c : replacement));
    return out.toString();
  }

  /** {@link #printable} on one line: line breaks and tabs become spaces. */
  static String line(String text) {
    return text == null ? "" : printable(LINE_BREAKS.matcher(text).replaceAll(" ").strip());
  }

  private static boolean printable(int c, UnicodeFonts fonts) {
    return !Character.isISOControl(c) && fonts.covers(c);
  }

  float width(String text) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} on one line, cut with an ellipsis where it would pass {@code maxWidth}. */
  String ellipsize(String text, float maxWidth) {
    String line = line(text);
    if (line.length() <= LONGEST_LINE && width(line) <= maxWidth) {
      return line;
    }
    return cut(line, maxWidth - width(ELLIPSIS)).stripTrailing() + ELLIPSIS;
  }

  /** The longest start of {@code line} within {@code maxWidth}, never splitting a surrogate pair. */
  private String cut(String line, float maxWidth) {
    float used = 0;
    int end = 0;
    while (end < line.length()) {
      int next = line.offsetByCodePoints(end, 1);
      used += width(line.substring(end, next));
      if (used > maxWidth) {
        break;
      }
      end = next;
    }
    return line.substring(0, end);
  }

  /**
   * {@code text} wrapped to {@code maxWidth} between words, at most {@code maxLines} lines, the
   * last one ending with an ellipsis when text remains. Only a word wider than a whole line is cut.
   */
  List<String> wrap(String text, float maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    if (maxLines <= 0) {
      return lines;
    }
    for (String paragraph : PARAGRAPHS.split(text == null ? "" : text)) {
      wrapParagraph(line(paragraph), maxWidth, lines);
      if (lines.size() > maxLines) {
        break;
      }
    }
    if (lines.size() <= maxLines) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
    kept.set(maxLines - 1, withEllipsis(kept.get(maxLines - 1), maxWidth));
    return kept;
  }

  /** {@code line} and an ellipsis, dropping its last words rather than cutting one. */
  private String withEllipsis(String line, float maxWidth) {
    String kept = line;
    while (width(kept + " " + ELLIPSIS) > maxWidth && kept.lastIndexOf(' ') > 0) {
      kept = kept.substring(0, kept.lastIndexOf(' '));
    }
    return ellipsize(kept + " " + ELLIPSIS, maxWidth);
  }

  private void wrapParagraph(String paragraph, float maxWidth, List<String> lines) {
    StringBuilder current = new StringBuilder();
    float spaceWidth = width(" ");
    float used = 0;
    for (String word : SPACES.split(paragraph)) {
      float wordWidth = width(word);
      if (current.length() > 0 && used + spaceWidth + wordWidth > maxWidth) {
        lines.add(current.toString());
        current.setLength(0);
        used = 0;
      }
      if (current.length() == 0 && wordWidth > maxWidth) {
        lines.add(ellipsize(word, maxWidth));
        continue;
      }
      if (current.length() > 0) {
        current.append(' ');
        used += spaceWidth;
      }
      current.append(word);
      used += wordWidth;
    }
    if (current.length() > 0) {
      lines.add(current.toString());
    }
  }
}
