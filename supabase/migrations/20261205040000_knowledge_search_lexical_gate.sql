-- Large tenants: the vector leg of public.match_tenant_chunks (20261201002200) does no work
-- that cannot change the answer.
--
-- A chunk's relevance is greatest(0.8 lexical + 0.2 closeness, coverage^2). A chunk that
-- holds none of the query's lexemes has lexical = coverage = 0, so its relevance is at most
-- 0.2 x closeness: it needs closeness >= threshold / 0.2 to be returned. The function read
-- that bound as closeness >= threshold, so at the member search's default (0.2) and the
-- oracle's (0.35) it still re-did an HNSW answer exactly whenever the nearest rows were far,
-- which is every off-topic question: a scan of all the tenant's vectors (about a second on a
-- 20k-chunk tenant on PGlite) for rows that could never pass the threshold.
--
-- - v_min_similarity, the cosine from which closeness alone can reach the threshold, now
--   follows the weight closeness has in relevance. Above it the HNSW answer is trusted as
--   before (p_far_similarity); below it only rows with lexical evidence can pass, and the
--   lexical leg finds those through the text index.
-- - The evidence gate: from the IDF of the query's lexemes that occur in the tenant, the
--   most relevance any chunk could reach is known before a chunk is read (BM25's saturated
--   term frequency stays below k1 + 1 = 2.2, coverage below the known lexemes' share, and
--   closeness below 1). When that is under the threshold, as for a question sharing no
--   word, or only words in nearly every chunk, with the tenant, no chunk can pass, and the
--   function returns before it reads a single vector or scans the text index.
-- Below a threshold of 0.2 (down to -1: every row, however distant) closeness alone can
-- qualify a chunk, and the nearest rows are still re-checked exactly when they are far.
--
-- The function is patched from its own definition, as 20261203006200 did, and the migration
-- refuses to run if that definition no longer has the parts it changes.
do $$
declare
  v_function constant regprocedure :=
    'public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision)'::regprocedure;
  v_definition text := pg_catalog.pg_get_functiondef(v_function);
  v_bound constant text :=
    'p_similarity_floor + greatest(p_match_threshold, 0) * greatest(p_similarity_ceiling - p_similarity_floor, 1e-6);';
  v_statistics constant text :=
    E'filter (where s.chunk_count > 0)\n      into v_terms, v_idfs, v_rare, v_known\n';
  v_rare_words constant text :=
    E'  v_rare_words := 1 + 3 * least(1, pg_catalog.ln(1 + v_n) / pg_catalog.ln(401));\n';
begin
  if pg_catalog.strpos(v_definition, v_bound) = 0 or pg_catalog.strpos(v_definition, v_statistics) = 0
    or pg_catalog.strpos(v_definition, v_rare_words) = 0 or pg_catalog.strpos(v_definition, E'  v_known text;\n') = 0 then
    raise exception 'public.match_tenant_chunks no longer has the parts this migration changes';
  end if;
  v_definition := pg_catalog.replace(v_definition,
    '-- Closeness alone reaches the threshold from this cosine on; rows below it can only' || E'\n' ||
    '  -- pass on coverage, and the lexical leg finds those.',
    '-- Closeness alone reaches the threshold from this cosine on (it weighs 0.2 in relevance);' || E'\n' ||
    '  -- rows below it can only pass on lexical evidence, and the lexical leg finds those.');
  v_definition := pg_catalog.replace(v_definition, v_bound,
    'p_similarity_floor + greatest(p_match_threshold, 0) / 0.2 * greatest(p_similarity_ceiling - p_similarity_floor, 1e-6);');
  v_definition := pg_catalog.replace(v_definition, E'  v_known text;\n',
    E'  v_known text;\n  -- The summed IDF of the query lexemes that occur in the tenant.\n  v_known_idf double precision;\n');
  v_definition := pg_catalog.replace(v_definition, v_statistics,
    E'filter (where s.chunk_count > 0),\n' ||
    E'           sum(pg_catalog.ln(1 + (v_n - s.chunk_count + 0.5) / (s.chunk_count + 0.5))) filter (where s.chunk_count > 0)\n' ||
    E'      into v_terms, v_idfs, v_rare, v_known, v_known_idf\n');
  v_definition := pg_catalog.replace(v_definition, v_rare_words,
    v_rare_words ||
    E'  -- The evidence gate: the most relevance any chunk could reach is under the threshold.\n' ||
    E'  if greatest(\n' ||
    E'      0.8 * least(2.2 * coalesce(v_known_idf, 0) / (v_rare_words * pg_catalog.ln(1 + (v_n + 0.5) / 0.5)), 1) + 0.2,\n' ||
    E'      case when v_idf_total > 0 then (coalesce(v_known_idf, 0) / v_idf_total) ^ 2 else 0 end) < p_match_threshold then\n' ||
    E'    return;\n' ||
    E'  end if;\n');
  execute v_definition;
end
$$;
