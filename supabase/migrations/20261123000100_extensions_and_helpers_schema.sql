-- pgvector lives in the extensions schema, as on Supabase.
create extension if not exists vector with schema extensions;

-- Helper predicates live here: not exposed through the API, not executable by public.
create schema if not exists app_private;
revoke all on schema app_private from public;
grant usage on schema app_private to anon, authenticated, service_role;

-- Custom SQLSTATEs raised by triggers and functions; lib/errors.ts maps them to statuses.
--   OR403 forbidden, OR404 not found, OR409 conflict, OR429 limit reached.

create or replace function app_private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
revoke all on function app_private.touch_updated_at() from public;
