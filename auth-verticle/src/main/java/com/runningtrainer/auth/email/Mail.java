package com.runningtrainer.auth.email;

/** One plain-text mail to one address. */
public record Mail(String from, String to, String subject, String text) {
}
