-- A chunk's text index, computed once per write and in one place.
--
-- lexeme_count (the BM25 document length) is a function of fts alone, so the database
-- derives it: a stored generated column can never disagree with its tsvector, and no
-- trigger computes the tsvector a second time to fill it. The two re-index triggers (a
-- document's title, a tenant's language) were near-copies; both now call one function
-- that sets fts, once per chunk. Search reads the same values as before.

alter table public.tenant_knowledge_chunks drop column lexeme_count;
alter table public.tenant_knowledge_chunks
  add column lexeme_count int not null generated always as (app_private.tsvector_length(fts)) stored;

create or replace function app_private.index_chunk_text() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_title text;
  v_config regconfig;
begin
  select k.title, t.content_language::regconfig into v_title, v_config
  from public.tenant_knowledge k join public.tenants t on t.id = k.tenant_id
  where k.tenant_id = new.tenant_id and k.id = new.knowledge_id;
  new.fts := app_private.chunk_tsvector(coalesce(v_config, 'simple'::regconfig), v_title, new.heading, new.content);
  return new;
end
$$;

-- The chunks of one tenant (all of them, or one document's) indexed again from the
-- current title and language; called after those changed.
create or replace function app_private.reindex_chunks_text(p_tenant_id uuid, p_knowledge_id uuid)
returns void
language sql security definer
set search_path = ''
as $$
  update public.tenant_knowledge_chunks c
     set fts = app_private.chunk_tsvector(t.content_language::regconfig, k.title, c.heading, c.content)
    from public.tenant_knowledge k join public.tenants t on t.id = k.tenant_id
   where k.tenant_id = p_tenant_id and (p_knowledge_id is null or k.id = p_knowledge_id)
     and c.tenant_id = k.tenant_id and c.knowledge_id = k.id;
$$;
revoke all on function app_private.reindex_chunks_text(uuid, uuid) from public;

create or replace function app_private.reindex_document_text() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.reindex_chunks_text(new.tenant_id, new.id);
  return null;
end
$$;

create or replace function app_private.reindex_tenant_text() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.reindex_chunks_text(new.id, null);
  return null;
end
$$;
