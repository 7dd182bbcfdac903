-- An account made by a Google or Strava login has no password, and one made by a Strava login
-- no email either (Strava gives none). Password login of such an account fails as a wrong
-- password does; several accounts without email may exist (NULLs are never equal in UNIQUE).
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- Who a user is at an OAuth2 provider: the provider's stable subject (Google's `sub`, Strava's
-- athlete id), and the email the provider gave, verified or not, as it was at linking time.
CREATE TABLE oauth_identities (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT oauth_identities_subject PRIMARY KEY (provider, subject)
);
CREATE INDEX oauth_identities_by_user ON oauth_identities (user_id);
