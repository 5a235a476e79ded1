-- Collections: a tenant's knowledge is grouped into named collections, so an advisor can be
-- given a part of it. Every tenant has one default collection ("General"), made with the
-- tenant; it holds every document that names no collection, including all documents that
-- existed before collections did. A document of the tenant is always in exactly one of its
-- own collections (the foreign key carries tenant_id); a member's personal document
-- (20261206030200) is in none.

create table public.tenant_collections (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 80 and name = btrim(name)),
  is_default boolean not null default false,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create unique index tenant_collections_name_idx on public.tenant_collections (tenant_id, lower(name));
create unique index tenant_collections_one_default_idx on public.tenant_collections (tenant_id) where is_default;

create trigger tenant_collections_touch_updated_at before update on public.tenant_collections
  for each row execute function app_private.touch_updated_at();

alter table public.tenant_collections enable row level security;
revoke all on public.tenant_collections from anon, authenticated;
grant select on public.tenant_collections to anon, authenticated;
grant insert (tenant_id, name) on public.tenant_collections to authenticated;
grant update (name) on public.tenant_collections to authenticated;
grant delete on public.tenant_collections to authenticated;
grant all on public.tenant_collections to service_role;

-- Members see the names (an answer's sources say which collection they came from); visitors
-- of a public tenant see that tenant's; admins keep them. The default collection stays.
create policy "members and platform admins read collections"
  on public.tenant_collections for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors read the collections of the public tenant they visit"
  on public.tenant_collections for select to anon
  using (tenant_id = (select app_private.visitor_tenant_id()));
create policy "tenant admins and platform admins add collections"
  on public.tenant_collections for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins rename collections"
  on public.tenant_collections for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins remove collections other than the default"
  on public.tenant_collections for delete to authenticated
  using (not is_default
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin')))));
create policy "an inactive tenant takes no new rows" on public.tenant_collections
  as restrictive for insert to authenticated, anon with check (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's rows are not changed" on public.tenant_collections
  as restrictive for update to authenticated, anon using (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's rows are not removed" on public.tenant_collections
  as restrictive for delete to authenticated, anon using (app_private.tenant_accepts_writes(tenant_id));

-- The default collection comes with the tenant, whoever creates it.
create or replace function app_private.create_default_collection() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.tenant_collections (tenant_id, name, is_default, created_by) values (new.id, 'General', true, null);
  return new;
end
$$;
revoke all on function app_private.create_default_collection() from public;

create trigger tenants_create_default_collection after insert on public.tenants
  for each row execute function app_private.create_default_collection();

insert into public.tenant_collections (tenant_id, name, is_default, created_by)
select t.id, 'General', true, null from public.tenants t;

alter table public.tenant_knowledge add column collection_id uuid;
alter table public.tenant_knowledge add constraint tenant_knowledge_collection_fkey
  foreign key (tenant_id, collection_id) references public.tenant_collections (tenant_id, id);
create index tenant_knowledge_collection_idx on public.tenant_knowledge (tenant_id, collection_id);

update public.tenant_knowledge k set collection_id = c.id
  from public.tenant_collections c where c.tenant_id = k.tenant_id and c.is_default;

-- A document that names no collection goes to the default one: every way documents are
-- added (the dashboard, uploads, API keys, the demo seed) keeps working unchanged.
create or replace function app_private.file_in_default_collection() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.collection_id is null then
    select c.id into new.collection_id from public.tenant_collections c where c.tenant_id = new.tenant_id and c.is_default;
  end if;
  return new;
end
$$;
revoke all on function app_private.file_in_default_collection() from public;

create trigger tenant_knowledge_file_in_default_collection before insert on public.tenant_knowledge
  for each row execute function app_private.file_in_default_collection();

-- Moving a document is changing its collection (to one of the same tenant: the foreign key).
grant update (collection_id) on public.tenant_knowledge to authenticated;
