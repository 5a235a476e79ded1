create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 120),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$'),
  domain text unique check (domain is null or domain ~ '^[a-z0-9.-]{3,253}$'),
  brand_voice jsonb not null default '{}'::jsonb,
  elemental_signature jsonb not null default '{"primary": "aether"}'::jsonb,
  maia_personality jsonb not null default '{}'::jsonb,
  plan_tier text not null default 'starter' check (plan_tier in ('starter', 'professional', 'enterprise')),
  limits jsonb not null default '{"conversationsPerMonth": 1000, "tokensPerMonth": null, "storageMb": 10240, "members": null}'::jsonb,
  features jsonb not null default '{}'::jsonb,
  public_access boolean not null default false,
  status text not null default 'active' check (status in ('trial', 'active', 'suspended', 'cancelled')),
  trial_ends_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create trigger tenants_touch_updated_at before update on public.tenants
  for each row execute function app_private.touch_updated_at();

create table public.platform_admins (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);

create table public.tenant_users (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('admin', 'user', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
create index tenant_users_user_id_idx on public.tenant_users (user_id);

-- Helper predicates. security definer so policies on tenant_users do not recurse;
-- search_path is empty so every name is qualified.
create or replace function app_private.role_rank(role text) returns int
language sql immutable
set search_path = ''
as $$
  select case role when 'admin' then 3 when 'user' then 2 when 'viewer' then 1 else 0 end
$$;

create or replace function app_private.is_platform_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.platform_admins where user_id = (select auth.uid()))
$$;

create or replace function app_private.is_tenant_member(tid uuid, min_role text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_users tu
    where tu.tenant_id = tid
      and tu.user_id = (select auth.uid())
      and app_private.role_rank(tu.role) >= app_private.role_rank(min_role)
  )
$$;

-- The tenants the caller belongs to with at least min_role; policies compare against
-- array(select ...) so it runs once per statement and keeps tenant_id indexes usable.
create or replace function app_private.member_tenant_ids(min_role text) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select tu.tenant_id from public.tenant_users tu
  where tu.user_id = (select auth.uid())
    and app_private.role_rank(tu.role) >= app_private.role_rank(min_role)
$$;

-- A visitor's tenant: only the tenant named in the claims, and only while it is open
-- to the public and serving. Missing or malformed claims give null: nothing matches.
create or replace function app_private.visitor_tenant_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  claimed text := (select auth.jwt()) ->> 'tenant_id';
  result uuid;
begin
  if claimed is null
    or claimed !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
    return null;
  end if;
  select t.id into result from public.tenants t
  where t.id = claimed::uuid and t.public_access
    and (t.status = 'active' or (t.status = 'trial' and (t.trial_ends_at is null or t.trial_ends_at > now())));
  return result;
end
$$;

revoke all on function app_private.role_rank(text) from public;
revoke all on function app_private.is_platform_admin() from public;
revoke all on function app_private.is_tenant_member(uuid, text) from public;
revoke all on function app_private.member_tenant_ids(text) from public;
revoke all on function app_private.visitor_tenant_id() from public;
grant execute on function app_private.role_rank(text) to anon, authenticated, service_role;
grant execute on function app_private.is_platform_admin() to anon, authenticated, service_role;
grant execute on function app_private.is_tenant_member(uuid, text) to anon, authenticated, service_role;
grant execute on function app_private.member_tenant_ids(text) to anon, authenticated, service_role;
grant execute on function app_private.visitor_tenant_id() to anon, authenticated, service_role;

-- Only platform admins change commercial and routing fields; column grants cannot tell
-- a platform admin from a tenant admin (both are `authenticated`), so a trigger does.
create or replace function app_private.guard_tenant_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') and not app_private.is_platform_admin() then
    if new.plan_tier is distinct from old.plan_tier
      or new.limits is distinct from old.limits
      or new.features is distinct from old.features
      or new.status is distinct from old.status
      or new.trial_ends_at is distinct from old.trial_ends_at
      or new.slug is distinct from old.slug
      or new.domain is distinct from old.domain
      or new.id is distinct from old.id
      or new.created_at is distinct from old.created_at then
      raise exception 'Only a platform admin can change plan, limits, features, status, slug or domain.'
        using errcode = 'OR403';
    end if;
  end if;
  return new;
end
$$;
revoke all on function app_private.guard_tenant_update() from public;

create trigger tenants_guard_update before update on public.tenants
  for each row execute function app_private.guard_tenant_update();

-- A tenant always keeps one admin; the check is skipped while the tenant itself is
-- being deleted (its row is already gone when the cascade reaches tenant_users).
create or replace function app_private.keep_last_admin() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.role = 'admin'
    and (tg_op = 'DELETE' or new.role <> 'admin' or new.tenant_id <> old.tenant_id)
    and exists (select 1 from public.tenants where id = old.tenant_id)
    and not exists (
      select 1 from public.tenant_users
      where tenant_id = old.tenant_id and role = 'admin' and user_id <> old.user_id
    ) then
    raise exception 'A tenant must keep at least one admin: make another member admin first.'
      using errcode = 'OR409';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function app_private.keep_last_admin() from public;

create trigger tenant_users_keep_last_admin before update or delete on public.tenant_users
  for each row execute function app_private.keep_last_admin();

alter table public.tenants enable row level security;
alter table public.platform_admins enable row level security;
alter table public.tenant_users enable row level security;

-- Supabase grants everything in public to anon and authenticated by default; start
-- from nothing and grant exactly what the policies below are written for.
revoke all on public.tenants, public.platform_admins, public.tenant_users from anon, authenticated;
grant select, insert, delete on public.tenants to authenticated;
grant update (name, brand_voice, elemental_signature, maia_personality, public_access,
  plan_tier, limits, features, status, trial_ends_at, slug, domain) on public.tenants to authenticated;
grant select on public.tenants to anon;
grant select on public.platform_admins to authenticated;
grant select, insert, delete on public.tenant_users to authenticated;
grant update (role) on public.tenant_users to authenticated;
grant all on public.tenants, public.platform_admins, public.tenant_users to service_role;

create policy "platform admins and members can read their tenants"
  on public.tenants for select to authenticated
  using ((select app_private.is_platform_admin()) or id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors can read the public tenant they are visiting"
  on public.tenants for select to anon
  using (id = (select app_private.visitor_tenant_id()));
create policy "platform admins can create tenants"
  on public.tenants for insert to authenticated
  with check ((select app_private.is_platform_admin()));
create policy "platform admins and tenant admins can update their tenant"
  on public.tenants for update to authenticated
  using ((select app_private.is_platform_admin()) or id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "platform admins can delete tenants"
  on public.tenants for delete to authenticated
  using ((select app_private.is_platform_admin()));

create policy "users can see their own platform admin row and admins see all"
  on public.platform_admins for select to authenticated
  using (user_id = (select auth.uid()) or (select app_private.is_platform_admin()));

create policy "members see their own membership and admins see the tenant's"
  on public.tenant_users for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select app_private.is_platform_admin())
    or tenant_id = any (array(select app_private.member_tenant_ids('admin')))
  );
create policy "tenant admins and platform admins add members"
  on public.tenant_users for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins change roles"
  on public.tenant_users for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins remove members"
  on public.tenant_users for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
