package com.runningtrainer.pdf.branding;

import io.vertx.core.buffer.Buffer;
import io.vertx.serviceproxy.ServiceException;

/**
 * PLACEHOLDER of the pdf-service branch, so that the logo endpoint compiles and is tested: the
 * branding engineer's {@code LogoImages} (same name, same {@code inspect(Buffer)}) replaces this
 * file on merge. It reads the format and the dimensions from the header only (PNG's IHDR, JPEG's
 * SOFn), before anything decodes the image, and fails with a 422 {@link ServiceException}.
 */
public final class LogoImages {

  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_SIDE = 4096;

  /** @param format {@code png} or {@code jpeg} */
  public record Image(String format, int width, int height) {
  }

  private LogoImages() {
  }

  public static Image inspect(Buffer bytes) {
    if (bytes == null || bytes.length() == 0) {
      throw refused("the logo is empty");
    }
    if (bytes.length() > MAX_BYTES) {
      throw refused("the logo must be at most " + MAX_BYTES + " bytes");
    }
    Image image = isPng(bytes) ? png(bytes) : isJpeg(bytes) ? jpeg(bytes) : null;
    if (image == null) {
      throw refused("the logo must be a PNG or a JPEG image");
    }
    if (image.width() < 1 || image.height() < 1 || image.width() > MAX_SIDE || image.height() > MAX_SIDE) {
      throw refused("the logo must be at most " + MAX_SIDE + "×" + MAX_SIDE + " pixels");
    }
    return image;
  }

  private static boolean isPng(Buffer b) {
    return b.length() >= 24 && (b.getByte(0) & 0xFF) == 0x89 && b.getByte(1) == 'P' && b.getByte(2) == 'N'
        && b.getByte(3) == 'G' && b.getByte(12) == 'I' && b.getByte(13) == 'H' && b.getByte(14) == 'D' && b.getByte(15) == 'R';
  }

  private static Image png(Buffer b) {
    return new Image("png", b.getInt(16), b.getInt(20));
  }

  private static boolean isJpeg(Buffer b) {
    return b.length() >= 4 && (b.getByte(0) & 0xFF) == 0xFF && (b.getByte(1) & 0xFF) == 0xD8;
  }

  private static Image jpeg(Buffer b) {
    int at = 2;
    while (at + 9 < b.length()) {
      if ((b.getByte(at) & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b.getByte(at + 1) & 0xFF;
      int length = b.getUnsignedShort(at + 2);
      boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame) {
        return new Image("jpeg", b.getUnsignedShort(at + 7), b.getUnsignedShort(at + 5));
      }
      if (length < 2) {
        return null;
      }
      at += 2 + length;
    }
    return null;
  }

  private static ServiceException refused(String detail) {
    return new ServiceException(422, detail);
  }
}
