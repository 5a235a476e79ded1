-- The uploaded files themselves, kept so tenant admins can download them and jobs can
-- read (and re-read) them. An original is stored when the upload arrives, before any
-- job runs; the job links it to the document it becomes, and the original goes when
-- the document goes. Its bytes count towards the tenant's storage like the document's
-- text, through the same adjust_storage, so a full tenant's upload is refused (OR413)
-- before any work starts.

create table public.tenant_knowledge_originals (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  knowledge_id uuid,
  file_name text not null check (char_length(file_name) between 1 and 255),
  media_type text not null check (char_length(media_type) between 1 and 200),
  content bytea not null,
  byte_size bigint not null default 0,
  sha256 text not null default '',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (knowledge_id),
  foreign key (tenant_id, knowledge_id) references public.tenant_knowledge (tenant_id, id) on delete cascade
);
create index tenant_knowledge_originals_tenant_sha_idx on public.tenant_knowledge_originals (tenant_id, sha256);

-- Size and digest are computed here, never taken from the caller.
create or replace function app_private.set_original_size() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.byte_size := pg_catalog.octet_length(new.content);
  new.sha256 := pg_catalog.encode(pg_catalog.sha256(new.content), 'hex');
  return new;
end
$$;

create or replace function app_private.count_original_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform app_private.adjust_storage(new.tenant_id, new.byte_size);
    return new;
  end if;
  if exists (select 1 from public.tenants t where t.id = old.tenant_id) then
    perform app_private.adjust_storage(old.tenant_id, -old.byte_size);
  end if;
  return old;
end
$$;

create trigger tenant_knowledge_originals_set_size before insert on public.tenant_knowledge_originals
  for each row execute function app_private.set_original_size();
create trigger tenant_knowledge_originals_count_storage after insert or delete on public.tenant_knowledge_originals
  for each row execute function app_private.count_original_storage();

revoke all on function app_private.set_original_size() from public;
revoke all on function app_private.count_original_storage() from public;

alter table public.tenant_knowledge_originals enable row level security;

revoke all on public.tenant_knowledge_originals from anon, authenticated;
grant select, delete on public.tenant_knowledge_originals to authenticated;
grant insert (tenant_id, file_name, media_type, content) on public.tenant_knowledge_originals to authenticated;
grant all on public.tenant_knowledge_originals to service_role;

create policy "tenant admins and platform admins read originals"
  on public.tenant_knowledge_originals for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins upload originals"
  on public.tenant_knowledge_originals for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins delete originals"
  on public.tenant_knowledge_originals for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
