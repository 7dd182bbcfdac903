-- A user's connection to Strava: one per user, one user per Strava athlete. The tokens are
-- sealed (AES-GCM, STRAVA_TOKEN_KEY): a copy of the database reads no athlete's activities.
CREATE TABLE connections (
  owner_id               uuid PRIMARY KEY,
  athlete_id             bigint NOT NULL UNIQUE,
  firstname              text,
  lastname               text,
  city                   text,
  country                text,
  sex                    text,
  weight                 numeric(6, 2),
  measurement_preference text,
  profile_url            text,
  granted_scope          text NOT NULL,
  access_token           text NOT NULL,
  refresh_token          text NOT NULL,
  expires_at             timestamptz NOT NULL,
  state                  text NOT NULL DEFAULT 'connected'
                         CHECK (state IN ('connected', 'needs_reconnect', 'app_inactive')),
  refreshed_at           timestamptz,
  last_sync_at           timestamptz,
  connected_at           timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
