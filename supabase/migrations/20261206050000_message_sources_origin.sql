-- A message's sources also say where each passage's document sits (the oracle contract's
-- optional `origin`): one of the tenant's collections ({ kind: 'collection', collectionId,
-- name }) or a member's personal document ({ kind: 'personal' }). The shape check of
-- 20261206040000 knew only the five fields before collections, and refused every answer
-- that carried an origin. Same bounds; the origin is one more bounded object.
create or replace function app_private.valid_message_sources(p_sources jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select pg_catalog.jsonb_typeof(p_sources) = 'array'
    and pg_catalog.jsonb_array_length(p_sources) <= 20
    and pg_catalog.octet_length(p_sources::text) <= 65536
    and not exists (
      select 1 from pg_catalog.jsonb_array_elements(p_sources) as s(source)
       where pg_catalog.jsonb_typeof(s.source) <> 'object'
          or exists (select 1 from pg_catalog.jsonb_object_keys(s.source) as k(key)
                      where k.key not in ('id', 'knowledgeId', 'title', 'snippet', 'score', 'origin'))
          or pg_catalog.jsonb_typeof(s.source -> 'id') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'title') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'snippet') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'score') is distinct from 'number'
          or pg_catalog.jsonb_typeof(coalesce(s.source -> 'knowledgeId', '""'::jsonb)) <> 'string'
          or pg_catalog.char_length(s.source ->> 'id') > 100
          or pg_catalog.char_length(coalesce(s.source ->> 'knowledgeId', '')) > 100
          or pg_catalog.char_length(s.source ->> 'title') > 1000
          or pg_catalog.char_length(s.source ->> 'snippet') > 2000
          -- A case, not and/or: the key checks must never meet an origin that is no object.
          or (s.source ? 'origin' and not case when pg_catalog.jsonb_typeof(s.source -> 'origin') <> 'object' then false else (
                (s.source -> 'origin' ->> 'kind' = 'personal'
                  and (select pg_catalog.count(*) from pg_catalog.jsonb_object_keys(s.source -> 'origin')) = 1)
                or (s.source -> 'origin' ->> 'kind' = 'collection'
                  and (select pg_catalog.array_agg(k.key order by k.key) from pg_catalog.jsonb_object_keys(s.source -> 'origin') as k(key))
                      = array['collectionId', 'kind', 'name']
                  and pg_catalog.jsonb_typeof(s.source -> 'origin' -> 'collectionId') = 'string'
                  and pg_catalog.jsonb_typeof(s.source -> 'origin' -> 'name') = 'string'
                  and pg_catalog.char_length(s.source -> 'origin' ->> 'collectionId') <= 100
                  and pg_catalog.char_length(s.source -> 'origin' ->> 'name') <= 200)) end))
$$;

create or replace function app_private.check_message_sources() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not app_private.valid_message_sources(new.sources) then
    raise exception 'A message''s sources must be at most 20 passages of { id, knowledgeId, title, snippet, score, origin? }.'
      using errcode = '23514';
  end if;
  return new;
end
$$;
