-- The content languages a tenant may choose, as one function: the tenants table's check
-- and the dashboard's list of choices both read it, so the list has a single owner.
-- (The same configurations PostgreSQL 15 ships, so a value works on PGlite, plain
-- Postgres and Supabase.)
create or replace function public.content_languages()
returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select array['simple', 'arabic', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'greek',
    'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian', 'portuguese',
    'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish']::text[]
$$;
revoke all on function public.content_languages() from public;
grant execute on function public.content_languages() to anon, authenticated, service_role;

alter table public.tenants drop constraint tenants_content_language_check;
alter table public.tenants add constraint tenants_content_language_check
  check (content_language = any (public.content_languages()));
