-- One rate limiter for the whole app (sign-in and sign-up per address, visitors'
-- questions, ...), in Postgres so every app instance shares the counts. It replaces the
-- visitors' own limiter and the local auth mode's, which disagreed about a client the
-- server cannot identify.
--
-- The policy for an unknown client, decided here once: a null client is not counted and
-- is allowed. Putting every unidentified caller into one shared bucket would let one
-- client use it up for everybody (a lockout anyone can trigger); a caller that wants a
-- cap over all clients counts a shared client it names on purpose (lib/rate-limit.ts).
create table app_private.rate_limit_hits (
  scope text not null check (char_length(scope) between 1 and 200),
  client text not null check (char_length(client) between 1 and 200),
  window_start timestamptz not null,
  hits int not null,
  primary key (scope, client, window_start)
);
create index rate_limit_hits_scope_window_idx on app_private.rate_limit_hits (scope, window_start);

-- No policies on purpose: the API roles have no way in; the server calls the function.
alter table app_private.rate_limit_hits enable row level security;
revoke all on app_private.rate_limit_hits from public, anon, authenticated;
grant all on app_private.rate_limit_hits to service_role;

-- Counts one hit of `client` in `scope` in the fixed window of length `p_window` that
-- holds `p_at`, refused hits included (someone who keeps trying stays refused), and
-- answers whether it is within `p_max_hits` and how long until the window ends.
-- Finished windows of the scope are dropped as we go; rows another transaction is
-- dropping are skipped, so concurrent hits never wait on each other's clean-up.
create or replace function app_private.hit_rate_limit(
  p_scope text, p_client text, p_max_hits int, p_window interval, p_at timestamptz default now()
) returns table (allowed boolean, hits int, retry_after_seconds int)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_window_seconds numeric := extract(epoch from p_window);
  v_start timestamptz;
  v_hits int;
begin
  if not app_private.is_server_call() then
    raise exception 'Rate limits are counted by the server only.' using errcode = 'OR403';
  end if;
  if p_scope is null or p_max_hits is null or p_max_hits < 1 or p_at is null
    or v_window_seconds is null or v_window_seconds < 1 or v_window_seconds > 86400 then
    raise exception 'A rate limit needs a scope, at least one hit and a window of 1 s to 1 day.' using errcode = '22023';
  end if;
  if p_client is null or p_client = '' then
    return query select true, 0, 0;
    return;
  end if;
  v_start := to_timestamp(floor(extract(epoch from p_at) / v_window_seconds) * v_window_seconds);
  insert into app_private.rate_limit_hits as r (scope, client, window_start, hits)
  values (p_scope, p_client, v_start, 1)
  on conflict (scope, client, window_start) do update set hits = least(r.hits, 2147483646) + 1
  returning r.hits into v_hits;
  delete from app_private.rate_limit_hits r
   where (r.scope, r.client, r.window_start) in (
     select f.scope, f.client, f.window_start from app_private.rate_limit_hits f
      where f.scope = p_scope and f.window_start < v_start
      limit 100
      for update skip locked);
  return query select v_hits <= p_max_hits, v_hits,
    greatest(1, ceil(extract(epoch from (v_start + p_window - p_at))))::int;
end
$$;

revoke all on function app_private.hit_rate_limit(text, text, int, interval, timestamptz) from public, anon, authenticated;
grant execute on function app_private.hit_rate_limit(text, text, int, interval, timestamptz) to service_role;

drop function app_private.hit_visitor_rate_limit(uuid, text);
drop table app_private.visitor_rate_limits;
