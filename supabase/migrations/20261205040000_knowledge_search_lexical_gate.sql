-- Large tenants: an off-topic question to the oracle reads no vector at all.
--
-- A chunk's relevance is greatest(0.8 lexical + 0.2 closeness, coverage^2), and from the IDF
-- of the query's lexemes that occur in the tenant the most relevance any chunk could reach
-- is known before a chunk is read: BM25's saturated term frequency stays below k1 + 1 = 2.2,
-- coverage below the known lexemes' share, and closeness below 1. When that bound is under
-- the threshold, as for a question sharing no word, or only words in nearly every chunk,
-- with the tenant, no chunk can pass. The function used to search the vectors anyway, and
-- since the nearest rows of such a question are far, it re-did the HNSW answer exactly: a
-- scan of all the tenant's vectors (a third of a second and more on a 5-20k-chunk tenant on
-- PGlite) for rows that could never be returned. It now returns before it reads a single
-- vector or scans the text index. A threshold of 0.2 or less (the member search's default)
-- can be reached by closeness alone, and is searched as before.
--
-- The function is patched from its own definition, as 20261203006200 did, and the migration
-- refuses to run if that definition no longer has the parts it changes.
do $$
declare
  v_function constant regprocedure :=
    'public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision)'::regprocedure;
  v_definition text := pg_catalog.pg_get_functiondef(v_function);
  v_statistics constant text :=
    E'filter (where s.chunk_count > 0)\n      into v_terms, v_idfs, v_rare, v_known\n';
  v_rare_words constant text :=
    E'  v_rare_words := 1 + 3 * least(1, pg_catalog.ln(1 + v_n) / pg_catalog.ln(401));\n';
begin
  if pg_catalog.strpos(v_definition, v_statistics) = 0
    or pg_catalog.strpos(v_definition, v_rare_words) = 0 or pg_catalog.strpos(v_definition, E'  v_known text;\n') = 0 then
    raise exception 'public.match_tenant_chunks no longer has the parts this migration changes';
  end if;
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
