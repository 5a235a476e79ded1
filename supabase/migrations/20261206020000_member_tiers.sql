-- Per-member quotas. A tenant's admins define tiers (monthly messages and tokens per member;
-- null = unlimited) and put members in them; a member in no tier has no quota of their own
-- and only the tenant's limits apply. Each member's month is counted in
-- tenant_member_usage with the same reserve / settle / release steps as the tenant's
-- counters (20261123004001, 20261203000000): one conditional update reserves a question and
-- its token estimate, so concurrent questions of one member cannot pass the tier.
--
-- reserve_tokens, record_exchange and release_exchange gain an overload with the member
-- (p_user_id, last): it counts the member's side and then calls the tenant's function
-- unchanged, so the tenant's rules keep their one body and a member's exchange costs the
-- server no extra statement.

create table public.tenant_member_tiers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 60),
  messages_per_month bigint check (messages_per_month between 0 and 100000000),
  tokens_per_month bigint check (tokens_per_month between 0 and 1000000000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create unique index tenant_member_tiers_name_idx on public.tenant_member_tiers (tenant_id, lower(btrim(name)));

create trigger tenant_member_tiers_touch_updated_at before update on public.tenant_member_tiers
  for each row execute function app_private.touch_updated_at();

-- A tier belongs to the member's own tenant (the foreign key carries tenant_id); deleting a
-- tier leaves its members without one.
alter table public.tenant_users add column tier_id uuid;
alter table public.tenant_users add constraint tenant_users_tier_fk
  foreign key (tenant_id, tier_id) references public.tenant_member_tiers (tenant_id, id) on delete set null (tier_id);
create index tenant_users_tier_idx on public.tenant_users (tenant_id, tier_id) where tier_id is not null;
grant update (tier_id) on public.tenant_users to authenticated;

create table public.tenant_member_usage (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  period date not null,
  messages bigint not null default 0,
  messages_reserved bigint not null default 0,
  tokens_in bigint not null default 0,
  tokens_out bigint not null default 0,
  tokens_reserved bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id, period)
);
create index tenant_member_usage_user_idx on public.tenant_member_usage (user_id);

alter table public.tenant_member_tiers enable row level security;
alter table public.tenant_member_usage enable row level security;

revoke all on public.tenant_member_tiers, public.tenant_member_usage from anon, authenticated;
grant select, delete on public.tenant_member_tiers to authenticated;
grant insert (tenant_id, name, messages_per_month, tokens_per_month) on public.tenant_member_tiers to authenticated;
grant update (name, messages_per_month, tokens_per_month) on public.tenant_member_tiers to authenticated;
grant select on public.tenant_member_usage to authenticated;
grant all on public.tenant_member_tiers, public.tenant_member_usage to service_role;

create policy "tenant admins and platform admins read their tenant's tiers"
  on public.tenant_member_tiers for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins create tiers"
  on public.tenant_member_tiers for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins change tiers"
  on public.tenant_member_tiers for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins delete tiers"
  on public.tenant_member_tiers for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "an inactive tenant takes no new rows" on public.tenant_member_tiers
  as restrictive for insert to authenticated, anon
  with check (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's rows are not changed" on public.tenant_member_tiers
  as restrictive for update to authenticated, anon
  using (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's rows are not removed" on public.tenant_member_tiers
  as restrictive for delete to authenticated, anon
  using (app_private.tenant_accepts_writes(tenant_id));

create policy "members read their own use and admins their tenant's"
  on public.tenant_member_usage for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select app_private.is_platform_admin())
    or tenant_id = any (array(select app_private.member_tenant_ids('admin')))
  );

-- The member's tier limits; no row (no tier) means no quota of their own.
create or replace function app_private.member_tier_limits(p_tenant_id uuid, p_user_id uuid)
returns table (messages_cap bigint, tokens_cap bigint)
language sql stable security definer
set search_path = ''
as $$
  select t.messages_per_month, t.tokens_per_month
  from public.tenant_users tu join public.tenant_member_tiers t on t.tenant_id = tu.tenant_id and t.id = tu.tier_id
  where tu.tenant_id = p_tenant_id and tu.user_id = p_user_id
$$;

-- Sets aside one question and its token estimate for the member, unless that would pass
-- their tier this month. `reason` names the allowance that refused: 'messages' or 'tokens'.
create or replace function app_private.reserve_member_exchange(p_tenant_id uuid, p_user_id uuid, p_estimate bigint)
returns table (accepted boolean, reason text, usage_period date)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := app_private.usage_period();
  v_messages_cap bigint;
  v_tokens_cap bigint;
  v_found boolean;
  v_usage record;
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_estimate]);
  if p_user_id is null then
    raise exception 'A member is required.' using errcode = '22023';
  end if;
  select l.messages_cap, l.tokens_cap into v_messages_cap, v_tokens_cap
  from app_private.member_tier_limits(p_tenant_id, p_user_id) l;
  insert into public.tenant_member_usage (tenant_id, user_id, period) values (p_tenant_id, p_user_id, v_period)
    on conflict do nothing;
  update public.tenant_member_usage u
     set messages_reserved = u.messages_reserved + 1,
         tokens_reserved = u.tokens_reserved + p_estimate,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.user_id = p_user_id and u.period = v_period
     and (v_messages_cap is null or u.messages + u.messages_reserved + 1 <= v_messages_cap)
     and (v_tokens_cap is null or u.tokens_in + u.tokens_out + u.tokens_reserved + p_estimate <= v_tokens_cap)
  returning true into v_found;
  if v_found then
    return query select true, null::text, v_period;
    return;
  end if;
  select * into v_usage from public.tenant_member_usage u
  where u.tenant_id = p_tenant_id and u.user_id = p_user_id and u.period = v_period;
  return query select false,
    case when v_messages_cap is not null and v_usage.messages + v_usage.messages_reserved + 1 > v_messages_cap
      then 'messages' else 'tokens' end,
    v_period;
