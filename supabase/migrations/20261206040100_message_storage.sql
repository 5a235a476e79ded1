-- Messages are stored text like knowledge, and a member's own token can insert them, so
-- they count towards the tenant's storage level through the same adjust_storage (a
-- statement that would pass the limit raises OR413, whoever writes). A message's size is
-- the UTF-8 size of its text and of its sources. Counted per statement: the exchange's
-- question and answer go in one insert, and deleting a thread releases its messages at
-- once.
create or replace function app_private.message_bytes(p_content text, p_sources jsonb) returns bigint
language sql immutable
set search_path = ''
as $$
  select pg_catalog.octet_length(p_content)::bigint + pg_catalog.octet_length(coalesce(p_sources, '[]'::jsonb)::text)
$$;

create or replace function app_private.count_inserted_message_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  r record;
begin
  for r in
    select n.tenant_id, sum(app_private.message_bytes(n.content, n.sources))::bigint as bytes
      from added n group by n.tenant_id order by n.tenant_id
  loop
    perform app_private.adjust_storage(r.tenant_id, r.bytes);
  end loop;
  return null;
end
$$;

create or replace function app_private.count_deleted_message_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  r record;
begin
  -- Deleting a tenant cascades here after its row is gone; its usage rows go with it.
  for r in
    select o.tenant_id, sum(app_private.message_bytes(o.content, o.sources))::bigint as bytes
      from removed o
     where exists (select 1 from public.tenants t where t.id = o.tenant_id)
     group by o.tenant_id order by o.tenant_id
  loop
    perform app_private.adjust_storage(r.tenant_id, -r.bytes);
  end loop;
  return null;
end
$$;

create or replace function app_private.recount_message_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app_private.adjust_storage(new.tenant_id,
    app_private.message_bytes(new.content, new.sources) - app_private.message_bytes(old.content, old.sources));
  return new;
end
$$;

create trigger tenant_messages_count_storage after insert on public.tenant_messages
  referencing new table as added for each statement execute function app_private.count_inserted_message_storage();
create trigger tenant_messages_release_storage after delete on public.tenant_messages
  referencing old table as removed for each statement execute function app_private.count_deleted_message_storage();
create trigger tenant_messages_recount_storage after update of content, sources on public.tenant_messages
  for each row when (old.content is distinct from new.content or old.sources is distinct from new.sources)
  execute function app_private.recount_message_storage();

create trigger tenant_end_user_messages_count_storage after insert on public.tenant_end_user_messages
  referencing new table as added for each statement execute function app_private.count_inserted_message_storage();
create trigger tenant_end_user_messages_release_storage after delete on public.tenant_end_user_messages
  referencing old table as removed for each statement execute function app_private.count_deleted_message_storage();
create trigger tenant_end_user_messages_recount_storage after update of content, sources on public.tenant_end_user_messages
  for each row when (old.content is distinct from new.content or old.sources is distinct from new.sources)
  execute function app_private.recount_message_storage();

-- The messages stored before this migration join the level of the current month (never
-- refused: they are already there).
do $$
declare
  r record;
begin
  for r in
    select m.tenant_id, sum(m.bytes)::bigint as bytes from (
      select tenant_id, app_private.message_bytes(content, sources) as bytes from public.tenant_messages
      union all
      select tenant_id, app_private.message_bytes(content, sources) from public.tenant_end_user_messages) m
    group by m.tenant_id
  loop
    perform app_private.adjust_storage(r.tenant_id, 0);
    update public.tenant_usage u set storage_bytes = u.storage_bytes + r.bytes
     where u.tenant_id = r.tenant_id and u.period = app_private.current_usage_period();
  end loop;
end
$$;

-- Whether a tenant can store anything more: the oracle asks before the model answers, so
-- a full tenant's question is refused up front (OR413) rather than after the answer. It
-- answers the server, the tenant's members and its visitors (in the caller's own
-- transaction, one statement); anyone else learns nothing.
create or replace function app_private.assert_storage_room(p_tenant_id uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_limit_mb numeric;
  v_level bigint;
begin
  if not (app_private.is_server_call() or app_private.is_tenant_member(p_tenant_id, 'viewer')
          or p_tenant_id is not distinct from app_private.visitor_tenant_id()) then
    return;
  end if;
  select (app_private.effective_limits(t.limits, t.plan_tier) ->> 'storageMb')::numeric into v_limit_mb
    from public.tenants t where t.id = p_tenant_id;
  if v_limit_mb is null then
    return;
  end if;
  select u.storage_bytes into v_level from public.tenant_usage u
   where u.tenant_id = p_tenant_id order by u.period desc limit 1;
  if coalesce(v_level, 0) >= (v_limit_mb * 1024 * 1024)::bigint then
    raise exception 'The storage of this tenant is full (limit % MB). Delete documents or conversations, or ask for a larger plan.',
      v_limit_mb
      using errcode = 'OR413';
  end if;
end
$$;

-- A chunk is a piece of its document, whose text the storage triggers on tenant_knowledge
-- count; the app writes chunks as the server right after the document, in the same
-- transaction. A tenant admin's own token could otherwise add chunks to a document without
-- limit and without their bytes being counted, so the API roles may no longer insert them
-- (they still read, re-embed and delete them under RLS).
revoke insert on public.tenant_knowledge_chunks from authenticated;

revoke all on function app_private.message_bytes(text, jsonb) from public;
revoke all on function app_private.count_inserted_message_storage() from public;
revoke all on function app_private.count_deleted_message_storage() from public;
revoke all on function app_private.recount_message_storage() from public;
revoke all on function app_private.assert_storage_room(uuid) from public;
grant execute on function app_private.assert_storage_room(uuid) to anon, authenticated, service_role;
