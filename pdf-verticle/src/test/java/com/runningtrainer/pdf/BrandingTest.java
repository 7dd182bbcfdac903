package com.runningtrainer.pdf;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's branding: set, read, replaced and removed, every bad input a 4xx. */
class BrandingTest {

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(BrandingTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject branding() {
    return new JsonObject().put("title", "Harbour Runners").put("primary_color", "#112233").put("accent_color", "#AABBCC")
        .put("footer", "Coached by Ann");
  }

  @Test
  void withNoBrandingSetEveryFieldIsNull() {
    Person user = platform.person();

    JsonObject read = platform.pdf.get("/api/v1/pdf/branding", user.token()).bodyAsJsonObject();

    assertThat(read.getValue("title")).isNull();
    assertThat(read.getValue("logo")).isNull();
  }

  @Test
  void aBrandingSetIsReadBack() {
    Person user = platform.person();

    var put = platform.pdf.put("/api/v1/pdf/branding", user.token(), branding());
    JsonObject read = platform.pdf.get("/api/v1/pdf/branding", user.token()).bodyAsJsonObject();

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(read.getString("title")).isEqualTo("Harbour Runners");
    assertThat(read.getString("primary_color")).isEqualTo("#112233");
    assertThat(read.getString("accent_color")).isEqualTo("#AABBCC");
    assertThat(read.getString("footer")).isEqualTo("Coached by Ann");
  }

  @Test
  void aBrandingIsTheUsersOwn() {
    Person user = platform.person();
    Person other = platform.person();
    platform.pdf.put("/api/v1/pdf/branding", user.token(), branding());

    JsonObject read = platform.pdf.get("/api/v1/pdf/branding", other.token()).bodyAsJsonObject();

    assertThat(read.getValue("title")).isNull();
  }

  @Test
  void deletingTheBrandingRemovesIt() {
    Person user = platform.person();
    platform.pdf.put("/api/v1/pdf/branding", user.token(), branding());

    var deleted = platform.pdf.delete("/api/v1/pdf/branding", user.token());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(platform.pdf.get("/api/v1/pdf/branding", user.token()).bodyAsJsonObject().getValue("title")).isNull();
  }

  @Test
  void aColourNotAsRrggbbIs400() {
    Person user = platform.person();

    assertProblem(platform.pdf.put("/api/v1/pdf/branding", user.token(), branding().put("primary_color", "red")), 400);
  }

  @Test
  void aNulInTheTitleIs400() {
    Person user = platform.person();

    assertFieldProblem(platform.pdf.put("/api/v1/pdf/branding", user.token(), branding().put("title", "Club\u0000")), 400,
        "title");
  }

  @Test
  void aTenThousandCharacterFooterIs400() {
    Person user = platform.person();

    assertProblem(platform.pdf.put("/api/v1/pdf/branding", user.token(), branding().put("footer", "x".repeat(10_000))), 400);
  }

  @Test
  void anUnknownFieldIs400() {
    Person user = platform.person();

    assertProblem(platform.pdf.put("/api/v1/pdf/branding", user.token(), branding().put("font", "Comic Sans")), 400);
  }

  @Test
  void aPngLogoIsKeptWithItsFormatAndSize() throws IOException {
    Person user = platform.person();

    var put = logo(user, "image/png", image("png", 300, 120));

    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    JsonObject logo = platform.pdf.get("/api/v1/pdf/branding", user.token()).bodyAsJsonObject().getJsonObject("logo");
    assertThat(logo.getString("format")).isEqualTo("png");
    assertThat(logo.getInteger("width")).isEqualTo(300);
    assertThat(logo.getInteger("height")).isEqualTo(120);
  }

  @Test
  void aJpegLogoIsKept() throws IOException {
    Person user = platform.person();

    var put = logo(user, "image/jpeg", image("jpg", 64, 48));

    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getJsonObject("logo").getString("format")).isEqualTo("jpeg");
  }

  @Test
  void settingTheBrandingKeepsTheLogo() throws IOException {
    Person user = platform.person();
    logo(user, "image/png", image("png", 10, 10));

    JsonObject put = platform.pdf.put("/api/v1/pdf/branding", user.token(), branding()).bodyAsJsonObject();

    assertThat(put.getJsonObject("logo").getInteger("width")).isEqualTo(10);
  }

  @Test
  void aLogoOfAnotherMediaTypeIs415() {
    Person user = platform.person();

    assertThat(logo(user, "text/plain", Buffer.buffer("hello")).statusCode()).isEqualTo(415);
  }

  @Test
  void bytesThatAreNoImageAre422() {
    Person user = platform.person();

    assertProblem(logo(user, "image/png", Buffer.buffer("not a png at all, only text")), 422);
  }

  @Test
  void aLogoWiderThan4096PixelsIs422() throws IOException {
    Person user = platform.person();

    assertProblem(logo(user, "image/png", image("png", 4097, 1)), 422);
  }

  @Test
  void aLogoOfMoreThanOneMebibyteIs413() {
    Person user = platform.person();

    var put = logo(user, "image/png", Buffer.buffer(new byte[1024 * 1024 + 1]));

    assertThat(put.statusCode()).isEqualTo(413);
  }

  @Test
  void aPrintUsesTheCallersBrandingWithALogo() throws IOException {
    Person user = platform.person();
    platform.pdf.put("/api/v1/pdf/branding", user.token(), branding());
    logo(user, "image/png", image("png", 40, 40));

    JsonObject ready = platform.ready(user, platform.plan(user));

    assertThat(ready.getString("status")).isEqualTo("ready");
  }

  private static io.vertx.ext.web.client.HttpResponse<Buffer> logo(Person user, String contentType, Buffer bytes) {
    return platform.pdf.request(HttpMethod.PUT, "/api/v1/pdf/branding/logo", user.token())
        .putHeader("Content-Type", contentType).sendBuffer(bytes).await();
  }

  private static Buffer image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return Buffer.buffer(out.toByteArray());
  }
}
