-- The full-text side of retrieval, rebuilt for BM25.
--
-- Each chunk's tsvector now holds its document's title and its heading path as well as
-- its text (a question often names the document, not the sentence), and follows the
-- tenant's content language. A generated column cannot read other tables, so a trigger
-- fills it, and triggers on the title and on the language keep it current.
--
-- BM25 needs per-tenant statistics: how many chunks, how long on average, and in how many
-- chunks each lexeme occurs. Statement-level triggers on the chunks table keep them in
-- the same transaction as the chunks themselves, whatever path inserts or deletes them
-- (uploads, cascades, tests, benchmarks). Every write locks the tenant's row of
-- tenant_search_stats first, so concurrent uploads to one tenant queue instead of
-- deadlocking on lexeme rows.

-- Pure helpers without a SET clause, so that the planner can inline them.
create or replace function app_private.chunk_tsvector(config regconfig, title text, heading text, content text)
returns tsvector
language sql immutable parallel safe
as $$
  select pg_catalog.to_tsvector(config,
    coalesce(title, '') || E'\n' || coalesce(heading, '') || E'\n' || coalesce(content, ''))
$$;

-- Words in the chunk (stop words excluded), the document length of BM25.
create or replace function app_private.tsvector_length(v tsvector)
returns int
language sql immutable parallel safe
as $$
  select coalesce(sum(coalesce(pg_catalog.cardinality(u.positions), 1)), 0)::int from pg_catalog.unnest(v) u
$$;

revoke all on function app_private.chunk_tsvector(regconfig, text, text, text) from public;
revoke all on function app_private.tsvector_length(tsvector) from public;
grant execute on function app_private.chunk_tsvector(regconfig, text, text, text) to anon, authenticated, service_role;
grant execute on function app_private.tsvector_length(tsvector) to anon, authenticated, service_role;

alter table public.tenant_knowledge_chunks drop column fts;
alter table public.tenant_knowledge_chunks add column fts tsvector;
alter table public.tenant_knowledge_chunks add column lexeme_count int not null default 0;

