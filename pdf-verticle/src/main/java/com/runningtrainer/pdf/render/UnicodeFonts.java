package com.runningtrainer.pdf.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans, regular and bold, read from the classpath once per process and shared by every
 * rendering. Only bytes and a glyph coverage are shared: PDFBox font objects belong to one
 * document and are made per document by {@link #load(PDDocument)}.
 */
final class UnicodeFonts {

  private static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
  private static final int LAST_CODE_POINT = 0x2FFFF;

  private final byte[] regular;
  private final byte[] bold;
  private final BitSet coverage;

  private UnicodeFonts() {
    regular = read("DejaVuSans.ttf");
    bold = read("DejaVuSans-Bold.ttf");
    coverage = coverage(regular);
    coverage.and(coverage(bold));
  }

  /** The shared instance, made on first use (the holder idiom makes that thread-safe). */
  static UnicodeFonts shared() {
    return Holder.INSTANCE;
  }

  /** Whether both faces draw {@code codePoint}. */
  boolean covers(int codePoint) {
    return codePoint >= 0 && codePoint <= LAST_CODE_POINT && coverage.get(codePoint);
  }

  /** The two faces for {@code document}, embedded as subsets when it is saved. */
  Fonts load(PDDocument document) throws IOException {
    return new Fonts(
        PDType0Font.load(document, new ByteArrayInputStream(regular), true),
        PDType0Font.load(document, new ByteArrayInputStream(bold), true));
  }

  private static byte[] read(String file) {
    try (InputStream in = UnicodeFonts.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("The font " + file + " is not on the classpath (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BitSet coverage(byte[] font) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      BitSet covered = new BitSet(LAST_CODE_POINT + 1);
      for (int codePoint = 0; codePoint <= LAST_CODE_POINT; codePoint++) {
        if (cmap.getGlyphId(codePoint) > 0) {
          covered.set(codePoint);
        }
      }
      return covered;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    private static final UnicodeFonts INSTANCE = new UnicodeFonts();
  }
}
