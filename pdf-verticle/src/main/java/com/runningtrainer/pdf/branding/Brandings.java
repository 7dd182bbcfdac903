package com.runningtrainer.pdf.branding;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user's branding of what they print: a title, two colours, a footer and a logo. The contract
 * checks the fields at the edge; they are checked here again, for a call that did not pass there.
 */
public final class Brandings {

  static final int MAX_TITLE = 200;
  static final int MAX_FOOTER = 500;
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

  private final BrandingRepository brandings;

  public Brandings(BrandingRepository brandings) {
    this.brandings = brandings;
  }

  /** The user's branding; every field null when none is set. */
  public Future<JsonObject> find(UUID owner) {
    return brandings.find(owner).map(found -> found != null ? found : empty());
  }

  public Future<JsonObject> put(UUID owner, JsonObject input) {
    String title = text(input, "title", MAX_TITLE);
    String footer = text(input, "footer", MAX_FOOTER);
    String primary = color(input, "primary_color");
    String accent = color(input, "accent_color");
    return brandings.put(owner, title, primary, accent, footer);
  }

  /** Checks the image (format, size, dimensions) before anything decodes it, then keeps it. */
  public Future<JsonObject> putLogo(UUID owner, Buffer bytes) {
    var image = LogoImages.inspect(bytes);
    String format = String.valueOf(image.format()).toLowerCase(java.util.Locale.ROOT);
    return brandings.putLogo(owner, bytes, format, image.width(), image.height());
  }

  public Future<Void> delete(UUID owner) {
    return brandings.delete(owner);
  }

  private static JsonObject empty() {
    return new JsonObject().putNull("title").putNull("primary_color").putNull("accent_color").putNull("footer")
        .putNull("logo").putNull("updated_at");
  }

  private static String text(JsonObject input, String field, int max) {
    Object value = input.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw Failures.invalid(field, "must be a string");
    }
    if (text.codePointCount(0, text.length()) > max) {
      throw Failures.invalid(field, "must be at most " + max + " characters");
    }
    return text.isBlank() ? null : text;
  }

  private static String color(JsonObject input, String field) {
    Object value = input.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || !COLOR.matcher(text).matches()) {
      throw Failures.invalid(field, "must be a colour as #RRGGBB");
    }
    return text;
  }
}