end
$$;

-- A completed exchange: the member's reservation becomes one message and the real tokens.
create or replace function app_private.record_member_exchange(
  p_tenant_id uuid, p_user_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_reserved, p_tokens_in, p_tokens_out]);
  insert into public.tenant_member_usage (tenant_id, user_id, period) values (p_tenant_id, p_user_id, v_period)
    on conflict do nothing;
  update public.tenant_member_usage u
     set messages_reserved = greatest(0, u.messages_reserved - 1),
         messages = u.messages + 1,
         tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.user_id = p_user_id and u.period = v_period;
end
$$;

-- A failed exchange: the question is given back; tokens the model did spend still count.
create or replace function app_private.release_member_exchange(
  p_tenant_id uuid, p_user_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_reserved, p_tokens_in, p_tokens_out]);
  update public.tenant_member_usage u
     set messages_reserved = greatest(0, u.messages_reserved - 1),
         tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.user_id = p_user_id and u.period = v_period;
end
$$;

create or replace function app_private.reserve_tokens(p_tenant_id uuid, p_estimate bigint, p_user_id uuid)
returns table (accepted boolean, usage_period date, cap bigint, reason text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_member record;
  v_tenant record;
begin
  select * into v_member from app_private.reserve_member_exchange(p_tenant_id, p_user_id, p_estimate);
  if not v_member.accepted then
    return query select false, v_member.usage_period, null::bigint, v_member.reason;
    return;
  end if;
  select * into v_tenant from app_private.reserve_tokens(p_tenant_id, p_estimate);
  if not v_tenant.accepted then
    -- Nothing of a refused question stays set aside for the member.
    update public.tenant_member_usage u
       set messages_reserved = greatest(0, u.messages_reserved - 1),
           tokens_reserved = greatest(0, u.tokens_reserved - p_estimate)
     where u.tenant_id = p_tenant_id and u.user_id = p_user_id and u.period = v_member.usage_period;
  end if;
  return query select v_tenant.accepted, v_tenant.usage_period, v_tenant.cap,
    case when v_tenant.accepted then null else 'tenant_tokens' end;
end
$$;

create or replace function app_private.record_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_messages int, p_new_conversation boolean, p_element text, p_user_id uuid
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app_private.record_exchange(p_tenant_id, p_period, p_reserved, p_tokens_in, p_tokens_out,
    p_messages, p_new_conversation, p_element);
  if p_user_id is not null then
    perform app_private.record_member_exchange(p_tenant_id, p_user_id, p_period, p_reserved, p_tokens_in, p_tokens_out);
  end if;
end
$$;

create or replace function app_private.release_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_return_conversation boolean, p_user_id uuid
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app_private.release_exchange(p_tenant_id, p_period, p_reserved, p_tokens_in, p_tokens_out, p_return_conversation);
  if p_user_id is not null then
    perform app_private.release_member_exchange(p_tenant_id, p_user_id, p_period, p_reserved, p_tokens_in, p_tokens_out);
  end if;
end
$$;

revoke all on function app_private.reserve_tokens(uuid, bigint, uuid) from public;
revoke all on function app_private.record_exchange(uuid, date, bigint, bigint, bigint, int, boolean, text, uuid) from public;
revoke all on function app_private.release_exchange(uuid, date, bigint, bigint, bigint, boolean, uuid) from public;
grant execute on function app_private.reserve_tokens(uuid, bigint, uuid) to service_role;
grant execute on function app_private.record_exchange(uuid, date, bigint, bigint, bigint, int, boolean, text, uuid) to service_role;
grant execute on function app_private.release_exchange(uuid, date, bigint, bigint, bigint, boolean, uuid) to service_role;
revoke all on function app_private.member_tier_limits(uuid, uuid) from public;
revoke all on function app_private.reserve_member_exchange(uuid, uuid, bigint) from public;
revoke all on function app_private.record_member_exchange(uuid, uuid, date, bigint, bigint, bigint) from public;
revoke all on function app_private.release_member_exchange(uuid, uuid, date, bigint, bigint, bigint) from public;
grant execute on function app_private.reserve_member_exchange(uuid, uuid, bigint) to service_role;
grant execute on function app_private.record_member_exchange(uuid, uuid, date, bigint, bigint, bigint) to service_role;
grant execute on function app_private.release_member_exchange(uuid, uuid, date, bigint, bigint, bigint) to service_role;
