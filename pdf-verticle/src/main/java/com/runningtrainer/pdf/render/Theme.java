package com.runningtrainer.pdf.render;

import java.awt.Color;
import java.util.regex.Pattern;

/**
 * The colours of a printed plan: the branding's primary and accent colours when they are valid
 * {@code #RRGGBB}, our own otherwise, and the fixed greys and signal colours around them.
 *
 * @param primary headings, bars and rules
 * @param accent what stands out: the race day, done distance
 */
record Theme(Color primary, Color accent) {

  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color MUTED = new Color(0x6B, 0x6B, 0x6B);
  static final Color RULE = new Color(0xD4, 0xD4, 0xD4);
  static final Color DONE = new Color(0x2E, 0x7D, 0x32);
  static final Color MISSED = new Color(0xC6, 0x28, 0x28);

  private static final Color DEFAULT_PRIMARY = new Color(0x1F, 0x4E, 0x79);
  private static final Color DEFAULT_ACCENT = new Color(0xE0, 0x7A, 0x1F);
  private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

  static Theme of(Branding branding) {
    return new Theme(color(branding.primaryColor(), DEFAULT_PRIMARY), color(branding.accentColor(), DEFAULT_ACCENT));
  }

  /** {@code hex} when it is {@code #RRGGBB}, else {@code fallback}. */
  static Color color(String hex, Color fallback) {
    if (hex == null || !HEX.matcher(hex).matches()) {
      return fallback;
    }
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  /** The primary colour as text on white: darkened when it is too pale to read (a branding colour may be). */
  Color primaryInk() {
    return ink(primary);
  }

  /** The accent colour as text on white, darkened when too pale. */
  Color accentInk() {
    return ink(accent);
  }

  /** White or near-black, whichever reads on {@code background}. */
  static Color textOn(Color background) {
    return pale(background) ? TEXT : Color.WHITE;
  }

  private static Color ink(Color color) {
    return pale(color) ? new Color(color.getRed() * 45 / 100, color.getGreen() * 45 / 100, color.getBlue() * 45 / 100) : color;
  }

  private static boolean pale(Color color) {
    return 0.299 * color.getRed() + 0.587 * color.getGreen() + 0.114 * color.getBlue() > 160;
  }

  /** {@code color} faded towards white by {@code amount} (0 none, 1 white): a tint without transparency. */
  static Color tint(Color color, float amount) {
    return new Color(fade(color.getRed(), amount), fade(color.getGreen(), amount), fade(color.getBlue(), amount));
  }

  private static int fade(int channel, float amount) {
    return Math.round(channel + (255 - channel) * amount);
  }
}
