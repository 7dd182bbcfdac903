package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.db.SqlStates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The account of a provider identity: the one it is linked to; else the account with the same
 * email, linked now, but only when both the provider says it verified that email (anyone can
 * type any address into an unverified profile) and the account's owner has verified it (anyone
 * can register any address with a password); else a new account without a password. A new
 * account takes the email only when it is verified, so that no one can hold an address they
 * have not proved is theirs.
 */
public final class Accounts {

  private final IdentityRepository identities;
  private final UserRepository users;

  public Accounts(IdentityRepository identities, UserRepository users) {
    this.identities = identities;
    this.users = users;
  }

  public Future<JsonObject> userFor(ExternalIdentity identity) {
    // A concurrent first login of the same identity, or a registration with the same email,
    // wins the race: look again, and find what it made.
    return resolve(identity).recover(failure -> SqlStates.isUniqueViolation(failure)
        ? resolve(identity)
        : Future.failedFuture(failure));
  }

  private Future<JsonObject> resolve(ExternalIdentity identity) {
    return identities.findUser(identity).compose(linked -> {
      if (linked != null) {
        return Future.succeededFuture(linked);
      }
      if (identity.email() == null) {
        return identities.createUser(identity, null);
      }
      return users.findByEmail(identity.email()).compose(existing -> {
        if (existing == null) {
          return identities.createUser(identity, identity.emailVerified() ? identity.email() : null);
        }
        if (!identity.emailVerified()) {
          return Future.failedFuture(OAuthFailures.unverifiedEmail(identity.provider()));
        }
        // Anyone may register any address with a password: until its owner proves the mailbox,
        // the account may be an impostor's, and linking would let the impostor's password open
        // the account its owner then uses (account pre-hijacking).
        if (!existing.getBoolean("email_verified", false)) {
          return Future.failedFuture(OAuthFailures.unverifiedAccount(identity.provider()));
        }
        return identities.link(identity, UUID.fromString(existing.getString("id"))).map(existing);
      });
    });
  }
}
