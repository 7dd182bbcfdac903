package com.runningtrainer.pdf.branding;

import io.vertx.core.buffer.Buffer;

/**
 * A logo whose headers {@link LogoImages#inspect} has read and accepted.
 *
 * @param format {@code png} or {@code jpeg}
 * @param width in pixels, 1 to {@link LogoImages#MAX_SIDE}
 * @param height in pixels, 1 to {@link LogoImages#MAX_SIDE}
 * @param bytes the file as it was given
 */
public record LogoImage(String format, int width, int height, Buffer bytes) {
}
