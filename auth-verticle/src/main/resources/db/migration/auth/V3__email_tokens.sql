-- When the user proved they read mail at their address; null until then. Accounts made before
-- this column existed start unverified: nothing says they ever were.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- Single-use tokens sent by mail: one verifies the address (24 hours), one resets the password
-- (1 hour). As with refresh tokens only a hash is kept: the table alone opens nothing.
CREATE TABLE email_tokens (
    token_hash bytea PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('verification', 'reset')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX email_tokens_unused_by_user ON email_tokens (user_id, purpose) WHERE used_at IS NULL;
