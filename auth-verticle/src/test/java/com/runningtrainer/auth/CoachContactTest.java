package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.runningtrainer.auth.Inbox.Received;
import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the trainer asks auth about people for coach sharing, over its directory proxy on auth.directory. */
class CoachContactTest {

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;
  private static AuthDirectory proxy;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(CoachContactTest.class, INBOX.settings());
    proxy = AuthDirectory.createProxy(platform.vertx, new DeliveryOptions().setSendTimeout(3_000));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aContactIsTheAccountAsItIsNowNotAsATokenSaysIt() {
    String email = newEmail();
    String id = platform.newUser(email).getString("id");
    String token = platform.tokenOf(email);
    AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config()), email).await();

    JsonObject contact = proxy.contact(id).await();

    assertThat(Jwt.decode(token).payload().getJsonArray("roles")).containsExactly("athlete");
    assertThat(contact.getJsonArray("roles")).containsExactly("athlete", "admin");
    assertThat(contact.getString("email")).isEqualTo(email);
    assertThat(contact.getBoolean("email_verified")).isFalse();
  }

  @Test
  void theContactOfNoAccountIsAbsent() {
    Throwable failure = catchThrowable(() -> proxy.contact(UUID.randomUUID().toString()).await());

    assertThat(failure).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void contactsLeaveOutIdsOfNoAccount() {
    String email = newEmail();
    String id = platform.newUser(email).getString("id");

    JsonArray contacts = proxy.contacts(List.of(id, UUID.randomUUID().toString())).await();

    assertThat(contacts).hasSize(1);
    assertThat(contacts.getJsonObject(0).getString("email")).isEqualTo(email);
    assertThat(contacts.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "email", "display_name", "roles", "disabled");
  }

  /** A registered athlete with this display name who followed the verification link; their id. */
  private static String verifiedAthlete(String email, String displayName) {
    platform.register(TestAccounts.credentials(email, TestAccounts.PASSWORD).put("display_name", displayName));
    platform.verifyEmail(INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token());
    return platform.accountOf(email).getString("id");
  }

  @Test
  void anInvitationIsMailedToTheCoachFromTheAthlete() {
    String athleteEmail = newEmail();
    String athlete = verifiedAthlete(athleteEmail, "Ann Runner");
    String coachEmail = newEmail();

    proxy.sendCoachInvitation(athlete, coachEmail, "read_write").await();

    Received mail = awaitMail(coachEmail);
    assertThat(mail.text()).contains(athleteEmail).contains("\"Ann Runner\"").contains("change their plans")
        .contains(Inbox.PUBLIC_BASE_URL + "/coaching/invitations");
  }

  @Test
  void theInvitationsSubjectCarriesNoTextTheAthleteChose() {
    String athlete = verifiedAthlete(newEmail(), "Your bank: verify at http://evil.example");
    String coachEmail = newEmail();

    proxy.sendCoachInvitation(athlete, coachEmail, "read").await();

    Received mail = awaitMail(coachEmail);
    assertThat(mail.subject()).doesNotContain("bank").doesNotContain("evil");
    assertThat(mail.text()).contains("\"Your bank: verify at http://evil.example\"")
        .doesNotContain("\nYour bank");
  }

  @Test
  void anInvitationFromAnAthleteWhoseEmailIsUnverifiedIsRefusedAndNotMailed() throws InterruptedException {
    String athleteEmail = newEmail();
    platform.newUser(athleteEmail);
    String coachEmail = newEmail();

    Throwable failure = catchThrowable(() -> proxy.sendCoachInvitation(platform.accountOf(athleteEmail).getString("id"),
        coachEmail, "read").await());

    assertThat(failure).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.failureCode()).isEqualTo(403);
      assertThat(e.getMessage()).contains("verified");
    });
    Thread.sleep(500);
    assertThat(INBOX.mailsTo(coachEmail)).isEmpty();
  }

  @Test
  void anInvitationFromNoAccountIsRefused() {
    Throwable failure = catchThrowable(() -> proxy.sendCoachInvitation(UUID.randomUUID().toString(), newEmail(), "read")
        .await());

    assertThat(failure).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  private static Received awaitMail(String address) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<Received> mails = INBOX.mailsTo(address);
      if (!mails.isEmpty()) {
        return mails.get(0);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no mail to " + address);
  }
}
