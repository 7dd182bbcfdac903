CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email)),
    password_hash text        NOT NULL,
    display_name  text,
    roles         text[]      NOT NULL DEFAULT ARRAY['athlete'],
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email UNIQUE (email)
);

-- The keys that sign access tokens. The newest signs; every one listed is published, so that
-- tokens signed before a rotation stay valid until they expire.
CREATE TABLE signing_keys (
    kid             text PRIMARY KEY,
    algorithm       text        NOT NULL,
    private_key_pem text        NOT NULL,
    public_jwk      jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
