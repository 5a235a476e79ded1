-- A tenant admin asks the platform for more: another plan, other limits, or restricted
-- access (the `restricted` privacy level). Platform admins approve or reject with a note.
-- As with access requests, each request is a row with its status history; only the two
-- functions below write them; a decision is final and never taken by the requester; and an
-- approval changes the tenant and writes the audit row in one transaction.

create table public.tenant_resource_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  kind text not null check (kind in ('plan', 'limits', 'restricted_access')),
  -- A plan is one plan_default_limits knows (the owner of the tiers and their defaults).
  plan_tier text check (plan_tier is null or app_private.plan_default_limits(plan_tier) is not null),
  -- Limits as PUT /api/admin/tenants/[id] takes them: any subset, null for unlimited.
  limits jsonb check (limits is null or (jsonb_typeof(limits) = 'object' and limits <> '{}'::jsonb)),
  reason text not null check (char_length(reason) between 1 and 2000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decision_note text check (char_length(decision_note) <= 2000),
  requested_by uuid references auth.users (id) on delete set null,
  requester_email text check (char_length(requester_email) <= 254),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((kind = 'plan') = (plan_tier is not null)),
  check ((kind = 'limits') = (limits is not null)),
  check ((status = 'pending') = (decided_at is null))
);
create unique index tenant_resource_requests_one_pending on public.tenant_resource_requests (tenant_id, kind) where status = 'pending';
create index tenant_resource_requests_tenant_idx on public.tenant_resource_requests (tenant_id, created_at desc);
create index tenant_resource_requests_status_idx on public.tenant_resource_requests (status, created_at);

create table public.tenant_resource_request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.tenant_resource_requests (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  note text check (char_length(note) <= 2000),
  actor_id uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index tenant_resource_request_events_request_idx on public.tenant_resource_request_events (request_id, id);

-- As for access requests; a deleted account is forgotten as the requester (with the
-- address kept for them) or the decider, whatever the request's status.
create or replace function app_private.guard_resource_request() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_old public.tenant_resource_requests := old;
  v_new public.tenant_resource_requests := new;
begin
  v_old.requested_by := null;
  v_old.requester_email := null;
  v_old.decided_by := null;
  v_new.requested_by := null;
  v_new.requester_email := null;
  v_new.decided_by := null;
  if v_new is not distinct from v_old
    and (new.requested_by is null or (new.requested_by = old.requested_by and new.requester_email is not distinct from old.requester_email))
    and (new.decided_by is null or new.decided_by is not distinct from old.decided_by) then
    if new.requested_by is null then
      new.requester_email := null;
    end if;
    return new;
  end if;
  if old.status <> 'pending' then
    raise exception 'This request was already decided.' using errcode = 'OR409';
  end if;
  if new.id <> old.id or new.tenant_id <> old.tenant_id or new.kind <> old.kind
    or new.plan_tier is distinct from old.plan_tier or new.limits is distinct from old.limits
    or new.reason <> old.reason or new.requested_by is distinct from old.requested_by or new.created_at <> old.created_at then
    raise exception 'A request keeps who asked, for what and why.' using errcode = 'OR403';
  end if;
  if new.status <> 'pending' then
    new.decided_by := (select auth.uid());
    new.decided_at := now();
    if new.decided_by = new.requested_by then
      raise exception 'Nobody decides their own request: another platform admin must.' using errcode = 'OR403';
    end if;
  end if;
  return new;
end
$$;
revoke all on function app_private.guard_resource_request() from public;

create trigger tenant_resource_requests_guard before update on public.tenant_resource_requests
  for each row execute function app_private.guard_resource_request();

create or replace function app_private.record_resource_request_event() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.tenant_resource_request_events (request_id, tenant_id, status, note, actor_id)
    values (new.id, new.tenant_id, new.status, case when tg_op = 'UPDATE' then new.decision_note end, (select auth.uid()));
  end if;
  return null;
end
$$;
revoke all on function app_private.record_resource_request_event() from public;

create trigger tenant_resource_requests_history after insert or update on public.tenant_resource_requests
  for each row execute function app_private.record_resource_request_event();

alter table public.tenant_resource_requests enable row level security;
alter table public.tenant_resource_request_events enable row level security;
revoke all on public.tenant_resource_requests, public.tenant_resource_request_events from anon, authenticated;
-- Which platform admin decided is not the tenant's to read (as in its audit log).
grant select (id, tenant_id, kind, plan_tier, limits, reason, status, decision_note, requested_by, requester_email, decided_at, created_at)
  on public.tenant_resource_requests to authenticated;
grant select (id, request_id, tenant_id, status, note, created_at) on public.tenant_resource_request_events to authenticated;
grant all on public.tenant_resource_requests, public.tenant_resource_request_events to service_role;

create policy "tenant admins see their tenant's resource requests and platform admins all"
  on public.tenant_resource_requests for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "whoever sees a resource request sees its history"
  on public.tenant_resource_request_events for select to authenticated
  using (request_id in (select r.id from public.tenant_resource_requests r));

-- The tenant's admin asks; audited in the tenant's log. One pending request per kind (409),
-- none for what the tenant already has (409).
create or replace function app_private.file_resource_request(
  p_tenant_id uuid, p_kind text, p_plan_tier text, p_limits jsonb, p_reason text, p_ip text default null
) returns setof public.tenant_resource_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_tenant public.tenants%rowtype;
  v_request public.tenant_resource_requests%rowtype;
begin
  select * into v_tenant from public.tenants t where t.id = p_tenant_id;
  if not found or app_private.caller_role(p_tenant_id) is null then
    if found and app_private.is_platform_admin() then
      raise exception 'Only the tenant''s own admins ask the platform; platform admins change the tenant directly.' using errcode = 'OR403';
    end if;
    raise exception 'No such tenant.' using errcode = 'OR404';
  end if;
  if app_private.caller_role(p_tenant_id) <> 'admin' then
    raise exception 'Only this tenant''s admins ask the platform for more.' using errcode = 'OR403';
  end if;
  if p_kind = 'plan' and p_plan_tier = v_tenant.plan_tier then
    raise exception 'The tenant is on that plan already.' using errcode = 'OR409';
  end if;
  if p_kind = 'restricted_access'
    and (v_tenant.privacy_level = 'restricted' or (v_tenant.features -> 'restrictedAccess') = 'true'::jsonb) then
    raise exception 'The tenant has restricted access already: choose it on the dashboard''s Access page.' using errcode = 'OR409';
  end if;
  begin
    insert into public.tenant_resource_requests (tenant_id, kind, plan_tier, limits, reason, requested_by, requester_email)
    values (p_tenant_id, p_kind, case when p_kind = 'plan' then p_plan_tier end, case when p_kind = 'limits' then p_limits end,
      p_reason, (select auth.uid()), (select auth.jwt()) ->> 'email')
    returning * into v_request;
  exception when unique_violation then
    raise exception 'A request of this kind is already waiting for the platform''s decision.' using errcode = 'OR409';
  end;
  perform app_private.write_audit(p_tenant_id, 'resource_request.create', 'tenant', p_tenant_id::text, null,
    jsonb_strip_nulls(jsonb_build_object('requestId', v_request.id, 'kind', v_request.kind, 'planTier', v_request.plan_tier,
      'limits', v_request.limits, 'reason', v_request.reason)),
    p_ip);
  return next v_request;
end
$$;
revoke all on function app_private.file_resource_request(uuid, text, text, jsonb, text, text) from public;
grant execute on function app_private.file_resource_request(uuid, text, text, jsonb, text, text) to authenticated, service_role;

-- A platform admin decides. Approving applies the change under a lock on the tenant row, in
-- the transaction that writes the decision and the tenant's audit row (with the tenant's
-- plan, limits and privacy level before and after):
--   plan               the plan and its default limits, as a plan change in the console does;
--   limits             the requested limits over the current ones, key by key;
--   restricted_access  the `restricted` level, and the `restrictedAccess` feature, which lets
--                      the tenant's admins choose restricted again after leaving it.
create or replace function app_private.decide_resource_request(
  p_request_id uuid, p_decision text, p_note text, p_ip text default null
) returns setof public.tenant_resource_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_request public.tenant_resource_requests%rowtype;
  v_tenant public.tenants%rowtype;
  v_before jsonb;
  v_after jsonb;
