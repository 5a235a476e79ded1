-- Who must sign in with two factors, owned here so RLS follows it and not only the app:
-- platform admins when the platform says so (app_private.platform_settings, set with
-- `npm run platform-admin -- --require-two-factor on`), and every member of a tenant
-- whose admins turned `require_two_factor` on. Someone who must and has not is no
-- platform admin, and no member of that tenant, to any policy or function until they
-- turn it on; caller_facts tells the app why, so it can say so instead of "not found".
-- A tenant's `idle_timeout_minutes` signs out local sessions left idle that long.

create table app_private.platform_settings (
  id boolean primary key default true check (id),
  admins_require_two_factor boolean not null default false,
  updated_at timestamptz not null default now()
);
insert into app_private.platform_settings default values;

-- No policies on purpose: only the server (the CLI) reads or changes it.
alter table app_private.platform_settings enable row level security;
revoke all on app_private.platform_settings from public, anon, authenticated;
grant all on app_private.platform_settings to service_role;

alter table public.tenants
  add column require_two_factor boolean not null default false,
  add column idle_timeout_minutes int check (idle_timeout_minutes is null or idle_timeout_minutes between 5 and 43200);
grant update (require_two_factor, idle_timeout_minutes) on public.tenants to authenticated;

-- The caller has a second factor: a local account's TOTP is on, or Supabase Auth
-- verified one for this session (its JWT's `aal`). Local claims are built by the
-- server and never carry `aal`.
create or replace function app_private.caller_has_two_factor() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
      select 1 from public.user_two_factor f
      where f.user_id = (select auth.uid()) and f.enabled_at is not null
    )
    or coalesce((select auth.jwt()) ->> 'aal', '') = 'aal2'
$$;

create or replace function app_private.platform_admins_require_two_factor() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((select s.admins_require_two_factor from app_private.platform_settings s), false)
$$;

create or replace function app_private.is_platform_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
    and (not app_private.platform_admins_require_two_factor() or app_private.caller_has_two_factor())
$$;

create or replace function app_private.caller_role(tid uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select tu.role from public.tenant_users tu join public.tenants t on t.id = tu.tenant_id
  where tu.tenant_id = tid and tu.user_id = (select auth.uid())
    and (not t.require_two_factor or app_private.caller_has_two_factor())
$$;

-- Why a signed-in caller is refused although they would be let in with a second factor:
-- 'tenant' (a member of `tid`, which requires it), 'platform' (a platform admin, and the
-- platform requires it), or null.
create or replace function app_private.two_factor_needed(tid uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null or app_private.caller_has_two_factor() then null
    when tid is not null and exists (
      select 1 from public.tenant_users tu join public.tenants t on t.id = tu.tenant_id
      where tu.tenant_id = tid and tu.user_id = (select auth.uid()) and t.require_two_factor
    ) then 'tenant'
    when app_private.platform_admins_require_two_factor()
      and exists (select 1 from public.platform_admins where user_id = (select auth.uid())) then 'platform'
  end
$$;

drop function app_private.caller_facts(uuid);
create function app_private.caller_facts(tid uuid)
returns table (is_platform_admin boolean, role text, two_factor_needed text)
language sql stable security definer
set search_path = ''
as $$
  select app_private.is_platform_admin(),
    case when tid is null then null else app_private.caller_role(tid) end,
    app_private.two_factor_needed(tid)
$$;

revoke all on function app_private.caller_has_two_factor() from public;
revoke all on function app_private.platform_admins_require_two_factor() from public;
revoke all on function app_private.two_factor_needed(uuid) from public;
revoke all on function app_private.caller_facts(uuid) from public;
grant execute on function app_private.caller_has_two_factor() to anon, authenticated, service_role;
grant execute on function app_private.platform_admins_require_two_factor() to anon, authenticated, service_role;
grant execute on function app_private.two_factor_needed(uuid) to anon, authenticated, service_role;
grant execute on function app_private.caller_facts(uuid) to anon, authenticated, service_role;
