package com.runningtrainer.pdf.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.buffer.Buffer;
import io.vertx.serviceproxy.ServiceException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What LogoImages accepts and refuses, from real images made here and from files built by hand. */
class LogoImagesTest {

  @Test
  void aPngGivesItsSize() throws IOException {
    // given
    Buffer png = image("png", 120, 40);

    // when
    LogoImage logo = LogoImages.inspect(png);

    // then
    assertThat(logo.format()).isEqualTo("png");
    assertThat(logo.width()).isEqualTo(120);
    assertThat(logo.height()).isEqualTo(40);
    assertThat(logo.bytes()).isEqualTo(png);
  }

  @Test
  void aJpegGivesItsSize() throws IOException {
    // given
    Buffer jpeg = image("jpeg", 64, 32);

    // when
    LogoImage logo = LogoImages.inspect(jpeg);

    // then
    assertThat(logo.format()).isEqualTo("jpeg");
    assertThat(logo.width()).isEqualTo(64);
    assertThat(logo.height()).isEqualTo(32);
  }

  @Test
  void aProgressiveJpegGivesItsSize() {
    // given the headers of a progressive JPEG (SOF2) after a JFIF segment
    Buffer jpeg = jpegHeaders(0xC2, 300, 200);

    // when
    LogoImage logo = LogoImages.inspect(jpeg);

    // then
    assertThat(logo.width()).isEqualTo(300);
    assertThat(logo.height()).isEqualTo(200);
  }

  @Test
  void aGifIsRefused() throws IOException {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(image("gif", 10, 10)));

