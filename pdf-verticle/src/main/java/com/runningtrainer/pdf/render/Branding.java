package com.runningtrainer.pdf.render;

/**
 * How a user brands what they print (a coach for their athletes). Every field may be null: the
 * renderer's own look is used where one is.
 *
 * @param title a heading such as a club's name
 * @param primaryColor {@code #RRGGBB}
 * @param accentColor {@code #RRGGBB}
 * @param footer a line at the foot of every page
 * @param logo a PNG or JPEG already checked for size and dimensions
 */
public record Branding(String title, String primaryColor, String accentColor, String footer, byte[] logo) {

  /** No branding: the renderer's own look. */
  public static final Branding NONE = new Branding(null, null, null, null, null);
}
