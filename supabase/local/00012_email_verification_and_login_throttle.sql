-- Local auth mode: proof of mailbox ownership, sessions bound to the host that issued
-- them, and failed logins counted per account and source. (Supabase Auth has its own.)

-- A verification link carries a random token; only its sha-256 is stored. Opening it
-- sets the password chosen at the sign-up that sent it (`password_hash`; null for a
-- resent link). `return_to` is where the person was heading (an invitation page).
create table if not exists auth.email_verifications (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  password_hash text,
  return_to text check (return_to is null or char_length(return_to) <= 300),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index if not exists email_verifications_user_idx on auth.email_verifications (user_id);
alter table auth.email_verifications enable row level security;
revoke all on auth.email_verifications from anon, authenticated;
grant all on auth.email_verifications to service_role;

-- The host (site) a session was started on; a cookie replayed on another host is not a
-- session there. Sessions from before this column have none and are no longer valid.
alter table auth.local_sessions add column if not exists host text
  check (host is null or char_length(host) <= 300);

-- Failures count per (address, source): someone else's wrong guesses slow down only
-- their own source, never the owner signing in from theirs.
drop table if exists auth.login_failures;
create table auth.login_failures (
  email text not null,
  source text not null,
  failures int not null,
  window_started_at timestamptz not null,
  locked_until timestamptz,
  primary key (email, source)
);
create index if not exists login_failures_window_idx on auth.login_failures (window_started_at);
alter table auth.login_failures enable row level security;
revoke all on auth.login_failures from anon, authenticated;
grant all on auth.login_failures to service_role;
