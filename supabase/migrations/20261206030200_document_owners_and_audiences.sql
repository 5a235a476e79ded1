-- Who a document is for.
--
-- A tenant document (owner_id null) is in one of the tenant's collections and has an
-- audience: every member ('members', as all documents had until now), the tenant's admins
-- only ('admins'), or the groups listed in tenant_knowledge_groups ('groups'; admins read
-- these too). A member's personal document (owner_id set) is in no collection and private
-- to its owner until shared (20261206030400); not even a tenant admin or a platform admin
-- reads it. It is a row of the same table, so the storage triggers count its bytes
-- against the tenant like any document, and it goes with its owner's membership (the
-- foreign key cascades: leaving the tenant or erasing the account removes it and, by the
-- chunks' own cascade, its chunks).
--
-- The read rule itself is 20261206030500's; here are the columns and who may write.

alter table public.tenant_knowledge add column owner_id uuid;
alter table public.tenant_knowledge add column visibility text not null default 'members'
  check (visibility in ('members', 'admins', 'groups'));
alter table public.tenant_knowledge add constraint tenant_knowledge_owner_fkey
  foreign key (tenant_id, owner_id) references public.tenant_users (tenant_id, user_id) on delete cascade;
alter table public.tenant_knowledge add constraint tenant_knowledge_filed_once
  check (case when owner_id is null then collection_id is not null else collection_id is null and visibility = 'members' end);
-- Shares name a document with its owner, so the database itself keeps a share to the owner's own document.
alter table public.tenant_knowledge add constraint tenant_knowledge_tenant_id_id_owner_id_key unique (tenant_id, id, owner_id);
create index tenant_knowledge_owner_idx on public.tenant_knowledge (tenant_id, owner_id) where owner_id is not null;
-- The documents whose readers are not simply "the tenant's people": the read rule lists these.
create index tenant_knowledge_restricted_idx on public.tenant_knowledge (tenant_id)
  where owner_id is not null or visibility <> 'members';

-- The same text is one tenant document, and one personal document per member: a member's
-- private copy neither collides with nor reveals the tenant's (or another member's).
alter table public.tenant_knowledge drop constraint tenant_knowledge_tenant_id_content_hash_key;
create unique index tenant_knowledge_tenant_hash_idx on public.tenant_knowledge (tenant_id, content_hash) where owner_id is null;
create unique index tenant_knowledge_owner_hash_idx on public.tenant_knowledge (tenant_id, owner_id, content_hash)
  where owner_id is not null;

grant update (visibility) on public.tenant_knowledge to authenticated;

create or replace function app_private.file_in_default_collection() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.collection_id is null and new.owner_id is null then
    select c.id into new.collection_id from public.tenant_collections c where c.tenant_id = new.tenant_id and c.is_default;
  end if;
  return new;
end
$$;

-- Whether the caller owns document `kid` of tenant `tid` (and is still its member).
create or replace function app_private.owns_document(tid uuid, kid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_knowledge k
    where k.tenant_id = tid and k.id = kid and k.owner_id = (select auth.uid())
  ) and app_private.caller_role(tid) is not null
$$;
revoke all on function app_private.owns_document(uuid, uuid) from public;
grant execute on function app_private.owns_document(uuid, uuid) to anon, authenticated, service_role;

-- Whether the caller may write to document `kid` at all as far as ownership goes: a
-- tenant document (the other policies decide who), or their own personal one.
create or replace function app_private.may_write_document(tid uuid, kid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select k.owner_id is null or k.owner_id = (select auth.uid())
    from public.tenant_knowledge k where k.tenant_id = tid and k.id = kid
  ), true)
$$;
revoke all on function app_private.may_write_document(uuid, uuid) from public;
grant execute on function app_private.may_write_document(uuid, uuid) to anon, authenticated, service_role;

-- Members (not viewers) add personal documents of their own, with their chunks; they
-- remove them. Nobody writes another person's personal document: an admin's policies
-- above stop at owner_id.
create policy "members add their own personal documents"
  on public.tenant_knowledge for insert to authenticated
  with check (owner_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('user'))));
create policy "owners remove their own personal documents"
  on public.tenant_knowledge for delete to authenticated
  using (owner_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "personal documents are written by their owner alone"
  on public.tenant_knowledge as restrictive for insert to authenticated, anon
  with check (owner_id is null or owner_id = (select auth.uid()));
create policy "personal documents are changed by their owner alone"
  on public.tenant_knowledge as restrictive for update to authenticated, anon
  using (owner_id is null or owner_id = (select auth.uid()))
  with check (owner_id is null or owner_id = (select auth.uid()));
create policy "personal documents are removed by their owner alone"
  on public.tenant_knowledge as restrictive for delete to authenticated, anon
  using (owner_id is null or owner_id = (select auth.uid()));

create policy "owners add the chunks of their own personal documents"
  on public.tenant_knowledge_chunks for insert to authenticated
  with check (app_private.owns_document(tenant_id, knowledge_id));
create policy "chunks of personal documents are written by their owner alone"
  on public.tenant_knowledge_chunks as restrictive for insert to authenticated, anon
  with check (app_private.may_write_document(tenant_id, knowledge_id));

-- The groups of a document whose audience is 'groups'; kept by the tenant's admins.
create table public.tenant_knowledge_groups (
  tenant_id uuid not null,
  knowledge_id uuid not null,
  group_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (knowledge_id, group_id),
  foreign key (tenant_id, knowledge_id) references public.tenant_knowledge (tenant_id, id) on delete cascade,
  foreign key (tenant_id, group_id) references public.tenant_groups (tenant_id, id) on delete cascade
);
create index tenant_knowledge_groups_group_idx on public.tenant_knowledge_groups (group_id);

alter table public.tenant_knowledge_groups enable row level security;
revoke all on public.tenant_knowledge_groups from anon, authenticated;
grant select, insert, delete on public.tenant_knowledge_groups to authenticated;
grant all on public.tenant_knowledge_groups to service_role;

create policy "tenant admins and platform admins read document groups"
  on public.tenant_knowledge_groups for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins give documents to groups"
  on public.tenant_knowledge_groups for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins take documents from groups"
  on public.tenant_knowledge_groups for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "an inactive tenant takes no new rows" on public.tenant_knowledge_groups
  as restrictive for insert to authenticated, anon with check (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's rows are not removed" on public.tenant_knowledge_groups
  as restrictive for delete to authenticated, anon using (app_private.tenant_accepts_writes(tenant_id));
