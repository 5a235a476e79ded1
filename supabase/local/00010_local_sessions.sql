-- Server-side sessions of the local (non-Supabase) auth mode. The cookie carries a
-- random token; only its sha-256 is stored, so a leaked table cannot be replayed.
create table if not exists auth.local_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_hash text not null unique,
  user_agent text check (user_agent is null or char_length(user_agent) <= 400),
  ip text,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index if not exists local_sessions_user_idx on auth.local_sessions (user_id, created_at desc);

alter table auth.local_sessions enable row level security;

-- The server looks sessions up by token as a system task; a signed-in user may only
-- list and revoke their own, and never reads a token hash.
revoke all on auth.local_sessions from anon, authenticated;
grant select (id, user_id, user_agent, ip, created_at, last_seen_at, expires_at) on auth.local_sessions to authenticated;
grant delete on auth.local_sessions to authenticated;
grant all on auth.local_sessions to service_role;

drop policy if exists "users see their own sessions" on auth.local_sessions;
create policy "users see their own sessions"
  on auth.local_sessions for select to authenticated
  using (user_id = (select auth.uid()));
drop policy if exists "users revoke their own sessions" on auth.local_sessions;
create policy "users revoke their own sessions"
  on auth.local_sessions for delete to authenticated
  using (user_id = (select auth.uid()));
