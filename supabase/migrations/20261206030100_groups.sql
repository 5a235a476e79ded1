-- Groups: teams of a tenant's members, kept by its admins. Documents, advisors and shares
-- name groups; a membership goes with the member (the foreign key to tenant_users), so
-- someone who leaves the tenant leaves its groups and loses what they were given.

create table public.tenant_groups (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 80 and name = btrim(name)),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create unique index tenant_groups_name_idx on public.tenant_groups (tenant_id, lower(name));

create trigger tenant_groups_touch_updated_at before update on public.tenant_groups
  for each row execute function app_private.touch_updated_at();

create table public.tenant_group_members (
  tenant_id uuid not null,
  group_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (group_id, user_id),
  foreign key (tenant_id, group_id) references public.tenant_groups (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references public.tenant_users (tenant_id, user_id) on delete cascade
);
create index tenant_group_members_user_idx on public.tenant_group_members (user_id, tenant_id);

alter table public.tenant_groups enable row level security;
alter table public.tenant_group_members enable row level security;
revoke all on public.tenant_groups, public.tenant_group_members from anon, authenticated;
grant select, delete on public.tenant_groups, public.tenant_group_members to authenticated;
grant insert (tenant_id, name) on public.tenant_groups to authenticated;
grant update (name) on public.tenant_groups to authenticated;
grant insert (tenant_id, group_id, user_id) on public.tenant_group_members to authenticated;
grant all on public.tenant_groups, public.tenant_group_members to service_role;

-- Members see their tenant's groups (to share with one) and their own memberships; who
-- else is in a group is for the tenant's admins.
create policy "members and platform admins read groups"
  on public.tenant_groups for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "tenant admins and platform admins add groups"
  on public.tenant_groups for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins rename groups"
  on public.tenant_groups for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins remove groups"
  on public.tenant_groups for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));

create policy "members read their own memberships, admins all of their tenant's"
  on public.tenant_group_members for select to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer')))
    or (select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins add group members"
  on public.tenant_group_members for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins remove group members"
  on public.tenant_group_members for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));

do $$
declare
  target text;
begin
  foreach target in array array['tenant_groups', 'tenant_group_members'] loop
    execute format(
      'create policy "an inactive tenant takes no new rows" on public.%I as restrictive for insert to authenticated, anon
         with check (app_private.tenant_accepts_writes(tenant_id))', target);
    execute format(
      'create policy "an inactive tenant''s rows are not changed" on public.%I as restrictive for update to authenticated, anon
         using (app_private.tenant_accepts_writes(tenant_id))', target);
    execute format(
      'create policy "an inactive tenant''s rows are not removed" on public.%I as restrictive for delete to authenticated, anon
         using (app_private.tenant_accepts_writes(tenant_id))', target);
  end loop;
end;
$$;

-- Whether the caller is in one of `groups` of tenant `tid`: the one test documents,
-- advisors and shares use.
create or replace function app_private.caller_in_groups(tid uuid, groups uuid[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_group_members m
    where m.tenant_id = tid and m.user_id = (select auth.uid()) and m.group_id = any (groups)
  ) and app_private.caller_role(tid) is not null
$$;
revoke all on function app_private.caller_in_groups(uuid, uuid[]) from public;
grant execute on function app_private.caller_in_groups(uuid, uuid[]) to anon, authenticated, service_role;
