-- Hybrid retrieval, version 2: BM25 over the tenant's own statistics fused with vector
-- similarity, and a relevance decision from evidence instead of a fixed cosine.
--
-- Lexical leg. Query lexemes come from the tenant's text search configuration. Each has an
-- IDF from tenant_lexeme_stats, ln(1 + (N - df + 0.5) / (df + 0.5)) with N the tenant's
-- chunks, and a chunk's BM25 (k1 1.2, b 0.75; its length is its lexeme count over the
-- tenant's average) sums idf * saturated term frequency. Candidates are the chunks holding
-- one of the query's rarer lexemes (in at most a fifth of the chunks; all known lexemes
-- when none is that rare): a lexeme in most chunks adds almost nothing to any score, and
-- leaving it out of the GIN lookup keeps a big tenant's lookups small.
--
-- Vector leg. As in the first version: an exact scan for tenants up to p_exact_max_chunks,
-- HNSW with iterative scans above, redone exactly when far rows could be in the answer.
--
-- Evidence, per candidate:
-- - lexical: the chunk's BM25 in units of the rarest possible word (the IDF of a lexeme
--   the tenant has never seen, ln(1 + (N + 0.5) / 0.5)): about four such words' worth
--   (with their term frequency) is full evidence, clamped to [0, 1]. Unlike a share of the
--   question, it does not fall when a question is long or worded unlike the documents;
--   it stays low when only the question's common words are found. A small tenant has few
--   distinctive words, and IDF tells little between them: there, fewer are asked for
--   (1.5 at two chunks, 2.8 at thirty, 4 from about 400 on);
-- - coverage: the IDF-weighted share of the query's lexemes the chunk contains (a lexeme
--   the tenant has never seen weighs as the rarest there is), in [0, 1];
-- - closeness: cosine similarity calibrated for the embedder, (similarity - floor) /
--   (ceiling - floor) clamped to [0, 1]. floor is about what unrelated texts score with
--   that embedder, ceiling what a passage that answers the query usually reaches; the
--   caller passes the embedder's pair (lib/ai/embedding-calibration.ts);
-- - relevance = max(0.8 lexical + 0.2 closeness, coverage^2): mostly the words, the
--   vector adds what paraphrase leaves to it, and a chunk holding (nearly) every word of
--   the query is relevant however common those words are.
-- p_match_threshold bounds relevance, so it means the same for every embedder and every
-- tenant size. The weights and the default threshold were fitted on bench:answers.
--
-- Ranking: BM25 normalised by the best BM25 among the candidates, averaged with closeness.
-- security invoker: RLS decides which chunks and statistics exist; p_tenant_id only
-- narrows it.
select extensions.vector_dims('[1]'::extensions.vector);

drop function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision);

-- BM25 of one chunk for the query's lexemes, and the summed IDF of those it contains.
-- setweight + ts_filter keep only the query's lexemes, so a chunk is never unnested whole.
-- No SET clause: it would stop the planner inlining these helpers into the search, which
-- made BM25 ten times slower; every name inside is qualified or pg_catalog's.
create or replace function app_private.bm25_terms(
  fts tsvector, len int, terms text[], idfs double precision[], avg_len double precision
) returns table (score double precision, covered double precision)
language sql immutable parallel safe
as $$
  select coalesce(sum(w.idf * (pg_catalog.cardinality(u.positions) * 2.2)
           / (pg_catalog.cardinality(u.positions) + 1.2 * (0.25 + 0.75 * len / avg_len))), 0),
         coalesce(sum(w.idf), 0)
    from pg_catalog.unnest(pg_catalog.ts_filter(pg_catalog.setweight(fts, 'A', terms), '{a}')) u
    join unnest(terms, idfs) w(lexeme, idf) on w.lexeme = u.lexeme
$$;
revoke all on function app_private.bm25_terms(tsvector, int, text[], double precision[], double precision) from public;
grant execute on function app_private.bm25_terms(tsvector, int, text[], double precision[], double precision)
  to anon, authenticated, service_role;

-- A lexeme as a tsquery operand, quoted so that no character of it is an operator.
create or replace function app_private.tsquery_operand(lexeme text) returns text
language sql immutable parallel safe
as $$
  select '''' || pg_catalog.replace(pg_catalog.replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;
revoke all on function app_private.tsquery_operand(text) from public;
grant execute on function app_private.tsquery_operand(text) to anon, authenticated, service_role;

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
  -- Last, so that callers of the first version's positional arguments keep working.
  p_similarity_floor double precision default 0,
  p_similarity_ceiling double precision default 1
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
    or coalesce(cardinality(p_elemental_tags), 0) > 0;
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
  v_candidates tsquery;
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
        or k.elemental_tags operator(pg_catalog.&&) p_elemental_tags);
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
           pg_catalog.string_agg(app_private.tsquery_operand(q.lexeme), ' | ') filter (where s.chunk_count > 0)
      into v_terms, v_idfs, v_rare, v_known
      from pg_catalog.unnest(pg_catalog.tsvector_to_array(pg_catalog.to_tsvector(v_config, coalesce(p_query_text, '')))) q(lexeme)
      left join public.tenant_lexeme_stats s on s.tenant_id = p_tenant_id and s.lexeme = q.lexeme;
    v_candidates := coalesce(v_rare, v_known)::tsquery;
  end if;
  v_idf_total := coalesce((select sum(i) from pg_catalog.unnest(v_idfs) i), 0);
  v_rare_words := 1 + 3 * least(1, pg_catalog.ln(1 + v_n) / pg_catalog.ln(401));

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
  with lexical as (
    select c.id, b.score
    from public.tenant_knowledge_chunks c
    cross join lateral app_private.bm25_terms(c.fts, c.lexeme_count, v_terms, v_idfs, v_avg_len) b
    where v_candidates is not null
      and c.tenant_id = p_tenant_id
      and c.fts operator(pg_catalog.@@) v_candidates
      and (not v_filtered or c.knowledge_id = any (v_documents))
    order by b.score desc, c.id
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
  ), judged as (
    select w.*,
      greatest(0.8 * w.lexical + 0.2 * w.closeness, w.coverage ^ 2) as relevance,
      (coalesce(w.lexical_share, 0) + w.closeness) / 2 as fused
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

revoke all on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision) from public;
grant execute on function public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision)
  to anon, authenticated, service_role;
