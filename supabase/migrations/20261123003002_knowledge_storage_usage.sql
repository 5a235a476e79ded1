-- Storage a tenant's knowledge uses, kept in tenant_usage.storage_bytes and checked
-- against limits.storageMb (null = unlimited).
--
-- Storage is a level, not a monthly flow: the row of a new month starts from the level of
-- the latest earlier month, whoever creates it (these triggers, or the usage counters of
-- conversations). The counting happens in triggers on tenant_knowledge, so every way in
-- (the API, or PostgREST with a tenant admin's token) is counted and limited alike, and
-- byte_size is the UTF-8 size of the stored text, set here rather than trusted from the
-- caller.

create or replace function app_private.current_usage_period() returns date
language sql stable
set search_path = ''
as $$
  select (pg_catalog.date_trunc('month', pg_catalog.now() at time zone 'utc'))::date
$$;

create or replace function app_private.carry_storage_level() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.storage_bytes = 0 then
    select u.storage_bytes into new.storage_bytes
    from public.tenant_usage u
    where u.tenant_id = new.tenant_id and u.period < new.period
    order by u.period desc
    limit 1;
    new.storage_bytes := coalesce(new.storage_bytes, 0);
  end if;
  return new;
end
$$;

create trigger tenant_usage_carry_storage_level before insert on public.tenant_usage
  for each row execute function app_private.carry_storage_level();

-- Adds delta_bytes (negative to release) to the tenant's storage level in one
-- conditional update: concurrent uploads serialise on the row, and an upload that would
-- pass the limit raises OR413 (the caller maps it to storage_full, 413). Releasing
-- storage never fails.
create or replace function app_private.adjust_storage(p_tenant_id uuid, p_delta_bytes bigint) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_period date := app_private.current_usage_period();
  v_limit_mb numeric;
  v_level bigint;
begin
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
  on conflict (tenant_id, period) do nothing;

  select (t.limits ->> 'storageMb')::numeric into v_limit_mb from public.tenants t where t.id = p_tenant_id;

  update public.tenant_usage u
  set storage_bytes = greatest(u.storage_bytes + p_delta_bytes, 0), updated_at = pg_catalog.now()
  where u.tenant_id = p_tenant_id and u.period = v_period
    and (p_delta_bytes <= 0 or v_limit_mb is null
      or u.storage_bytes + p_delta_bytes <= (v_limit_mb * 1024 * 1024)::bigint)
  returning u.storage_bytes into v_level;

  if v_level is null then
    raise exception 'The knowledge storage of this tenant is full (limit % MB). Delete documents or ask for a larger plan.',
      v_limit_mb
      using errcode = 'OR413';
  end if;
  return v_level;
end
$$;

create or replace function app_private.set_knowledge_byte_size() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.byte_size := pg_catalog.octet_length(new.content);
  return new;
end
$$;

create or replace function app_private.count_knowledge_storage() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform app_private.adjust_storage(new.tenant_id, new.byte_size);
    return new;
  end if;
  -- Deleting a tenant cascades here after its row is gone; its usage rows go with it.
  if exists (select 1 from public.tenants t where t.id = old.tenant_id) then
    perform app_private.adjust_storage(old.tenant_id, -old.byte_size);
  end if;
  return old;
end
$$;

create trigger tenant_knowledge_set_byte_size before insert on public.tenant_knowledge
  for each row execute function app_private.set_knowledge_byte_size();

create trigger tenant_knowledge_count_storage after insert or delete on public.tenant_knowledge
  for each row execute function app_private.count_knowledge_storage();

revoke all on function app_private.current_usage_period() from public;
revoke all on function app_private.carry_storage_level() from public;
revoke all on function app_private.adjust_storage(uuid, bigint) from public;
revoke all on function app_private.set_knowledge_byte_size() from public;
revoke all on function app_private.count_knowledge_storage() from public;
