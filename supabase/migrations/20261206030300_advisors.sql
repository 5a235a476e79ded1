-- Advisors: a tenant's assistants. The engine is shared; an advisor has a name, a colour,
-- personality overrides on top of the tenant's voice, starter questions, a knowledge scope
-- (collections) and an audience (every member, roles, groups, named members). A tenant
-- advisor (owner_id null) is kept by the tenant's admins; a personal advisor belongs to a
-- member, where the tenant allows them (tenants.allow_personal_advisors), and is used by
-- its owner and whoever it is shared with (20261206030400, which also completes
-- may_use_advisor with shares). Each conversation records the advisor it was had with.

alter table public.tenants add column allow_personal_advisors boolean not null default false;
grant update (allow_personal_advisors) on public.tenants to authenticated;

create table public.tenant_advisors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  owner_id uuid,
  name text not null check (char_length(btrim(name)) between 1 and 80 and name = btrim(name)),
  color text check (color is null or color ~ '^#[0-9a-f]{6}$'),
  -- Overrides of the tenant's personality (name, responseStyle, specialtyAreas, prohibitedTopics).
  personality jsonb not null default '{}' check (jsonb_typeof(personality) = 'object' and octet_length(personality::text) <= 8000),
  starter_questions text[] not null default '{}' check (cardinality(starter_questions) <= 6),
  visible_to_all boolean not null default false,
  visible_roles text[] not null default '{}' check (visible_roles <@ array['admin', 'user', 'viewer']::text[]),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, id, owner_id),
  foreign key (tenant_id, owner_id) references public.tenant_users (tenant_id, user_id) on delete cascade
);
create index tenant_advisors_tenant_idx on public.tenant_advisors (tenant_id, name);

create trigger tenant_advisors_touch_updated_at before update on public.tenant_advisors
  for each row execute function app_private.touch_updated_at();

create table public.tenant_advisor_collections (
  tenant_id uuid not null,
  advisor_id uuid not null,
  collection_id uuid not null,
  primary key (advisor_id, collection_id),
  foreign key (tenant_id, advisor_id) references public.tenant_advisors (tenant_id, id) on delete cascade,
  foreign key (tenant_id, collection_id) references public.tenant_collections (tenant_id, id) on delete cascade
);

create table public.tenant_advisor_groups (
  tenant_id uuid not null,
  advisor_id uuid not null,
  group_id uuid not null,
  primary key (advisor_id, group_id),
  foreign key (tenant_id, advisor_id) references public.tenant_advisors (tenant_id, id) on delete cascade,
  foreign key (tenant_id, group_id) references public.tenant_groups (tenant_id, id) on delete cascade
);

create table public.tenant_advisor_members (
  tenant_id uuid not null,
  advisor_id uuid not null,
  user_id uuid not null,
  primary key (advisor_id, user_id),
  foreign key (tenant_id, advisor_id) references public.tenant_advisors (tenant_id, id) on delete cascade,
  foreign key (tenant_id, user_id) references public.tenant_users (tenant_id, user_id) on delete cascade
);

-- Who keeps advisor `aid`: the tenant's admins (and platform admins) a tenant advisor,
-- its owner a personal one.
create or replace function app_private.manages_advisor(tid uuid, aid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_advisors a
    where a.tenant_id = tid and a.id = aid
      and case when a.owner_id is null then app_private.is_platform_admin() or app_private.caller_role(tid) = 'admin'
               else a.owner_id = (select auth.uid()) and app_private.caller_role(tid) is not null end
  )
$$;

