-- A tenant's privacy level, the one owner of who may use its assistant:
--   public      visitors may ask without an account (nothing of theirs is stored);
--   members     only members, who join by invitation or an approved access request (the default);
--   restricted  as members, and the database lets nobody in any other way (see the access
--               requests migration); its admins may require two-factor sign-in.
-- It replaces the boolean `public_access`, which every existing reader (visitor_tenant_id,
-- the end users' and API keys' functions, the directory) keeps reading: the column is now
-- generated from the level, so the two can never disagree and no reader changes. Existing
-- tenants keep their behaviour: public ones become `public`, the others `members`.

alter table public.tenants
  add column privacy_level text not null default 'members' check (privacy_level in ('public', 'members', 'restricted'));

-- Backfilled without touching updated_at: the tenants did not change, only how it is stored.
alter table public.tenants disable trigger tenants_touch_updated_at;
update public.tenants set privacy_level = 'public' where public_access;
alter table public.tenants enable trigger tenants_touch_updated_at;

-- Functions read the column by name at run time; none holds a parsed reference to it.
alter table public.tenants drop column public_access;
alter table public.tenants add column public_access boolean generated always as (privacy_level = 'public') stored;

grant update (privacy_level) on public.tenants to authenticated;

-- A tenant becomes restricted through the platform: a platform admin sets it (directly, or
-- by approving the tenant's restricted_access request, which also grants the tenant the
-- `restrictedAccess` feature); a tenant admin may choose it only once the platform has
-- granted that feature. Any admin may leave restricted for members or public.
create or replace function app_private.guard_privacy_level() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.privacy_level = 'restricted' and old.privacy_level is distinct from 'restricted'
    and current_user in ('authenticated', 'anon')
    and not app_private.is_platform_admin()
    and (new.features -> 'restrictedAccess') is distinct from 'true'::jsonb then
    raise exception 'Restricted access is granted by the platform: ask for it on the dashboard''s Plan requests page.'
      using errcode = 'OR403';
  end if;
  return new;
end
$$;
revoke all on function app_private.guard_privacy_level() from public;

create trigger tenants_guard_privacy_level before update of privacy_level on public.tenants
  for each row execute function app_private.guard_privacy_level();
