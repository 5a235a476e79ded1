-- A 1536-dimension vector is 6 KB, over the 2 KB TOAST threshold, so by default every
-- embedding lives out of line and an exact scan reads a TOAST index and four chunks per
-- row. `main` keeps it in the row (the chunk text and tsvector, which compress, move out
-- first; one row still fits a page): exact search over a tenant's chunks reads its rows
-- and nothing else, several times faster.
alter table public.tenant_knowledge_chunks alter column embedding set storage main;
