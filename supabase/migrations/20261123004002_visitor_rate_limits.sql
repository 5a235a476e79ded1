-- Visitors of a public tenant have no account to hold responsible, so their questions are
-- rate limited per client address and tenant, in Postgres so every app instance shares
-- the counts. Fixed windows; one atomic upsert per question.
create table app_private.visitor_rate_limits (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  client_key text not null check (char_length(client_key) between 1 and 64),
  window_start timestamptz not null,
  hits int not null,
  primary key (tenant_id, client_key, window_start)
);

-- No policies on purpose: nobody reads or writes this table through the API roles; the
-- security definer function below is the only way in.
alter table app_private.visitor_rate_limits enable row level security;
revoke all on app_private.visitor_rate_limits from public, anon, authenticated;
grant all on app_private.visitor_rate_limits to service_role;

-- Counts one question of a visitor. A known address gets 20 questions per 10 minutes per
-- tenant; when the server cannot tell addresses apart (no trusted proxy), all visitors of
-- the tenant share one bucket of 200, so a public tenant keeps working but stays bounded.
create or replace function app_private.hit_visitor_rate_limit(p_tenant_id uuid, p_ip text)
returns table (allowed boolean, retry_after_seconds int)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_window_seconds constant int := 600;
  v_key text := coalesce(nullif(left(p_ip, 64), ''), 'shared');
  v_max int := case when v_key = 'shared' then 200 else 20 end;
  v_window timestamptz := to_timestamp(floor(extract(epoch from now()) / v_window_seconds) * v_window_seconds);
  v_hits int;
begin
  if (select auth.role()) in ('authenticated', 'anon') or (select auth.uid()) is not null then
    if p_tenant_id is null or p_tenant_id is distinct from app_private.visitor_tenant_id() then
      raise exception 'Not a visitor of this tenant.' using errcode = 'OR403';
    end if;
  end if;
  insert into app_private.visitor_rate_limits as r (tenant_id, client_key, window_start, hits)
  values (p_tenant_id, v_key, v_window, 1)
  on conflict (tenant_id, client_key, window_start) do update set hits = r.hits + 1
  returning r.hits into v_hits;
  -- Earlier windows of this client are finished: drop them as we go.
  delete from app_private.visitor_rate_limits r
   where r.tenant_id = p_tenant_id and r.client_key = v_key and r.window_start < v_window;
  return query select v_hits <= v_max,
    greatest(1, ceil(extract(epoch from (v_window + make_interval(secs => v_window_seconds) - now())))::int);
end
$$;

revoke all on function app_private.hit_visitor_rate_limit(uuid, text) from public;
grant execute on function app_private.hit_visitor_rate_limit(uuid, text) to anon, authenticated, service_role;
