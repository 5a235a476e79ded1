-- With Supabase configured, an original's bytes live in a private Supabase Storage bucket
-- and its row here keeps what RLS and the storage count need: tenant, name, type, size,
-- digest, and the object's path (content stays empty). Only the server records an object
-- (the API roles have no column grant on object_path, and the size trigger refuses them
-- one): the size it states is what it uploaded, counted through adjust_storage.
alter table public.tenant_knowledge_originals
  add column object_path text check (object_path is null or char_length(object_path) between 1 and 300);

-- Body of 20261201003000_knowledge_originals.sql, now skipping rows kept as objects.
create or replace function app_private.set_original_size() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.object_path is null then
    new.byte_size := pg_catalog.octet_length(new.content);
    new.sha256 := pg_catalog.encode(pg_catalog.sha256(new.content), 'hex');
  elsif current_user in ('authenticated', 'anon') then
    raise exception 'Only the server records an original kept in object storage.' using errcode = '42501';
  end if;
  return new;
end
$$;

-- An original inserted as an empty row and then moved to object storage by the server
-- (its path, size and digest set in one update; the API roles cannot update originals)
-- is counted for the size it now has, and refused (OR413) when that does not fit.
create or replace function app_private.recount_original_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.adjust_storage(new.tenant_id, new.byte_size - old.byte_size);
  return new;
end
$$;

create trigger tenant_knowledge_originals_recount_storage after update of byte_size on public.tenant_knowledge_originals
  for each row when (old.byte_size is distinct from new.byte_size)
  execute function app_private.recount_original_storage();

revoke all on function app_private.recount_original_storage() from public;
