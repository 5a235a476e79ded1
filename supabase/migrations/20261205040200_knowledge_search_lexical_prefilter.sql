-- Large tenants: the lexical leg of public.match_tenant_chunks computes BM25 for a bounded
-- number of chunks. It computed BM25 for every chunk holding one of the query's rarer
-- lexemes, to keep the best 40; a word in a tenth of a 10k-chunk tenant's chunks meant a
-- thousand BM25 sums (about 40 µs each on PGlite), most of the search's time. Those chunks
-- are now first ordered by ts_rank (term frequency over the log of the length, computed by
-- Postgres itself and several times cheaper), and BM25 orders the best 160 of them, four
-- times the leg's pool. On bench:answers every ranking is unchanged, with pools of 160 and
-- of 320.
--
-- Patched from the function's own definition, as 20261203006200 did; the migration refuses
-- to run if that definition no longer has the CTE it changes.
do $$
declare
  v_function constant regprocedure :=
    'public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision)'::regprocedure;
  v_definition text := pg_catalog.pg_get_functiondef(v_function);
  v_lexical constant text :=
    E'  with lexical as (\n    select c.id, b.score\n    from public.tenant_knowledge_chunks c\n    cross join lateral app_private.bm25_terms(c.fts, c.lexeme_count, v_terms, v_idfs, v_avg_len) b\n    where v_candidates is not null\n      and c.tenant_id = p_tenant_id\n      and c.fts operator(pg_catalog.@@) v_candidates\n      and (not v_filtered or c.knowledge_id = any (v_documents))\n    order by b.score desc, c.id\n    limit v_pool\n  ), candidate as (';
begin
  if pg_catalog.strpos(v_definition, v_lexical) = 0 then
    raise exception 'public.match_tenant_chunks no longer has the lexical CTE this migration changes';
  end if;
  execute pg_catalog.replace(v_definition, v_lexical,
    E'  with matching as materialized (\n    select c.id, c.fts, c.lexeme_count\n    from public.tenant_knowledge_chunks c\n    where v_candidates is not null\n      and c.tenant_id = p_tenant_id\n      and c.fts operator(pg_catalog.@@) v_candidates\n      and (not v_filtered or c.knowledge_id = any (v_documents))\n    order by pg_catalog.ts_rank(c.fts, v_candidates, 1) desc, c.id\n    limit v_pool * 4\n  ), lexical as (\n    select m.id, b.score\n    from matching m\n    cross join lateral app_private.bm25_terms(m.fts, m.lexeme_count, v_terms, v_idfs, v_avg_len) b\n    order by b.score desc, m.id\n    limit v_pool\n  ), candidate as (');
end
$$;
