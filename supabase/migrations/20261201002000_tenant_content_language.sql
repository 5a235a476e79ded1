-- The language a tenant's knowledge is written in, as a Postgres text search
-- configuration: it decides stemming and stop words of the full-text index and of every
-- query. `simple` (no stemming, no stop words) is for languages Postgres has no
-- configuration for. The list is what PostgreSQL 15 ships, so the same value works on
-- PGlite, plain Postgres and Supabase.
alter table public.tenants add column content_language text not null default 'english'
  check (content_language in ('simple', 'arabic', 'danish', 'dutch', 'english', 'finnish', 'french',
    'german', 'greek', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali',
    'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil',
    'turkish'));

-- Tenant admins choose it, like the rest of the assistant's settings.
grant update (content_language) on public.tenants to authenticated;