    // then
    assertRefused(failure, "the logo must be a PNG or JPEG image");
  }

  @Test
  void garbageIsRefused() {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(Buffer.buffer("<svg>not an image</svg>")));

    // then
    assertRefused(failure, "the logo must be a PNG or JPEG image");
  }

  @Test
  void anEmptyLogoIsRefused() {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(Buffer.buffer()));

    // then
    assertRefused(failure, "the logo is empty");
  }

  @Test
  void aLogoOfOneMibIsAccepted() {
    // given a valid header padded to exactly 1 MiB
    Buffer png = padded(png(100, 100), LogoImages.MAX_BYTES);

    // when
    LogoImage logo = LogoImages.inspect(png);

    // then
    assertThat(logo.width()).isEqualTo(100);
  }

  @Test
  void aLogoOfOneMibAndOneByteIsRefused() {
    // given
    Buffer png = padded(png(100, 100), LogoImages.MAX_BYTES + 1);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(png));

    // then
    assertRefused(failure, "the logo is larger than 1 MiB");
  }

  @Test
  void aPngOfTheLargestSizeIsAccepted() {
    // when
    LogoImage logo = LogoImages.inspect(png(4096, 4096));

    // then
    assertThat(logo.width()).isEqualTo(4096);
    assertThat(logo.height()).isEqualTo(4096);
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderAlone() {
    // given a valid PNG of a few dozen bytes that declares 50,000 × 50,000 pixels (7.5 GB decoded),
    // and the classes involved already loaded, so that only the check itself is measured
    Buffer bomb = png(50_000, 50_000);
    catchThrowable(() -> LogoImages.inspect(png(50_000, 50_000)));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(bomb));

    // then it is refused having allocated next to nothing (a decoder would need gigabytes)
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    assertRefused(failure, "the logo is 50000 × 50000 pixels; at most 4096 × 4096");
    assertThat(bomb.length()).isLessThan(100);
    assertThat(allocated).isLessThan(1_000_000);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aPngOneColumnTooWideIsRefused() {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(png(4097, 10)));

    // then
    assertRefused(failure, "the logo is 4097 × 10 pixels; at most 4096 × 4096");
  }

  @Test
  void aPngWithoutPixelsIsRefused() {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(png(0, 10)));

    // then
    assertRefused(failure, "the logo is 0 × 10 pixels; it must be at least 1 × 1");
  }

  @Test
  void aPngWhoseHeaderIsDamagedIsRefused() {
    // given a header whose CRC no longer matches
    Buffer png = png(100, 100);
    png.setByte(20, (byte) 1);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(png));

    // then
    assertRefused(failure, "the logo is not a valid PNG image: its header (IHDR) is damaged");
  }

  @Test
  void aJpegDeclaringAHugeFrameIsRefused() throws IOException {
    // given a real JPEG whose frame header (SOF0) is made to say 50,000 × 50,000
    Buffer jpeg = image("jpeg", 64, 32);
    int frame = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0, 0x00, 0x11, 0x08});
    jpeg.setUnsignedShort(frame + 5, 50_000);
    jpeg.setUnsignedShort(frame + 7, 50_000);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(jpeg));

    // then
    assertRefused(failure, "the logo is 50000 × 50000 pixels; at most 4096 × 4096");
  }

  @Test
  void aTruncatedPngIsRefused() throws IOException {
    // given the first 20 bytes of a real PNG
    Buffer png = image("png", 10, 10).getBuffer(0, 20);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(png));

    // then
    assertRefused(failure, "the logo is truncated: its PNG header is incomplete");
  }

  @Test
  void aJpegCutBeforeItsFrameHeaderIsRefused() throws IOException {
    // given a real JPEG cut just after its first segment (JFIF)
    Buffer jpeg = image("jpeg", 64, 32);
    Buffer cut = jpeg.getBuffer(0, 4 + jpeg.getUnsignedShort(4) + 3);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(cut));

    // then
    assertRefused(failure, "the logo is truncated: its JPEG header ends before the image size");
  }

  @Test
  void aJpegCutInsideItsFrameHeaderIsRefused() {
    // given the headers of a JPEG cut in the middle of its frame header's size
    Buffer jpeg = jpegHeaders(0xC0, 300, 200);
    Buffer cut = jpeg.getBuffer(0, jpeg.length() - 1);

    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(cut));

    // then
    assertRefused(failure, "the logo is truncated: its JPEG header ends before the image size");
  }

  @Test
  void aLoneJpegStartMarkerIsRefused() {
    // when
    Throwable failure = catchThrowable(() -> LogoImages.inspect(Buffer.buffer(new byte[] {(byte) 0xFF, (byte) 0xD8})));

    // then
    assertRefused(failure, "the logo is truncated: its JPEG header ends before the image size");
  }

  private static void assertRefused(Throwable failure, String message) {
    assertThat(failure).isInstanceOf(ServiceException.class).hasMessage(message);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(422);
  }

  private static Buffer image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillOval(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
    return Buffer.buffer(out.toByteArray());
  }

  /** A complete PNG built by hand: IHDR declaring this size (8-bit RGB), one tiny IDAT, IEND. */
  private static Buffer png(long width, long height) {
    Buffer header = Buffer.buffer().appendUnsignedInt(width).appendUnsignedInt(height)
        .appendBytes(new byte[] {8, 2, 0, 0, 0});
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[16]);
    deflater.finish();
    byte[] compressed = new byte[64];
    int length = deflater.deflate(compressed);
    return Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .appendBuffer(chunk("IHDR", header))
        .appendBuffer(chunk("IDAT", Buffer.buffer().appendBytes(compressed, 0, length)))
        .appendBuffer(chunk("IEND", Buffer.buffer()));
  }

  private static Buffer chunk(String type, Buffer data) {
    Buffer typed = Buffer.buffer(type.getBytes(StandardCharsets.US_ASCII)).appendBuffer(data);
    CRC32 crc = new CRC32();
    crc.update(typed.getBytes());
    return Buffer.buffer().appendUnsignedInt(data.length()).appendBuffer(typed).appendUnsignedInt(crc.getValue());
  }

  /** SOI, a JFIF APP0 segment, then a frame header of this kind and size (three components). */
  private static Buffer jpegHeaders(int frameMarker, int width, int height) {
    return Buffer.buffer(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10,
            'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0})
        .appendUnsignedByte((short) 0xFF).appendUnsignedByte((short) frameMarker)
        .appendUnsignedShort(17).appendUnsignedByte((short) 8)
        .appendUnsignedShort(height).appendUnsignedShort(width);
  }

  private static Buffer padded(Buffer png, int size) {
    return png.copy().appendBytes(new byte[size - png.length()]);
  }

  private static int indexOf(Buffer buffer, byte[] sequence) {
    byte[] bytes = buffer.getBytes();
    outer:
    for (int i = 0; i + sequence.length <= bytes.length; i++) {
      for (int j = 0; j < sequence.length; j++) {
        if (bytes[i + j] != sequence[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no frame header found");
  }
}
