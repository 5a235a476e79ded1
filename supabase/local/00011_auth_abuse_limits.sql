-- Failed-login lockout and the per-IP limiter of the local auth mode. Kept in Postgres
-- so every app instance sees the same counters; updated by single atomic upserts.
-- Only the server (as a system task, before anyone is signed in) touches them.

-- Keyed by the normalised email, not the user id: unknown addresses lock the same way,
-- so a lockout does not reveal whether an account exists.
create table if not exists auth.login_failures (
  email text primary key,
  failures int not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
create index if not exists login_failures_window_idx on auth.login_failures (window_started_at);

-- Fixed windows per bucket (e.g. 'login:203.0.113.7').
create table if not exists auth.rate_limit_hits (
  bucket text not null,
  window_start timestamptz not null,
  hits int not null,
  primary key (bucket, window_start)
);
create index if not exists rate_limit_hits_window_idx on auth.rate_limit_hits (window_start);

alter table auth.login_failures enable row level security;
alter table auth.rate_limit_hits enable row level security;
revoke all on auth.login_failures, auth.rate_limit_hits from anon, authenticated;
grant all on auth.login_failures, auth.rate_limit_hits to service_role;
