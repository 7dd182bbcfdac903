package com.runningtrainer.common.mail;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** One plain-text mail to one address, with files attached or none. */
public record Mail(String from, String to, String subject, String text, List<Attachment> attachments) {

  /** A file sent with a mail. */
  public record Attachment(String name, String contentType, Buffer content) {
  }

  /** A mail with no attachment. */
  public Mail(String from, String to, String subject, String text) {
    this(from, to, subject, text, List.of());
  }

  public Mail {
    attachments = List.copyOf(attachments);
  }

  /** This mail with {@code attachment} attached as well. */
  public Mail with(Attachment attachment) {
    List<Attachment> all = new java.util.ArrayList<>(attachments);
    all.add(attachment);
    return new Mail(from, to, subject, text, all);
  }
}
