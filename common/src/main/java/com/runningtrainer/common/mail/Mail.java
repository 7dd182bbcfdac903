package com.runningtrainer.common.mail;

/** One plain-text mail to one address. */
public record Mail(String from, String to, String subject, String text) {
}
