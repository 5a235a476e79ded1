-- Trust comes from the database role, never from request.jwt.claims: the claims are
-- whatever the caller put there ({} or {"role": "service_role"} under the authenticated
-- role used to skip every tenant check). The usage counters and the audit trail are
-- written by the server alone, and amounts are bounded whoever writes them.

-- The role the transaction acts as: the `role` setting that `set role`, PostgREST and
-- lib/db/access.ts switch (a security definer function changes current_user to its
-- owner but leaves this setting alone, so nested calls still see who is acting), or
-- the session's own user when no role was set. Only the API roles are untrusted.
create or replace function app_private.is_server_call() returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user::text)
    not in ('anon', 'authenticated')
$$;
revoke all on function app_private.is_server_call() from public;
grant execute on function app_private.is_server_call() to anon, authenticated, service_role;

-- The counting functions answer the server only (lib/multi-tenant/usage, through
-- asServer); whether the caller may ask was settled under the caller's own role.
create or replace function app_private.assert_usage_caller(p_tenant_id uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not app_private.is_server_call() then
    raise exception 'Usage is counted by the server only.' using errcode = 'OR403';
  end if;
  if p_tenant_id is null then
    raise exception 'A tenant is required.' using errcode = '22023';
  end if;
end
$$;

-- No single exchange comes near ten million tokens; anything above is a bug or an attack
-- on the counters (9e18 tokens once overflowed a tenant's month).
create or replace function app_private.assert_usage_amounts(p_amounts bigint[]) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if exists (select 1 from unnest(p_amounts) as a where a is null or a < 0 or a > 10000000) then
    raise exception 'Usage amounts must be between 0 and 10000000.' using errcode = '22023';
  end if;
end
$$;
revoke all on function app_private.assert_usage_amounts(bigint[]) from public;

create or replace function app_private.reserve_tokens(p_tenant_id uuid, p_estimate bigint)
returns table (accepted boolean, usage_period date, cap bigint)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := app_private.usage_period();
  v_cap bigint;
  v_found boolean;
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_estimate]);
  v_cap := app_private.tenant_limit(p_tenant_id, 'tokensPerMonth');
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
    on conflict do nothing;
  update public.tenant_usage u
     set tokens_reserved = u.tokens_reserved + p_estimate, updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period
     and (v_cap is null or u.tokens_in + u.tokens_out + u.tokens_reserved + p_estimate <= v_cap)
  returning true into v_found;
  return query select coalesce(v_found, false), v_period, v_cap;
end
$$;

create or replace function app_private.record_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_messages int, p_new_conversation boolean, p_element text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_day date := app_private.usage_day();
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_reserved, p_tokens_in, p_tokens_out]);
  if p_messages is null or p_messages not between 0 and 2 then
    raise exception 'An exchange stores at most two messages.' using errcode = '22023';
  end if;
  if p_element is not null and p_element not in ('fire', 'water', 'earth', 'air', 'aether') then
    raise exception 'Unknown element.' using errcode = '22023';
  end if;
  insert into public.tenant_usage (tenant_id, period) values (p_tenant_id, v_period)
    on conflict do nothing;
  update public.tenant_usage u
     set tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         messages = u.messages + p_messages,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period;
  insert into public.tenant_usage_daily as d (tenant_id, day, conversations, messages, tokens, element_counts)
  values (p_tenant_id, v_day, case when p_new_conversation then 1 else 0 end, p_messages,
    p_tokens_in + p_tokens_out,
    case when p_element is null then '{}'::jsonb else jsonb_build_object(p_element, 1) end)
  on conflict (tenant_id, day) do update set
    conversations = d.conversations + excluded.conversations,
    messages = d.messages + excluded.messages,
    tokens = d.tokens + excluded.tokens,
    element_counts = case when p_element is null then d.element_counts
      else jsonb_set(d.element_counts, array[p_element],
        to_jsonb(coalesce((d.element_counts ->> p_element)::int, 0) + 1)) end;
end
$$;

create or replace function app_private.release_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_return_conversation boolean
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_reserved, p_tokens_in, p_tokens_out]);
  update public.tenant_usage u
     set tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         conversations = case when p_return_conversation then greatest(0, u.conversations - 1)
           else u.conversations end,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period;
end
$$;

revoke execute on function app_private.consume_conversation(uuid) from anon, authenticated;
revoke execute on function app_private.reserve_tokens(uuid, bigint) from anon, authenticated;
revoke execute on function app_private.record_exchange(uuid, date, bigint, bigint, bigint, int, boolean, text)
  from anon, authenticated;
revoke execute on function app_private.release_exchange(uuid, date, bigint, bigint, bigint, boolean)
  from anon, authenticated;

-- Audit rows are written by the server (asServer) and by this schema's own security
-- definer functions (accepting an invitation, leaving, deleting an account), which run
-- as their owner: no API role executes write_audit itself, so nobody appends a row the
-- server did not mean. The actor still comes from the verified claims.
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
  -- The server writes for the caller it verified, so the row's actor must have a say in
  -- the tenant: a bug that writes into another tenant's trail fails here, not silently.
  if v_actor is not null then
    if p_tenant_id is null and not app_private.is_platform_admin() then
      raise exception 'Only platform admins write platform audit rows.' using errcode = 'OR403';
    end if;
    if p_tenant_id is not null
      and not app_private.is_platform_admin()
      and not app_private.is_tenant_member(p_tenant_id, 'viewer') then
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
revoke execute on function app_private.write_audit(uuid, text, text, text, jsonb, jsonb, text) from anon, authenticated;

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
  if not app_private.is_server_call()
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