-- Who may use an advisor (pick it in the chat, ask with it, see its scope), from the
-- advisor row's own columns: the select policy reads them, so an advisor just inserted is
-- returned to whoever inserted it (a lookup by id would not see the row yet).
create or replace function app_private.advisor_usable(tid uuid, aid uuid, owner uuid, to_all boolean, roles text[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(case
    when owner is not null then owner = (select auth.uid()) and app_private.caller_role(tid) is not null
    else app_private.is_platform_admin() or app_private.caller_role(tid) = 'admin'
      or (app_private.caller_role(tid) is not null
        and (to_all
          or app_private.caller_role(tid) = any (roles)
          or exists (select 1 from public.tenant_advisor_members m where m.advisor_id = aid and m.user_id = (select auth.uid()))
          or app_private.caller_in_groups(tid, array(select g.group_id from public.tenant_advisor_groups g where g.advisor_id = aid))))
  end, false)
$$;

create or replace function app_private.may_use_advisor(tid uuid, aid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_advisors a
    where a.tenant_id = tid and a.id = aid
      and app_private.advisor_usable(a.tenant_id, a.id, a.owner_id, a.visible_to_all, a.visible_roles)
  )
$$;

-- Whether the caller may add a personal advisor in tenant `tid`.
create or replace function app_private.may_add_personal_advisor(tid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select app_private.role_rank(app_private.caller_role(tid)) >= app_private.role_rank('user')
    and coalesce((select t.allow_personal_advisors from public.tenants t where t.id = tid), false)
$$;

revoke all on function app_private.advisor_usable(uuid, uuid, uuid, boolean, text[]) from public;
grant execute on function app_private.advisor_usable(uuid, uuid, uuid, boolean, text[]) to anon, authenticated, service_role;
revoke all on function app_private.manages_advisor(uuid, uuid) from public;
revoke all on function app_private.may_use_advisor(uuid, uuid) from public;
revoke all on function app_private.may_add_personal_advisor(uuid) from public;
grant execute on function app_private.manages_advisor(uuid, uuid) to anon, authenticated, service_role;
grant execute on function app_private.may_use_advisor(uuid, uuid) to anon, authenticated, service_role;
grant execute on function app_private.may_add_personal_advisor(uuid) to anon, authenticated, service_role;

alter table public.tenant_advisors enable row level security;
alter table public.tenant_advisor_collections enable row level security;
alter table public.tenant_advisor_groups enable row level security;
alter table public.tenant_advisor_members enable row level security;
revoke all on public.tenant_advisors, public.tenant_advisor_collections, public.tenant_advisor_groups,
  public.tenant_advisor_members from anon, authenticated;
grant select, delete on public.tenant_advisors to authenticated;
grant insert (tenant_id, owner_id, name, color, personality, starter_questions, visible_to_all, visible_roles)
  on public.tenant_advisors to authenticated;
grant update (name, color, personality, starter_questions, visible_to_all, visible_roles)
  on public.tenant_advisors to authenticated;
grant select, insert, delete on public.tenant_advisor_collections, public.tenant_advisor_groups,
  public.tenant_advisor_members to authenticated;
grant all on public.tenant_advisors, public.tenant_advisor_collections, public.tenant_advisor_groups,
  public.tenant_advisor_members to service_role;

create policy "members read the advisors they may use"
  on public.tenant_advisors for select to authenticated
  using (app_private.advisor_usable(tenant_id, id, owner_id, visible_to_all, visible_roles));
create policy "tenant admins add tenant advisors, members personal ones where allowed"
  on public.tenant_advisors for insert to authenticated
  with check (case when owner_id is null
    then (select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin')))
    else owner_id = (select auth.uid()) and app_private.may_add_personal_advisor(tenant_id)
      and not visible_to_all and cardinality(visible_roles) = 0 end);
create policy "the keepers of an advisor change it"
  on public.tenant_advisors for update to authenticated
  using (app_private.manages_advisor(tenant_id, id))
  with check (owner_id is null or not visible_to_all and cardinality(visible_roles) = 0);
create policy "the keepers of an advisor remove it"
  on public.tenant_advisors for delete to authenticated
  using (app_private.manages_advisor(tenant_id, id));

-- A personal advisor's scope is its owner's private documents (which need no collection);
-- only tenant advisors get collections and an audience (personal ones are shared instead).
create policy "users of an advisor read its collections"
  on public.tenant_advisor_collections for select to authenticated
  using (app_private.may_use_advisor(tenant_id, advisor_id));
create policy "the keepers of a tenant advisor set its collections"
  on public.tenant_advisor_collections for insert to authenticated
  with check (app_private.manages_advisor(tenant_id, advisor_id));
create policy "the keepers of a tenant advisor unset its collections"
  on public.tenant_advisor_collections for delete to authenticated
  using (app_private.manages_advisor(tenant_id, advisor_id));

do $$
declare
  target text;
begin
  foreach target in array array['tenant_advisor_groups', 'tenant_advisor_members'] loop
    execute format(
      'create policy "the keepers of an advisor read its audience" on public.%I for select to authenticated
         using (app_private.manages_advisor(tenant_id, advisor_id))', target);
    execute format(
      'create policy "the keepers of a tenant advisor set its audience" on public.%I for insert to authenticated
         with check (app_private.manages_advisor(tenant_id, advisor_id)
           and exists (select 1 from public.tenant_advisors a where a.id = advisor_id and a.owner_id is null))', target);
    execute format(
      'create policy "the keepers of a tenant advisor unset its audience" on public.%I for delete to authenticated
         using (app_private.manages_advisor(tenant_id, advisor_id))', target);
  end loop;
  foreach target in array array['tenant_advisors', 'tenant_advisor_collections', 'tenant_advisor_groups', 'tenant_advisor_members'] loop
    execute format(
      'create policy "an inactive tenant takes no new rows" on public.%I as restrictive for insert to authenticated, anon
         with check (app_private.tenant_accepts_writes(tenant_id))', target);
    execute format(
      'create policy "an inactive tenant''s rows are not removed" on public.%I as restrictive for delete to authenticated, anon
         using (app_private.tenant_accepts_writes(tenant_id))', target);
  end loop;
end;
$$;
create policy "an inactive tenant's rows are not changed" on public.tenant_advisors
  as restrictive for update to authenticated, anon using (app_private.tenant_accepts_writes(tenant_id));

-- The advisor a conversation was had with; a conversation outlives its advisor.
alter table public.tenant_conversations add column advisor_id uuid;
alter table public.tenant_conversations add constraint tenant_conversations_advisor_fkey
  foreign key (tenant_id, advisor_id) references public.tenant_advisors (tenant_id, id) on delete set null (advisor_id);
create policy "a conversation is had with an advisor its owner may use"
  on public.tenant_conversations as restrictive for insert to authenticated, anon
  with check (advisor_id is null or app_private.may_use_advisor(tenant_id, advisor_id));
