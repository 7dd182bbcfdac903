-- Every revocation, kept here first: Redis holds the list services check, but Redis may restart
-- empty, and a logged-out token must not work again then. Auth rebuilds Redis from this table.
-- kind 'jti' (one token, logout), 'sid' (every token of a session) or 'user' (every token of a
-- user issued until revoked_before, epoch seconds); a row is dropped once no token it covers
-- can be alive.
CREATE TABLE revocations (
    kind           text        NOT NULL CHECK (kind IN ('jti', 'sid', 'user')),
    subject        text        NOT NULL,
    revoked_before bigint      NOT NULL DEFAULT 0,
    expires_at     timestamptz NOT NULL,
    PRIMARY KEY (kind, subject)
);

CREATE INDEX revocations_expiry ON revocations (expires_at);
