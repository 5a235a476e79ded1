-- A conversation holds at most 1,000 messages (500 exchanges): past that a member starts a
-- new one. The number is owned here; the oracle reads it before asking the model (so a
-- full thread is refused before anything is spent) and this trigger holds it for every
-- writer. The conversation row is locked first, so two exchanges at once cannot both
-- take the last places.
create or replace function app_private.conversation_message_cap() returns int
language sql immutable
set search_path = ''
as $$ select 1000 $$;

revoke all on function app_private.conversation_message_cap() from public;
grant execute on function app_private.conversation_message_cap() to anon, authenticated, service_role;

create or replace function app_private.enforce_conversation_message_cap() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_count bigint;
begin
  perform 1 from public.tenant_conversations c where c.id = new.conversation_id for update;
  select count(*) into v_count from public.tenant_messages m where m.conversation_id = new.conversation_id;
  if v_count >= app_private.conversation_message_cap() then
    raise exception 'This conversation has reached its % messages: start a new one.', app_private.conversation_message_cap()
      using errcode = 'OR429';
  end if;
  return new;
end
$$;
revoke all on function app_private.enforce_conversation_message_cap() from public;

create trigger tenant_messages_enforce_cap before insert on public.tenant_messages
  for each row execute function app_private.enforce_conversation_message_cap();