-- security definer: the title and language are read whoever inserts (RLS already decided
-- that they may insert this tenant's chunk, and the foreign key that the document is its).
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
  new.lexeme_count := app_private.tsvector_length(new.fts);
  return new;
end
$$;
revoke all on function app_private.index_chunk_text() from public;

create trigger tenant_knowledge_chunks_index_text before insert or update of heading, content
  on public.tenant_knowledge_chunks
  for each row execute function app_private.index_chunk_text();

create or replace function app_private.reindex_document_text() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.tenant_knowledge_chunks c
     set fts = app_private.chunk_tsvector(t.content_language::regconfig, new.title, c.heading, c.content),
         lexeme_count = app_private.tsvector_length(
           app_private.chunk_tsvector(t.content_language::regconfig, new.title, c.heading, c.content))
    from public.tenants t
   where t.id = new.tenant_id and c.tenant_id = new.tenant_id and c.knowledge_id = new.id;
  return null;
end
$$;
revoke all on function app_private.reindex_document_text() from public;

create trigger tenant_knowledge_reindex_title after update of title on public.tenant_knowledge
  for each row when (old.title is distinct from new.title)
  execute function app_private.reindex_document_text();

create or replace function app_private.reindex_tenant_text() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.tenant_knowledge_chunks c
     set fts = app_private.chunk_tsvector(new.content_language::regconfig, k.title, c.heading, c.content),
         lexeme_count = app_private.tsvector_length(
           app_private.chunk_tsvector(new.content_language::regconfig, k.title, c.heading, c.content))
    from public.tenant_knowledge k
   where k.tenant_id = new.id and c.tenant_id = new.id and c.knowledge_id = k.id;
  return null;
end
$$;
revoke all on function app_private.reindex_tenant_text() from public;

create trigger tenants_reindex_language after update of content_language on public.tenants
  for each row when (old.content_language is distinct from new.content_language)
  execute function app_private.reindex_tenant_text();

update public.tenant_knowledge_chunks c
   set fts = app_private.chunk_tsvector(t.content_language::regconfig, k.title, c.heading, c.content)
  from public.tenant_knowledge k join public.tenants t on t.id = k.tenant_id
 where k.tenant_id = c.tenant_id and k.id = c.knowledge_id;
update public.tenant_knowledge_chunks set lexeme_count = app_private.tsvector_length(fts);

create index tenant_knowledge_chunks_fts_idx on public.tenant_knowledge_chunks using gin (fts);

create table public.tenant_search_stats (
  tenant_id uuid primary key references public.tenants (id) on delete cascade,
  chunk_count bigint not null default 0,
  lexeme_total bigint not null default 0
);

create table public.tenant_lexeme_stats (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  lexeme text not null,
  chunk_count int not null,
  primary key (tenant_id, lexeme)
);

alter table public.tenant_search_stats enable row level security;
alter table public.tenant_lexeme_stats enable row level security;

-- Read by the search function under the caller's RLS; written only by the triggers below.
revoke all on public.tenant_search_stats, public.tenant_lexeme_stats from anon, authenticated;
grant select on public.tenant_search_stats, public.tenant_lexeme_stats to anon, authenticated;
grant all on public.tenant_search_stats, public.tenant_lexeme_stats to service_role;

create policy "members and platform admins read search statistics"
  on public.tenant_search_stats for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors read the search statistics of the public tenant they visit"
  on public.tenant_search_stats for select to anon
  using (tenant_id = (select app_private.visitor_tenant_id()));
create policy "members and platform admins read lexeme statistics"
  on public.tenant_lexeme_stats for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors read the lexeme statistics of the public tenant they visit"
  on public.tenant_lexeme_stats for select to anon
  using (tenant_id = (select app_private.visitor_tenant_id()));

-- The statistics of a set of chunks (parallel arrays: tenant, length, tsvector) added to
-- or removed from their tenants'. The tenant rows are written first, in tenant order:
-- they serialise the writers of one tenant. Removal only subtracts, never inserts: when a
-- tenant is deleted its statistics go by cascade and must not be recreated.
create or replace function app_private.add_chunk_statistics(p_tenants uuid[], p_lengths int[], p_fts tsvector[])
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.tenant_search_stats as s (tenant_id, chunk_count, lexeme_total)
  select c.tenant_id, count(*), sum(c.len)
    from unnest(p_tenants, p_lengths) c(tenant_id, len)
   group by 1 order by 1
  on conflict (tenant_id) do update
    set chunk_count = s.chunk_count + excluded.chunk_count, lexeme_total = s.lexeme_total + excluded.lexeme_total;
  insert into public.tenant_lexeme_stats as s (tenant_id, lexeme, chunk_count)
  select c.tenant_id, l.lexeme, count(*)
    from unnest(p_tenants, p_fts) c(tenant_id, fts)
    cross join lateral pg_catalog.unnest(pg_catalog.tsvector_to_array(c.fts)) l(lexeme)
   group by 1, 2 order by 1, 2
  on conflict (tenant_id, lexeme) do update set chunk_count = s.chunk_count + excluded.chunk_count;
$$;

create or replace function app_private.remove_chunk_statistics(p_tenants uuid[], p_lengths int[], p_fts tsvector[])
returns void
language sql security definer
set search_path = ''
as $$
  update public.tenant_search_stats s
     set chunk_count = s.chunk_count - p.chunks, lexeme_total = s.lexeme_total - p.lexemes
    from (select c.tenant_id, count(*) as chunks, sum(c.len) as lexemes
            from unnest(p_tenants, p_lengths) c(tenant_id, len) group by 1) p
   where s.tenant_id = p.tenant_id;
  update public.tenant_lexeme_stats s set chunk_count = s.chunk_count - p.chunks
    from (select c.tenant_id, l.lexeme, count(*) as chunks
            from unnest(p_tenants, p_fts) c(tenant_id, fts)
            cross join lateral pg_catalog.unnest(pg_catalog.tsvector_to_array(c.fts)) l(lexeme)
           group by 1, 2) p
   where s.tenant_id = p.tenant_id and s.lexeme = p.lexeme;
$$;

revoke all on function app_private.add_chunk_statistics(uuid[], int[], tsvector[]) from public;
revoke all on function app_private.remove_chunk_statistics(uuid[], int[], tsvector[]) from public;

create or replace function app_private.count_inserted_chunks() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.add_chunk_statistics(array_agg(n.tenant_id), array_agg(n.lexeme_count), array_agg(n.fts))
     from new_chunks n having count(*) > 0;
  return null;
end
$$;

create or replace function app_private.count_deleted_chunks() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.remove_chunk_statistics(array_agg(o.tenant_id), array_agg(o.lexeme_count), array_agg(o.fts))
     from old_chunks o having count(*) > 0;
  return null;
end
$$;

-- Re-embedding updates chunks too; only rows whose text index changed are counted again.
create or replace function app_private.count_updated_chunks() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.add_chunk_statistics(array_agg(n.tenant_id), array_agg(n.lexeme_count), array_agg(n.fts))
     from old_chunks o join new_chunks n on n.id = o.id
    where n.fts is distinct from o.fts
   having count(*) > 0;
  perform app_private.remove_chunk_statistics(array_agg(o.tenant_id), array_agg(o.lexeme_count), array_agg(o.fts))
     from old_chunks o join new_chunks n on n.id = o.id
    where n.fts is distinct from o.fts
   having count(*) > 0;
  return null;
end
$$;

revoke all on function app_private.count_inserted_chunks() from public;
revoke all on function app_private.count_deleted_chunks() from public;
revoke all on function app_private.count_updated_chunks() from public;

create trigger tenant_knowledge_chunks_count_inserted after insert on public.tenant_knowledge_chunks
  referencing new table as new_chunks
  for each statement execute function app_private.count_inserted_chunks();
create trigger tenant_knowledge_chunks_count_updated after update on public.tenant_knowledge_chunks
  referencing old table as old_chunks new table as new_chunks
  for each statement execute function app_private.count_updated_chunks();
create trigger tenant_knowledge_chunks_count_deleted after delete on public.tenant_knowledge_chunks
  referencing old table as old_chunks
  for each statement execute function app_private.count_deleted_chunks();

insert into public.tenant_search_stats (tenant_id, chunk_count, lexeme_total)
select c.tenant_id, count(*), sum(c.lexeme_count) from public.tenant_knowledge_chunks c group by 1;
insert into public.tenant_lexeme_stats (tenant_id, lexeme, chunk_count)
select c.tenant_id, l.lexeme, count(*)
  from public.tenant_knowledge_chunks c cross join lateral pg_catalog.unnest(pg_catalog.tsvector_to_array(c.fts)) l(lexeme)
 group by 1, 2;
