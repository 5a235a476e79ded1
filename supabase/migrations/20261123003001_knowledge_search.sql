-- Hybrid retrieval over one tenant's knowledge chunks: pgvector cosine distance and
-- Postgres full-text rank, fused with reciprocal rank fusion (k = 60).
--
-- security invoker: the caller's RLS policies decide which rows exist, so a member sees
-- their tenants, a visitor the public tenant named in their claims, anyone else nothing.
-- p_tenant_id only narrows what RLS already allows; it can never widen it.
--
-- Recall for small tenants: an HNSW scan filtered by tenant_id post-filters the graph's
-- nearest neighbours, so a small tenant whose neighbours all belong to a big tenant gets
-- too few rows. Tenants with at most p_exact_max_chunks chunks are searched
-- exactly (the b-tree on (tenant_id, embedding_model) picks the rows, a materialised CTE
-- keeps the planner from using the HNSW index for the ordering); larger ones use HNSW
-- with iterative scans, bounded by hnsw.max_scan_tuples (and the caller's statement
-- timeout), then re-ranked exactly.
--
-- HNSW is reliable near the query and unreliable far from it, where every row is about
-- as distant as every other: a query about something this tenant has no knowledge of
-- gets a poor approximation of its (distant) nearest rows. So when the answer could
-- contain rows below p_far_similarity (the threshold lets them through and the HNSW
-- candidates do not fill the limit above it), the search is redone exactly. With the
-- usual thresholds an off-topic query returns nothing either way; the re-check only
-- costs time when a caller asks for distant rows. `strategy` reports the path taken:
-- 'exact', 'hnsw' or 'hnsw+exact'.
--
-- Which rows come back: those whose cosine similarity reaches p_match_threshold, plus
-- full-text hits that contain every query term (websearch_to_tsquery): an exact keyword
-- match such as a product code is kept even when the embedding misses it. Ranking uses
-- the lexemes ORed together, so long questions still get lexical candidates. Vectors are
-- compared only with vectors of the same model; chunks embedded by another model (before
-- a reindex) can still be found by full text, with similarity 0.
-- Touching a vector loads pgvector's library, which defines the hnsw.* settings the
-- function sets below; a role that is not superuser (Supabase's postgres) may not set
-- them while they are unknown placeholders.
select extensions.vector_dims('[1]'::extensions.vector);

create or replace function public.match_tenant_chunks(
  p_tenant_id uuid,
  p_query_embedding extensions.vector(1536),
  p_query_text text,
  p_model text,
  p_limit int default 5,
  p_match_threshold double precision default 0.2,
  p_category text default null,
  p_tags text[] default null,
  p_elemental_tags text[] default null,
  p_exact_max_chunks int default 5000,
  p_far_similarity double precision default 0.3
) returns table (
  chunk_id uuid,
  knowledge_id uuid,
  title text,
  heading text,
  content text,
  similarity double precision,
  fused_score double precision,
  strategy text
)
language plpgsql stable security invoker
set search_path = ''
-- Plan every call with its real tenant, so row estimates reflect that tenant's size.
set plan_cache_mode = 'force_custom_plan'
set hnsw.iterative_scan = 'relaxed_order'
set hnsw.ef_search = '200'
set hnsw.max_scan_tuples = '50000'
as $$
declare
  v_limit int := least(greatest(coalesce(p_limit, 5), 1), 50);
  v_pool int;
  v_filtered boolean := p_category is not null
    or coalesce(cardinality(p_tags), 0) > 0
    or coalesce(cardinality(p_elemental_tags), 0) > 0;
  v_documents uuid[];
  v_chunks int;
  v_ids uuid[];
  v_distances double precision[];
  v_strategy text;
  v_all_terms tsquery := pg_catalog.websearch_to_tsquery('english', coalesce(p_query_text, ''));
  v_any_term tsquery := pg_catalog.replace(
    pg_catalog.plainto_tsquery('english', coalesce(p_query_text, ''))::text, ' & ', ' | ')::tsquery;
begin
  v_pool := greatest(v_limit * 4, 40);

  if v_filtered then
    select coalesce(pg_catalog.array_agg(k.id), '{}') into v_documents
    from public.tenant_knowledge k
    where k.tenant_id = p_tenant_id
      and (p_category is null or k.category = p_category)
      and (coalesce(cardinality(p_tags), 0) = 0 or k.tags operator(pg_catalog.&&) p_tags)
      and (coalesce(cardinality(p_elemental_tags), 0) = 0
        or k.elemental_tags operator(pg_catalog.&&) p_elemental_tags);
    if cardinality(v_documents) = 0 then
      return;
    end if;
  end if;

  -- The documents' own chunk counts size the tenant: summing a few document rows costs
  -- nothing, where counting chunk rows cost as much as a third of an exact search. Chunks
  -- of another model (awaiting a reindex) are counted too, which only errs towards HNSW.
  select coalesce(sum(k.chunk_count), 0) into v_chunks
  from public.tenant_knowledge k
  where k.tenant_id = p_tenant_id
    and (not v_filtered or k.id = any (v_documents));
  if v_chunks > p_exact_max_chunks then
    v_strategy := 'hnsw';
    with nearest as (
      select c.id, c.embedding operator(extensions.<=>) p_query_embedding as distance
      from public.tenant_knowledge_chunks c
      where c.tenant_id = p_tenant_id and c.embedding_model = p_model
        and (not v_filtered or c.knowledge_id = any (v_documents))
      order by c.embedding operator(extensions.<=>) p_query_embedding
      limit v_pool
    )
    -- relaxed_order returns neighbours slightly out of order: sort them exactly.
    select pg_catalog.array_agg(n.id order by n.distance), pg_catalog.array_agg(n.distance order by n.distance)
      into v_ids, v_distances
    from nearest n;
    if p_match_threshold < p_far_similarity
      and (coalesce(cardinality(v_distances), 0) < v_limit or 1 - v_distances[v_limit] < p_far_similarity) then
      v_strategy := 'hnsw+exact';
    end if;
  elsif v_chunks > 0 then
    v_strategy := 'exact';
  end if;

  if v_strategy in ('exact', 'hnsw+exact') then
    with scoped as materialized (
      select c.id, c.embedding operator(extensions.<=>) p_query_embedding as distance
      from public.tenant_knowledge_chunks c
      where c.tenant_id = p_tenant_id and c.embedding_model = p_model
        and c.embedding is not null
        and (not v_filtered or c.knowledge_id = any (v_documents))
    ), nearest as (
      select s.id, s.distance from scoped s order by s.distance limit v_pool
    )
    select pg_catalog.array_agg(n.id order by n.distance), pg_catalog.array_agg(n.distance order by n.distance)
      into v_ids, v_distances
    from nearest n;
  end if;

  return query
  with vector_hits as (
    select v.id, v.rank
    from unnest(coalesce(v_ids, '{}'), coalesce(v_distances, '{}')) with ordinality as v(id, distance, rank)
  ), text_hits as (
    select c.id,
      pg_catalog.row_number() over (order by pg_catalog.ts_rank_cd(c.fts, v_any_term) desc, c.id) as rank,
      c.fts operator(pg_catalog.@@) v_all_terms as all_terms
    from public.tenant_knowledge_chunks c
    where pg_catalog.numnode(v_any_term) > 0
      and c.tenant_id = p_tenant_id
      and c.fts operator(pg_catalog.@@) v_any_term
      and (not v_filtered or c.knowledge_id = any (v_documents))
    order by pg_catalog.ts_rank_cd(c.fts, v_any_term) desc, c.id
    limit v_pool
  ), scored as (
    select c.id, c.knowledge_id, c.heading, c.content,
      case when c.embedding_model = p_model
        then 1 - (c.embedding operator(extensions.<=>) p_query_embedding) end as similarity,
      coalesce(1.0 / (60 + v.rank), 0) + coalesce(1.0 / (60 + t.rank), 0) as fused,
      coalesce(t.all_terms, false) as all_terms
    from (select h.id from vector_hits h union select h.id from text_hits h) candidate
    join public.tenant_knowledge_chunks c on c.id = candidate.id
    left join vector_hits v on v.id = candidate.id
    left join text_hits t on t.id = candidate.id
  )
  select s.id, s.knowledge_id, k.title, s.heading, s.content,
    coalesce(s.similarity, 0)::double precision, s.fused::double precision, coalesce(v_strategy, 'text')
  from scored s
  join public.tenant_knowledge k on k.tenant_id = p_tenant_id and k.id = s.knowledge_id
  where s.similarity >= p_match_threshold or s.all_terms
  order by s.fused desc, s.similarity desc nulls last, s.id
  limit v_limit;
end
$$;

revoke all on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision) from public;
grant execute on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision)
  to anon, authenticated, service_role;
