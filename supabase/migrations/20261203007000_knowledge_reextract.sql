-- Re-extraction: a job (kind 'reextract') reads a document's stored original again and
-- replaces the document's text and chunks in the transaction that finishes it. The job
-- names its document in document_id (the original is the one linked to it), so tenant
-- admins may set that column when they enqueue; the foreign key keeps it in their tenant.
--
-- A document's text can now change in place, so its size is recomputed on every update
-- (never taken from the writer) and the tenant's storage adjusted by the difference
-- (OR413 when it grows past the limit), as on insert and delete.

alter table public.knowledge_jobs drop constraint knowledge_jobs_kind_check;
alter table public.knowledge_jobs add constraint knowledge_jobs_kind_check
  check (kind in ('ingest', 'reindex', 'reextract'));

-- One re-extraction per document at a time: a second request joins the running one.
create unique index knowledge_jobs_one_reextract_idx on public.knowledge_jobs (tenant_id, document_id)
  where kind = 'reextract' and status in ('queued', 'extracting', 'embedding');

grant insert (document_id) on public.knowledge_jobs to authenticated;

create or replace function app_private.recount_knowledge_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.byte_size <> old.byte_size then
    perform app_private.adjust_storage(new.tenant_id, new.byte_size - old.byte_size);
  end if;
  return new;
end
$$;

create trigger tenant_knowledge_set_byte_size_on_update before update on public.tenant_knowledge
  for each row execute function app_private.set_knowledge_byte_size();

create trigger tenant_knowledge_recount_storage after update on public.tenant_knowledge
  for each row execute function app_private.recount_knowledge_storage();

revoke all on function app_private.recount_knowledge_storage() from public;
