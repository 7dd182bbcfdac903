-- A disabled account can neither log in nor refresh, and its tokens are revoked at once.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;

-- Every account is an athlete; coach and admin are granted.
ALTER TABLE users ADD CONSTRAINT users_roles_known
    CHECK (roles <@ ARRAY['athlete', 'coach', 'admin'] AND 'athlete' = ANY (roles));
