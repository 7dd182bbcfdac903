package com.runningtrainer.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.runningtrainer.testsupport.TestPorts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the platform of the browser tests, and a small HTTP view of
 * what it received, so the journeys in Node read their mail as a user does: {@code GET
 * /mail?to=<address>} answers every mail to the address so far, oldest first, as
 * {@code [{"subject", "text"}]}. Both are bound before the platform starts, so no port can be
 * taken in between.
 */
final class Mailbox implements AutoCloseable {

  private final GreenMail smtp;
  private final HttpServer view;

  private Mailbox(GreenMail smtp, HttpServer view) {
    this.smtp = smtp;
    this.view = view;
  }

  static Mailbox start() throws IOException {
    GreenMail smtp = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    HttpServer view = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Mailbox mailbox = new Mailbox(smtp, view);
    view.createContext("/mail", mailbox::answer);
    view.start();
    return mailbox;
  }

  /** The settings that send the platform's mail here, with links to the app at {@code publicBaseUrl}. */
  Map<String, String> settings(String publicBaseUrl) {
    return Map.of(
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
        "SMTP_FROM", "Running Trainer <no-reply@running-trainer.test>",
        "PUBLIC_BASE_URL", publicBaseUrl);
  }

  /** Where the journeys read the mail. */
  String url() {
    return "http://127.0.0.1:" + view.getAddress().getPort() + "/mail";
  }

  private void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String to = query == null || !query.startsWith("to=") ? "" : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
    JsonArray mails = new JsonArray();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      JsonObject mail = read(message);
      if (mail.getJsonArray("to").contains(to)) {
        mails.add(mail);
      }
    }
    byte[] body = mails.encode().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static JsonObject read(MimeMessage message) {
    try {
      return new JsonObject()
          .put("to", new JsonArray(Arrays.stream(message.getAllRecipients()).map(Address::toString).toList()))
          .put("subject", message.getSubject())
          .put("text", String.valueOf(message.getContent()));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable mail", e);
    }
  }

  @Override
  public void close() {
    view.stop(0);
    smtp.stop();
  }
}
