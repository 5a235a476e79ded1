-- Knowledge search scoped to an advisor: public.match_tenant_chunks takes the collections
-- of the advisor asked (p_collection_ids; null = the whole knowledge base, as before) and
-- searches only the tenant's documents in them, with the personal documents the caller
-- may read. The scope joins the function's own document filter (category and tags), so
-- it narrows every candidate CTE, the vector legs and the lexical one alike, before their
-- limits: a scoped search returns as many rows as an unscoped one over the same documents.
--
-- Which chunks a caller may read at all is not this function's rule: it runs with the
-- caller's rights, and the restrictive policies of 20261206030500 leave out every chunk
-- of a document the caller may not read, inside each CTE's scan.
--
-- The body is the current definition (20261201002200 as patched by 20261203006200,
-- 20261205040000, 20261205040100 and 20261205040200), unchanged but for the scope; the
-- ranking is the same. A new last argument changes the signature, so the old one goes.
drop function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision);

create or replace function public.match_tenant_chunks(
  p_tenant_id uuid,
  p_query_embedding extensions.vector(1536),
  p_query_text text,
  p_model text,
  p_limit int default 5,
  p_match_threshold double precision default 0.35,
  p_category text default null,
  p_tags text[] default null,
  p_elemental_tags text[] default null,
  p_exact_max_chunks int default 5000,
  p_far_similarity double precision default 0.3,
  p_similarity_floor double precision default 0,
  p_similarity_ceiling double precision default 1,
  p_collection_ids uuid[] default null
) returns table (
  chunk_id uuid,
  knowledge_id uuid,
  title text,
  heading text,
  content text,
  similarity double precision,
  bm25 double precision,
  coverage double precision,
  relevance double precision,
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
  v_pool int := greatest(least(greatest(coalesce(p_limit, 5), 1), 50) * 4, 40);
  v_filtered boolean := p_category is not null
    or coalesce(cardinality(p_tags), 0) > 0
    or coalesce(cardinality(p_elemental_tags), 0) > 0
    or p_collection_ids is not null;
  v_documents uuid[];
  v_chunks int;
  v_ids uuid[];
  v_distances double precision[];
  v_strategy text;
  v_config regconfig;
  v_n double precision;
  v_avg_len double precision;
  v_terms text[];
  v_idfs double precision[];
  v_idf_total double precision;
  v_rare_words double precision;
  v_rare text;
  v_known text;
  -- The summed IDF of the query lexemes that occur in the tenant.
  v_known_idf double precision;
  v_candidates tsquery;
  -- The query's adjacent lexeme pairs, each as a phrase query.
  v_pairs tsquery[];
  v_span double precision := greatest(p_similarity_ceiling - p_similarity_floor, 1e-6);
  -- Closeness alone reaches the threshold from this cosine on; rows below it can only
  -- pass on coverage, and the lexical leg finds those.
  v_min_similarity double precision :=
    p_similarity_floor + greatest(p_match_threshold, 0) * greatest(p_similarity_ceiling - p_similarity_floor, 1e-6);
begin
  if v_filtered then
    select coalesce(pg_catalog.array_agg(k.id), '{}') into v_documents
    from public.tenant_knowledge k
    where k.tenant_id = p_tenant_id
      and (p_category is null or k.category = p_category)
      and (coalesce(cardinality(p_tags), 0) = 0 or k.tags operator(pg_catalog.&&) p_tags)
      and (coalesce(cardinality(p_elemental_tags), 0) = 0
        or k.elemental_tags operator(pg_catalog.&&) p_elemental_tags)
      -- An advisor's scope: the tenant's documents in its collections, and the personal
      -- documents the caller reads (RLS decides which those are).
      and (p_collection_ids is null or k.owner_id is not null or k.collection_id = any (p_collection_ids));
    if cardinality(v_documents) = 0 then
      return;
    end if;
  end if;

  select t.content_language::regconfig into v_config from public.tenants t where t.id = p_tenant_id;
  select s.chunk_count, s.lexeme_total::double precision / greatest(s.chunk_count, 1)
    into v_n, v_avg_len
    from public.tenant_search_stats s where s.tenant_id = p_tenant_id;
  v_n := coalesce(v_n, 0);
  v_avg_len := greatest(coalesce(v_avg_len, 1), 1);

  if v_config is not null then
    select pg_catalog.array_agg(q.lexeme order by q.lexeme),
           pg_catalog.array_agg(pg_catalog.ln(1 + (v_n - coalesce(s.chunk_count, 0) + 0.5) / (coalesce(s.chunk_count, 0) + 0.5))
             order by q.lexeme),
           pg_catalog.string_agg(app_private.tsquery_operand(q.lexeme), ' | ')
             filter (where s.chunk_count > 0 and s.chunk_count <= greatest(v_n / 5, 1)),
           pg_catalog.string_agg(app_private.tsquery_operand(q.lexeme), ' | ') filter (where s.chunk_count > 0),
           sum(pg_catalog.ln(1 + (v_n - s.chunk_count + 0.5) / (s.chunk_count + 0.5))) filter (where s.chunk_count > 0)
      into v_terms, v_idfs, v_rare, v_known, v_known_idf
      from pg_catalog.unnest(pg_catalog.tsvector_to_array(pg_catalog.to_tsvector(v_config, coalesce(p_query_text, '')))) q(lexeme)
      left join public.tenant_lexeme_stats s on s.tenant_id = p_tenant_id and s.lexeme = q.lexeme;
    v_candidates := coalesce(v_rare, v_known)::tsquery;
    with query_positions as (
      select u.lexeme, p.position
      from pg_catalog.unnest(pg_catalog.to_tsvector(v_config, coalesce(p_query_text, ''))) u
      cross join pg_catalog.unnest(u.positions) p(position)
    )
    select pg_catalog.array_agg(distinct (app_private.tsquery_operand(a.lexeme) || ' <-> ' || app_private.tsquery_operand(b.lexeme))::tsquery)
      into v_pairs
      from query_positions a join query_positions b on b.position = a.position + 1;
  end if;
  v_idf_total := coalesce((select sum(i) from pg_catalog.unnest(v_idfs) i), 0);
  v_rare_words := 1 + 3 * least(1, pg_catalog.ln(1 + v_n) / pg_catalog.ln(401));
  -- The evidence gate: the most relevance any chunk could reach is under the threshold.
  if greatest(
      0.8 * least(2.2 * coalesce(v_known_idf, 0) / (v_rare_words * pg_catalog.ln(1 + (v_n + 0.5) / 0.5)), 1) + 0.2,
      case when v_idf_total > 0 then (coalesce(v_known_idf, 0) / v_idf_total) ^ 2 else 0 end) < p_match_threshold then
    return;
  end if;

  -- The documents' own chunk counts size the tenant: summing a few document rows costs
  -- nothing, where counting chunk rows cost as much as a third of an exact search.
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
    if v_min_similarity < p_far_similarity
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
  with matching as materialized (
    select c.id, c.fts, c.lexeme_count
    from public.tenant_knowledge_chunks c
    where v_candidates is not null
      and c.tenant_id = p_tenant_id
      and c.fts operator(pg_catalog.@@) v_candidates
      and (not v_filtered or c.knowledge_id = any (v_documents))
    order by pg_catalog.ts_rank(c.fts, v_candidates, 1) desc, c.id
    limit v_pool * 4
  ), lexical as (
    select m.id, b.score
    from matching m
    cross join lateral app_private.bm25_terms(m.fts, m.lexeme_count, v_terms, v_idfs, v_avg_len) b
    order by b.score desc, m.id
    limit v_pool
  ), candidate as (
    select v.id from pg_catalog.unnest(coalesce(v_ids, '{}')) v(id)
    union
    select l.id from lexical l
  ), scored as (
    select c.id, c.knowledge_id, c.heading, c.content,
      case when c.embedding_model = p_model and c.embedding is not null
        then 1 - (c.embedding operator(extensions.<=>) p_query_embedding) end as similarity,
      b.score as bm25,
      coalesce((select count(*) from pg_catalog.unnest(v_pairs) q where c.fts operator(pg_catalog.@@) q), 0)::double precision
        / greatest(coalesce(cardinality(v_pairs), 0), 1) as phrase,
      case when v_idf_total > 0 then b.covered / v_idf_total else 0 end as coverage
    from candidate
    join public.tenant_knowledge_chunks c on c.id = candidate.id
    cross join lateral app_private.bm25_terms(c.fts, c.lexeme_count, coalesce(v_terms, '{}'), coalesce(v_idfs, '{}'), v_avg_len) b
  ), weighed as (
    select s.*,
      least(greatest((coalesce(s.similarity, 0) - p_similarity_floor) / v_span, 0), 1) as closeness,
      least(s.bm25 / (v_rare_words * pg_catalog.ln(1 + (v_n + 0.5) / 0.5)), 1) as lexical,
      s.bm25 / nullif(max(s.bm25) over (), 0) as lexical_share
    from scored s
  ), judged as materialized (
    select w.*,
      greatest(0.8 * w.lexical + 0.2 * w.closeness, w.coverage ^ 2) as relevance,
      (coalesce(w.lexical_share, 0) + w.closeness) / 2 + 0.3 * w.phrase as fused
    from weighed w
  )
  select j.id, j.knowledge_id, k.title, j.heading, j.content,
    coalesce(j.similarity, 0)::double precision, j.bm25::double precision, j.coverage::double precision,
    j.relevance::double precision, j.fused::double precision, coalesce(v_strategy, 'text')
  from judged j
  join public.tenant_knowledge k on k.tenant_id = p_tenant_id and k.id = j.knowledge_id
  where j.relevance >= p_match_threshold
  order by j.fused desc, j.relevance desc, j.id
  limit v_limit;
end
$$;

revoke all on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision, uuid[]) from public;
grant execute on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision, uuid[])
  to anon, authenticated, service_role;
