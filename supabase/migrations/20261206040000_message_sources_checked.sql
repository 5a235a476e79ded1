-- A message's sources are what the chat shows under an answer (and what the feedback
-- review shows its admins): the passages the answer cites, as the oracle's contract has
-- them ({ id, knowledgeId, title, snippet, score }). A member can insert messages with
-- their own token, so the database holds the shape and the size for every writer: an
-- array of at most 20 such objects, strings of bounded length, 64 KB in all. The oracle
-- writes 5 passages of 240-character snippets; the bounds leave room for that to grow.
-- Checked in a trigger on insert and on a change of the sources only, so the feedback and
-- alternative flags of rows written before the check can still change.
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
                      where k.key not in ('id', 'knowledgeId', 'title', 'snippet', 'score'))
          or pg_catalog.jsonb_typeof(s.source -> 'id') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'title') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'snippet') is distinct from 'string'
          or pg_catalog.jsonb_typeof(s.source -> 'score') is distinct from 'number'
          or pg_catalog.jsonb_typeof(coalesce(s.source -> 'knowledgeId', '""'::jsonb)) <> 'string'
          or pg_catalog.char_length(s.source ->> 'id') > 100
          or pg_catalog.char_length(coalesce(s.source ->> 'knowledgeId', '')) > 100
          or pg_catalog.char_length(s.source ->> 'title') > 1000
          or pg_catalog.char_length(s.source ->> 'snippet') > 2000)
$$;

create or replace function app_private.check_message_sources() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not app_private.valid_message_sources(new.sources) then
    raise exception 'A message''s sources must be at most 20 passages of { id, knowledgeId, title, snippet, score }.'
      using errcode = '23514';
  end if;
  return new;
end
$$;

create trigger tenant_messages_check_sources before insert or update of sources on public.tenant_messages
  for each row execute function app_private.check_message_sources();

create trigger tenant_end_user_messages_check_sources before insert or update of sources on public.tenant_end_user_messages
  for each row execute function app_private.check_message_sources();

revoke all on function app_private.valid_message_sources(jsonb) from public;
revoke all on function app_private.check_message_sources() from public;
