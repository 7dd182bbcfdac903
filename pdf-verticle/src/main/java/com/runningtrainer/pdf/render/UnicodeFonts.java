package com.runningtrainer.pdf.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
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
  private static final int GSUB = tag("GSUB");
  private static final int HIDDEN_GSUB = tag("gsuB");

  private final byte[] regular;
  private final byte[] bold;
  private final BitSet coverage;

  private UnicodeFonts() {
    regular = withoutSubstitutions(read("DejaVuSans.ttf"));
    bold = withoutSubstitutions(read("DejaVuSans-Bold.ttf"));
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

  /**
   * The font with its GSUB table hidden (its tag renamed in the table directory). PDFBox 3 applies
   * GSUB rules on every showText, compiling regular expressions each time: that took most of the
   * rendering time, for ligatures a plan does not need and that would only garble copied text.
   */
  private static byte[] withoutSubstitutions(byte[] font) {
    ByteBuffer buffer = ByteBuffer.wrap(font);
    int tables = Short.toUnsignedInt(buffer.getShort(4));
    for (int i = 0; i < tables; i++) {
      int entry = 12 + 16 * i;
      if (buffer.getInt(entry) == GSUB) {
        buffer.putInt(entry, HIDDEN_GSUB);
      }
    }
    return font;
  }

  private static BitSet coverage(byte[] font) {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      BitSet covered = new BitSet(LAST_CODE_POINT + 1);
      for (int glyph = 1; glyph < ttf.getNumberOfGlyphs(); glyph++) {
        List<Integer> codePoints = cmap.getCharCodes(glyph);
        if (codePoints != null) {
          codePoints.stream().filter(c -> c <= LAST_CODE_POINT).forEach(covered::set);
        }
      }
      return covered;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int tag(String name) {
    return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
  }

  private static final class Holder {
    private static final UnicodeFonts INSTANCE = new UnicodeFonts();
  }
}