begin
  if not app_private.is_platform_admin() then
    raise exception 'Only platform admins decide resource requests.' using errcode = 'OR403';
  end if;
  if p_decision not in ('approve', 'reject') then
    raise exception 'The decision is approve or reject.' using errcode = '22023';
  end if;
  select * into v_request from public.tenant_resource_requests r where r.id = p_request_id;
  if not found then
    raise exception 'No such resource request.' using errcode = 'OR404';
  end if;
  select * into v_tenant from public.tenants t where t.id = v_request.tenant_id for update;
  perform 1 from public.tenant_resource_requests r where r.id = p_request_id for update;

  update public.tenant_resource_requests r
     set status = case p_decision when 'approve' then 'approved' else 'rejected' end,
         decision_note = nullif(p_note, '')
   where r.id = p_request_id
  returning * into v_request;

  v_before := jsonb_build_object('planTier', v_tenant.plan_tier,
    'limits', app_private.effective_limits(v_tenant.limits, v_tenant.plan_tier), 'privacyLevel', v_tenant.privacy_level);
  if p_decision = 'approve' then
    update public.tenants t
       set plan_tier = case when v_request.kind = 'plan' then v_request.plan_tier else t.plan_tier end,
           limits = case v_request.kind
             when 'plan' then app_private.plan_default_limits(v_request.plan_tier)
             when 'limits' then app_private.effective_limits(t.limits, t.plan_tier) || v_request.limits
             else t.limits end,
           privacy_level = case when v_request.kind = 'restricted_access' then 'restricted' else t.privacy_level end,
           features = case when v_request.kind = 'restricted_access'
             then coalesce(t.features, '{}'::jsonb) || '{"restrictedAccess": true}'::jsonb else t.features end
     where t.id = v_request.tenant_id
    returning * into v_tenant;
  end if;
  v_after := jsonb_build_object('planTier', v_tenant.plan_tier,
    'limits', app_private.effective_limits(v_tenant.limits, v_tenant.plan_tier), 'privacyLevel', v_tenant.privacy_level);

  perform app_private.write_audit(v_request.tenant_id,
    case p_decision when 'approve' then 'resource_request.approve' else 'resource_request.reject' end,
    'tenant', v_request.tenant_id::text,
    case when p_decision = 'approve' then v_before end,
    case when p_decision = 'approve' then v_after else '{}'::jsonb end
      || jsonb_strip_nulls(jsonb_build_object('requestId', v_request.id, 'kind', v_request.kind, 'note', v_request.decision_note)),
    p_ip);
  return next v_request;
end
$$;
revoke all on function app_private.decide_resource_request(uuid, text, text, text) from public;
grant execute on function app_private.decide_resource_request(uuid, text, text, text) to authenticated, service_role;
