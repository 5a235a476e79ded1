-- The oracle's usage counters and limits. Nobody writes tenant_usage or tenant_usage_daily
-- directly; these security definer functions do, each with one conditional statement, so
-- concurrent requests can never read a count and both act on it.
--
-- Every function checks that the caller belongs to the tenant (a member with role 'user'
-- or more, or a visitor of that public tenant) and reads the limit from the tenants row
-- itself: a caller never supplies its own limit. Server tasks (no API role, no user) pass.

-- Periods are calendar months in UTC; the row of a month is keyed by its first day.
create or replace function app_private.usage_period() returns date
language sql stable
set search_path = ''
as $$
  select date_trunc('month', now() at time zone 'utc')::date
$$;

create or replace function app_private.usage_day() returns date
language sql stable
set search_path = ''
as $$
  select (now() at time zone 'utc')::date
$$;

-- One limit of a tenant. A number is the limit, JSON null is unlimited, and a key that is
-- missing or malformed falls back to the plan's default, as lib/multi-tenant/plans.ts reads it.
create or replace function app_private.tenant_limit(p_tenant_id uuid, p_key text) returns bigint
language sql stable security definer
set search_path = ''
as $$
  select case jsonb_typeof(t.limits -> p_key)
    when 'number' then (t.limits ->> p_key)::numeric::bigint
    when 'null' then null
    else case
      when p_key = 'conversationsPerMonth' then
        case t.plan_tier when 'starter' then 1000 when 'professional' then 10000 else null end
      when p_key = 'storageMb' then
        case t.plan_tier when 'starter' then 10240 when 'professional' then 51200 else null end
      else null
    end
  end
  from public.tenants t
  where t.id = p_tenant_id
$$;

create or replace function app_private.assert_usage_caller(p_tenant_id uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if (select auth.role()) in ('authenticated', 'anon') or (select auth.uid()) is not null then
    if p_tenant_id is null
      or not (app_private.is_tenant_member(p_tenant_id, 'user')
        or p_tenant_id is not distinct from app_private.visitor_tenant_id()) then
      raise exception 'Not allowed to use this tenant''s oracle.' using errcode = 'OR403';
    end if;
  end if;
end
$$;

-- Counts the start of a new thread, unless the month's conversation limit is reached.
create or replace function app_private.consume_conversation(p_tenant_id uuid)
returns table (accepted boolean, usage_period date, used bigint, cap bigint)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := app_private.usage_period();
  v_cap bigint;
  v_used bigint;
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  v_cap := app_private.tenant_limit(p_tenant_id, 'conversationsPerMonth');
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
    on conflict do nothing;
  update public.tenant_usage u
     set conversations = u.conversations + 1, updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period
     and (v_cap is null or u.conversations < v_cap)
  returning u.conversations into v_used;
  return query select v_used is not null, v_period, v_used, v_cap;
end
$$;

-- Sets aside an estimate of the tokens an answer may use, unless that would pass the
-- month's token limit. The estimate is settled by record_exchange or release_exchange.
create or replace function app_private.reserve_tokens(p_tenant_id uuid, p_estimate bigint)
returns table (accepted boolean, usage_period date, cap bigint)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := app_private.usage_period();
  v_cap bigint;
  v_found boolean;
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  if p_estimate is null or p_estimate < 0 then
    raise exception 'A token estimate must not be negative.' using errcode = '22023';
  end if;
  v_cap := app_private.tenant_limit(p_tenant_id, 'tokensPerMonth');
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
    on conflict do nothing;
  update public.tenant_usage u
     set tokens_reserved = u.tokens_reserved + p_estimate, updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period
     and (v_cap is null or u.tokens_in + u.tokens_out + u.tokens_reserved + p_estimate <= v_cap)
  returning true into v_found;
  return query select coalesce(v_found, false), v_period, v_cap;
end
$$;

-- A completed exchange: the reservation becomes the real usage, and the day's counters
-- (conversations started, messages, tokens, readings per element) grow. A null period is
-- the current one (an exchange that reserved nothing).
create or replace function app_private.record_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_messages int, p_new_conversation boolean, p_element text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_day date := app_private.usage_day();
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  if least(p_reserved, p_tokens_in, p_tokens_out, p_messages) < 0 then
    raise exception 'Usage amounts must not be negative.' using errcode = '22023';
  end if;
  if p_element is not null and p_element not in ('fire', 'water', 'earth', 'air', 'aether') then
    raise exception 'Unknown element.' using errcode = '22023';
  end if;
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
    on conflict do nothing;
  update public.tenant_usage u
     set tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         messages = u.messages + p_messages,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period;
  insert into public.tenant_usage_daily as d (tenant_id, day, conversations, messages, tokens, element_counts)
  values (p_tenant_id, v_day, case when p_new_conversation then 1 else 0 end, p_messages,
    p_tokens_in + p_tokens_out,
    case when p_element is null then '{}'::jsonb else jsonb_build_object(p_element, 1) end)
  on conflict (tenant_id, day) do update set
    conversations = d.conversations + excluded.conversations,
    messages = d.messages + excluded.messages,
    tokens = d.tokens + excluded.tokens,
    element_counts = case when p_element is null then d.element_counts
      else jsonb_set(d.element_counts, array[p_element],
        to_jsonb(coalesce((d.element_counts ->> p_element)::int, 0) + 1)) end;
end
$$;

-- A failed exchange: the reservation is released, tokens the model did spend are still
-- counted, and a thread that this exchange would have started gives its unit back.
create or replace function app_private.release_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_return_conversation boolean
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  if least(p_reserved, p_tokens_in, p_tokens_out) < 0 then
    raise exception 'Usage amounts must not be negative.' using errcode = '22023';
  end if;
  update public.tenant_usage u
     set tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         conversations = case when p_return_conversation then greatest(0, u.conversations - 1)
           else u.conversations end,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period;
end
$$;

revoke all on function app_private.usage_period() from public;
revoke all on function app_private.usage_day() from public;
revoke all on function app_private.tenant_limit(uuid, text) from public;
revoke all on function app_private.assert_usage_caller(uuid) from public;
revoke all on function app_private.consume_conversation(uuid) from public;
revoke all on function app_private.reserve_tokens(uuid, bigint) from public;
revoke all on function app_private.record_exchange(uuid, date, bigint, bigint, bigint, int, boolean, text) from public;
revoke all on function app_private.release_exchange(uuid, date, bigint, bigint, bigint, boolean) from public;

grant execute on function app_private.usage_period() to anon, authenticated, service_role;
grant execute on function app_private.usage_day() to anon, authenticated, service_role;
grant execute on function app_private.consume_conversation(uuid) to anon, authenticated, service_role;
grant execute on function app_private.reserve_tokens(uuid, bigint) to anon, authenticated, service_role;
grant execute on function app_private.record_exchange(uuid, date, bigint, bigint, bigint, int, boolean, text)
  to anon, authenticated, service_role;
grant execute on function app_private.release_exchange(uuid, date, bigint, bigint, bigint, boolean)
  to anon, authenticated, service_role;
