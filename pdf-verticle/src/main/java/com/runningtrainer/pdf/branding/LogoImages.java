package com.runningtrainer.pdf.branding;

import io.vertx.core.buffer.Buffer;
import io.vertx.serviceproxy.ServiceException;
import java.util.zip.CRC32;

/**
 * Checks an uploaded logo before anything decodes it: PNG or JPEG, at most {@link #MAX_BYTES},
 * at most {@link #MAX_SIDE} pixels each way. Only the headers are read (PNG's IHDR, JPEG's
 * segments up to the first SOFn), so that a small file declaring a huge image (a decompression
 * bomb) is refused without a pixel being allocated. Every refusal is a 422 saying what is wrong.
 */
public final class LogoImages {

  public static final int MAX_BYTES = 1_048_576;
  public static final int MAX_SIDE = 4096;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  // Signature, then the IHDR chunk: length, type, 13 bytes of data (width and height first), CRC.
  private static final int PNG_IHDR_LENGTH = 13;
  private static final int PNG_HEADER_BYTES = PNG_SIGNATURE.length + 4 + 4 + PNG_IHDR_LENGTH + 4;

  private LogoImages() {
  }

  /** The logo's format and size; a 422 {@link ServiceException} when it is not one to print. */
  public static LogoImage inspect(Buffer bytes) {
    if (bytes == null || bytes.length() == 0) {
      throw refused("the logo is empty");
    }
    if (bytes.length() > MAX_BYTES) {
      throw refused("the logo is larger than 1 MiB");
    }
    if (startsWith(bytes, PNG_SIGNATURE)) {
      return png(bytes);
    }
    if (bytes.length() >= 2 && bytes.getUnsignedByte(0) == 0xFF && bytes.getUnsignedByte(1) == 0xD8) {
      return Jpeg.inspect(bytes);
    }
    throw refused("the logo must be a PNG or JPEG image");
  }

  private static LogoImage png(Buffer bytes) {
    if (bytes.length() < PNG_HEADER_BYTES) {
      throw refused("the logo is truncated: its PNG header is incomplete");
    }
    int chunk = PNG_SIGNATURE.length;
    if (bytes.getUnsignedInt(chunk) != PNG_IHDR_LENGTH || !bytes.getString(chunk + 4, chunk + 8, "ISO-8859-1").equals("IHDR")) {
      throw refused("the logo is not a valid PNG image: it does not begin with its header (IHDR)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.getBytes(chunk + 4, chunk + 8 + PNG_IHDR_LENGTH));
    if (crc.getValue() != bytes.getUnsignedInt(chunk + 8 + PNG_IHDR_LENGTH)) {
      throw refused("the logo is not a valid PNG image: its header (IHDR) is damaged");
    }
    return checked("png", bytes.getUnsignedInt(chunk + 8), bytes.getUnsignedInt(chunk + 12), bytes);
  }

  static LogoImage checked(String format, long width, long height, Buffer bytes) {
    if (width == 0 || height == 0) {
      throw refused("the logo is " + width + " × " + height + " pixels; it must be at least 1 × 1");
    }
    if (width > MAX_SIDE || height > MAX_SIDE) {
      throw refused("the logo is " + width + " × " + height + " pixels; at most " + MAX_SIDE + " × " + MAX_SIDE);
    }
    return new LogoImage(format, (int) width, (int) height, bytes);
  }

  static ServiceException refused(String message) {
    return new ServiceException(422, message);
  }

  private static boolean startsWith(Buffer bytes, byte[] prefix) {
    if (bytes.length() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes.getByte(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** JPEG's markers, walked from SOI to the first frame header (SOFn), which holds the size. */
  private static final class Jpeg {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    static LogoImage inspect(Buffer bytes) {
      int at = 2;
      // Each segment moves on by at least two bytes: the walk ends within the (bounded) file.
      while (at + 1 < bytes.length()) {
        if (bytes.getUnsignedByte(at) != 0xFF) {
          throw refused("the logo is not a valid JPEG image: a segment does not begin with a marker");
        }
        int marker = bytes.getUnsignedByte(at + 1);
        at += 2;
        if (marker == 0xFF) {
          at--; // a fill byte before the marker
          continue;
        }
        if (marker == SOI || marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
          continue; // markers without a segment
        }
        if (marker == EOI || marker == SOS) {
          throw refused("the logo is not a valid JPEG image: its image data begins before its size is given");
        }
        if (at + 2 > bytes.length()) {
          break;
        }
        int length = bytes.getUnsignedShort(at);
        if (length < 2) {
          throw refused("the logo is not a valid JPEG image: a segment has a length of " + length);
        }
        if (isFrameHeader(marker)) {
          // length, sample precision, then the number of lines and of samples per line
          if (at + 7 > bytes.length()) {
            break;
          }
          return checked("jpeg", bytes.getUnsignedShort(at + 5), bytes.getUnsignedShort(at + 3), bytes);
        }
        at += length;
      }
      throw refused("the logo is truncated: its JPEG header ends before the image size");
    }

    /** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
      return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
  }
}
