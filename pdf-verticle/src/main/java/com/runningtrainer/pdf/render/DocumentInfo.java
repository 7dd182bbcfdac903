package com.runningtrainer.pdf.render;

import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** The PDF's metadata: title, author, subject, creator and creation date. */
final class DocumentInfo {

  private static final String APP = "Running Trainer";
  private static final int LONGEST = 500;

  private DocumentInfo() {
  }

  static void write(RenderContext context) {
    PDDocumentInformation info = context.document().getDocumentInformation();
    info.setTitle(plain(context.plan().name()));
    String athlete = plain(context.plan().athleteName());
    info.setAuthor(athlete.isBlank() ? APP : athlete);
    info.setSubject("Training plan, " + context.template().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ", " + Format.date(context.calendar().firstDay()) + " to " + Format.date(context.calendar().lastDay()));
    info.setCreator(APP);
    info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
  }

  /**
   * {@code text} fit for metadata and bookmarks, which any viewer shows in its own font: only
   * controls and lone surrogates are replaced, and the length bounded.
   */
  static String plain(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(LONGEST).forEach(c -> out.appendCodePoint(
        Character.isISOControl(c) || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c));
    return out.toString().strip();
  }
}
