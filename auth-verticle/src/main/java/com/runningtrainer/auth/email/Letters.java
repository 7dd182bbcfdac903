package com.runningtrainer.auth.email;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.mail.Mail;
import com.runningtrainer.common.mail.MailSettings;
import io.vertx.core.json.JsonObject;

/**
 * The mails auth sends, each with a link to {@code PUBLIC_BASE_URL} that carries a token in its
 * query: the page there posts the token back to the API.
 */
public final class Letters {

  public static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:8000";

  private final String from;
  private final String baseUrl;

  /** @param baseUrl the base of the links, without a trailing slash */
  public Letters(String from, String baseUrl) {
    this.from = from;
    this.baseUrl = baseUrl;
  }

  /** Letters from the configured sender, linking to {@code PUBLIC_BASE_URL}. */
  public static Letters create(MailSettings mail, Config config) {
    return new Letters(mail.from(), config.string("PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL).replaceAll("/+$", ""));
  }

  /** The mail that carries a token for this purpose. */
  public Mail of(Purpose purpose, String to, String token) {
    return switch (purpose) {
      case VERIFICATION -> verification(to, token);
      case RESET -> passwordReset(to, token);
      case EMAIL_CHANGE -> emailChange(to, token);
    };
  }

  public Mail verification(String to, String token) {
    return new Mail(from, to, "Confirm your email address for Running Trainer", """
        Welcome to Running Trainer.

        Please confirm that this is your email address by opening this link:

        %s/verify-email?token=%s

        The link works once, within 24 hours. If you did not open an account, ignore this mail.
        """.formatted(baseUrl, token));
  }

  /**
   * An athlete's invitation to coach them; {@code athlete} is their account (email, display_name).
   * The subject is ours alone, and the name the athlete chose appears only in quotes, after their
   * address and on one line: a name is free text ("Your bank: verify at http://..."), and a mail
   * must not let it pass for what we say.
   */
  public Mail coachInvitation(String to, JsonObject athlete, String access) {
    String email = athlete.getString("email");
    String name = athlete.getString("display_name");
    String who = "A Running Trainer user, " + email + (name == null ? "," : ", who gives their name as " + quoted(name) + ",");
    String rights = "read_write".equals(access) ? "read and change their plans and workouts, and read their runs"
        : "read their plans, workouts and runs";
    return new Mail(from, to, "An invitation to coach a runner on Running Trainer", """
        %s invites you to coach them on Running Trainer: you would %s.

        To accept, sign in (or open an account) with this email address, verify it, and accept the
        invitation on this page:

        %s/coaching/invitations

        Accepting takes an account with the coach role. If you do not know this runner, ignore this mail.
        """.formatted(who, rights, baseUrl));
  }

  /** User text in double quotes, on one line, at most 100 characters. */
  private static String quoted(String text) {
    String oneLine = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").replace('"', '\'').strip();
    return "\"" + (oneLine.length() > 100 ? oneLine.substring(0, 100) + "..." : oneLine) + "\"";
  }

  /**
   * To the owner of a registered address that someone tried to register with: no token, since
   * nobody asked for one; the link is the page where a reset link is asked for.
   */
  public Mail registrationAttempt(String to) {
    return new Mail(from, to, "Someone tried to open a Running Trainer account with your address", """
        Someone (perhaps you) tried to open a Running Trainer account with this email address.
        It has an account already, so nothing was changed: your account and your password stay
        as they are.

        If it was you and you have forgotten your password, ask for a link to choose a new one:

        %s/reset-password

        If it was not you, ignore this mail.
        """.formatted(baseUrl));
  }

  public Mail passwordReset(String to, String token) {
    return new Mail(from, to, "Reset your Running Trainer password", """
        Someone (we hope you) asked to reset the password of your Running Trainer account.

        To choose a new password, open this link:

        %s/reset-password?token=%s

        The link works once, within 1 hour. Setting a new password signs you out everywhere.
        If you did not ask for this, ignore this mail: your password stays as it is.
        """.formatted(baseUrl, token));
  }

  /** To the new address of an account: the link that makes it the account's email. */
  public Mail emailChange(String to, String token) {
    return new Mail(from, to, "Confirm your new email address for Running Trainer", """
        Someone (we hope you) asked to use this address for their Running Trainer account.

        To make it the email of your account, open this link:

        %s/confirm-email?token=%s

        The link works once, within 1 hour. Until it is opened, the account keeps its email.
        If you did not ask for this, ignore this mail: nothing changes.
        """.formatted(baseUrl, token));
  }

  /**
   * To the owner of a registered address that another account asked to use: no token, since
   * the address stays theirs; asking is answered as for a free address, so this mail, read only
   * by whoever holds the mailbox, is the one place where the difference shows.
   */
  public Mail emailChangeAttempt(String to) {
    return new Mail(from, to, "Someone tried to use your address for a Running Trainer account", """
        Someone (perhaps you, from another account) asked to use this email address for a
        Running Trainer account. It belongs to your account already, so nothing was changed:
        your account, its email and its password stay as they are.

        If it was not you, ignore this mail.
        """);
  }

  /**
   * To the address an account has now, when a change to another was asked: the owner learns of
   * it before it happens, and what to do if it was not them.
   */
  public Mail emailChangeNotice(String to, String newEmail) {
    return new Mail(from, to, "A change of your Running Trainer email was asked", """
        Someone signed in to your Running Trainer account asked to change its email from this
        address to %s. The change happens only when the link we mailed there is opened,
        within 1 hour.

        If it was not you, someone knows your password: choose a new one now, which ends every
        session of your account, at

        %s/reset-password
        """.formatted(quoted(newEmail), baseUrl));
  }
}
