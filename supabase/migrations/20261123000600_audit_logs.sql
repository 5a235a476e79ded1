-- Append-only audit trail, hash-chained per tenant (tenant_id null = the platform's own
-- chain). No foreign key to tenants: deleting a tenant removes its rows explicitly and
-- leaves the platform's record of the deletion.
create table public.audit_logs (
  id bigint generated always as identity primary key,
  tenant_id uuid,
  actor_id uuid,
  actor_email text,
  action text not null check (action ~ '^[a-z_]+\.[a-z_.]+$'),
  target_type text,
  target_id text,
  before jsonb,
  after jsonb,
  ip text,
  created_at timestamptz not null default now(),
  prev_hash text,
  hash text not null
);
create index audit_logs_tenant_idx on public.audit_logs (tenant_id, id desc);
create index audit_logs_action_idx on public.audit_logs (action, created_at desc);

create or replace function app_private.audit_row_hash(
  prev_hash text, tenant_id uuid, actor_id uuid, actor_email text, action text,
  target_type text, target_id text, before jsonb, after jsonb, ip text, created_at timestamptz
) returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(concat_ws(E'\x1f',
    coalesce(prev_hash, ''), coalesce(tenant_id::text, ''), coalesce(actor_id::text, ''),
    coalesce(actor_email, ''), action, coalesce(target_type, ''), coalesce(target_id, ''),
    coalesce(before::text, ''), coalesce(after::text, ''), coalesce(ip, ''),
    ((extract(epoch from created_at) * 1000000)::bigint)::text
  ), 'UTF8')), 'hex')
$$;

-- The only way rows are written. Actor comes from the verified claims, never from the
-- caller's arguments; a caller may only write to a tenant it belongs to.
create or replace function app_private.write_audit(
  p_tenant_id uuid, p_action text, p_target_type text default null, p_target_id text default null,
  p_before jsonb default null, p_after jsonb default null, p_ip text default null
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor uuid := (select auth.uid());
  v_email text := (select auth.jwt()) ->> 'email';
  v_prev text;
  v_now timestamptz := now();
  v_id bigint;
begin
  if (select auth.role()) in ('authenticated', 'anon') or v_actor is not null then
    if p_tenant_id is null and not app_private.is_platform_admin() then
      raise exception 'Only platform admins write platform audit rows.' using errcode = 'OR403';
    end if;
    if p_tenant_id is not null
      and not app_private.is_platform_admin()
      and not app_private.is_tenant_member(p_tenant_id, 'viewer')
      and p_tenant_id is distinct from app_private.visitor_tenant_id() then
      raise exception 'Not allowed to write audit rows for this tenant.' using errcode = 'OR403';
    end if;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(p_tenant_id::text, 'platform'), 0));
  select a.hash into v_prev from public.audit_logs a
  where a.tenant_id is not distinct from p_tenant_id
  order by a.id desc limit 1;
  insert into public.audit_logs (tenant_id, actor_id, actor_email, action, target_type, target_id,
    before, after, ip, created_at, prev_hash, hash)
  values (p_tenant_id, v_actor, v_email, p_action, p_target_type, p_target_id, p_before, p_after,
    p_ip, v_now, v_prev,
    app_private.audit_row_hash(v_prev, p_tenant_id, v_actor, v_email, p_action, p_target_type,
      p_target_id, p_before, p_after, p_ip, v_now))
  returning id into v_id;
  return v_id;
end
$$;

-- Walks one chain in order; reports the first row whose hash or link does not match.
create or replace function app_private.verify_audit_chain(p_tenant_id uuid)
returns table (ok boolean, checked int, first_broken_id bigint)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  r record;
  v_prev text := null;
  v_checked int := 0;
begin
  if (select auth.role()) in ('authenticated', 'anon')
    and not app_private.is_platform_admin()
    and (p_tenant_id is null or not app_private.is_tenant_member(p_tenant_id, 'admin')) then
    raise exception 'Not allowed to verify this audit chain.' using errcode = 'OR403';
  end if;
  for r in
    select * from public.audit_logs a where a.tenant_id is not distinct from p_tenant_id order by a.id
  loop
    v_checked := v_checked + 1;
    if r.prev_hash is distinct from v_prev
      or r.hash <> app_private.audit_row_hash(r.prev_hash, r.tenant_id, r.actor_id, r.actor_email,
        r.action, r.target_type, r.target_id, r.before, r.after, r.ip, r.created_at) then
      return query select false, v_checked, r.id;
      return;
    end if;
    v_prev := r.hash;
  end loop;
  return query select true, v_checked, null::bigint;
end
$$;

-- Append-only for everyone who reaches the table through the API roles.
create or replace function app_private.audit_logs_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') then
    raise exception 'Audit rows are append-only.' using errcode = 'OR403';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger audit_logs_append_only before update or delete on public.audit_logs
  for each row execute function app_private.audit_logs_append_only();

revoke all on function app_private.audit_row_hash(text, uuid, uuid, text, text, text, text, jsonb, jsonb, text, timestamptz) from public;
revoke all on function app_private.write_audit(uuid, text, text, text, jsonb, jsonb, text) from public;
revoke all on function app_private.verify_audit_chain(uuid) from public;
revoke all on function app_private.audit_logs_append_only() from public;
grant execute on function app_private.write_audit(uuid, text, text, text, jsonb, jsonb, text) to anon, authenticated, service_role;
grant execute on function app_private.verify_audit_chain(uuid) to authenticated, service_role;

alter table public.audit_logs enable row level security;
revoke all on public.audit_logs from anon, authenticated;
grant select on public.audit_logs to authenticated;
grant all on public.audit_logs to service_role;

create policy "tenant admins read their tenant's audit log and platform admins read all"
  on public.audit_logs for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
