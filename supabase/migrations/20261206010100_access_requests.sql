-- A signed-in, verified person who is not a member asks to join a tenant; the tenant's admins
-- (or a platform admin) approve with a role or reject with a note. Each request is a row
-- with its status history beside it. The rules live here, for the app and a Supabase client
-- alike:
--   * only app_private.file_access_request files one (no API role inserts or updates rows);
--   * one pending request per person and tenant (the partial unique index);
--   * a decision is final, is taken by whoever the claims say, and never by the requester
--     (the guard trigger, whichever way the row is written);
--   * approving makes the person a member in the same transaction, within the tenant's
--     seats, and writes the audit row (app_private.decide_access_request).

create table public.tenant_access_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- The requester's verified address when they asked: what the tenant's admins see.
  email text not null check (char_length(email) between 3 and 254),
  message text not null default '' check (char_length(message) <= 2000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  -- The role granted on approval; the roles are tenant_users' (role_rank is their order's owner).
  role text check (role is null or app_private.role_rank(role) > 0),
  decision_note text check (char_length(decision_note) <= 2000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'approved' or role is not null)
);
create unique index tenant_access_requests_one_pending on public.tenant_access_requests (tenant_id, user_id) where status = 'pending';
create index tenant_access_requests_tenant_idx on public.tenant_access_requests (tenant_id, status, created_at desc);
create index tenant_access_requests_user_idx on public.tenant_access_requests (user_id, created_at desc);

-- Every status a request has had, written by the trigger below and by nothing else.
create table public.tenant_access_request_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.tenant_access_requests (id) on delete cascade,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  note text check (char_length(note) <= 2000),
  actor_id uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index tenant_access_request_events_request_idx on public.tenant_access_request_events (request_id, id);

-- A decision is final; the decider is the caller of the claims (null: the server itself),
-- never the requester. The one change a decided request takes is forgetting its decider
-- when their account is deleted (the foreign key's set null).
create or replace function app_private.guard_access_request() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_old public.tenant_access_requests := old;
  v_new public.tenant_access_requests := new;
begin
  v_old.decided_by := null;
  v_new.decided_by := null;
  if new.decided_by is null and v_new is not distinct from v_old then
    return new;
  end if;
  if old.status <> 'pending' then
    raise exception 'This request was already decided.' using errcode = 'OR409';
  end if;
  if new.id <> old.id or new.tenant_id <> old.tenant_id or new.user_id <> old.user_id
    or new.email <> old.email or new.message <> old.message or new.created_at <> old.created_at then
    raise exception 'A request keeps who asked, where and what.' using errcode = 'OR403';
  end if;
  if new.status <> 'pending' then
    new.decided_by := (select auth.uid());
    new.decided_at := now();
    if new.decided_by = new.user_id then
      raise exception 'Nobody decides their own request: another admin must.' using errcode = 'OR403';
    end if;
  end if;
  return new;
end
$$;
revoke all on function app_private.guard_access_request() from public;

create trigger tenant_access_requests_guard before update on public.tenant_access_requests
  for each row execute function app_private.guard_access_request();

create or replace function app_private.record_access_request_event() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.tenant_access_request_events (request_id, tenant_id, status, note, actor_id)
    values (new.id, new.tenant_id, new.status, case when tg_op = 'UPDATE' then new.decision_note end, (select auth.uid()));
  end if;
  return null;
end
$$;
revoke all on function app_private.record_access_request_event() from public;

create trigger tenant_access_requests_history after insert or update on public.tenant_access_requests
  for each row execute function app_private.record_access_request_event();

alter table public.tenant_access_requests enable row level security;
alter table public.tenant_access_request_events enable row level security;
revoke all on public.tenant_access_requests, public.tenant_access_request_events from anon, authenticated;
-- Who decided stays in the database (the guard's rule, the audit log names them to the tenant's admins).
grant select (id, tenant_id, user_id, email, message, status, role, decision_note, decided_at, created_at)
  on public.tenant_access_requests to authenticated;
grant select (id, request_id, tenant_id, status, note, created_at) on public.tenant_access_request_events to authenticated;
grant all on public.tenant_access_requests, public.tenant_access_request_events to service_role;

create policy "requesters see their own access requests, tenant admins and platform admins their tenant's"
  on public.tenant_access_requests for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select app_private.is_platform_admin())
    or tenant_id = any (array(select app_private.member_tenant_ids('admin')))
  );
-- A request's history is visible to exactly those who see the request (the subquery runs under their RLS).
create policy "whoever sees an access request sees its history"
  on public.tenant_access_request_events for select to authenticated
  using (request_id in (select r.id from public.tenant_access_requests r));

-- The caller asks to join `p_tenant_id`. They must be signed in with a verified address and
-- not a member; the tenant must be serving. A second pending request is a 409.
create or replace function app_private.file_access_request(p_tenant_id uuid, p_message text)
returns setof public.tenant_access_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text;
  v_tenant public.tenants%rowtype;
  v_request public.tenant_access_requests%rowtype;
begin
  if v_uid is null then
    raise exception 'Sign in to ask for access.' using errcode = 'OR403';
  end if;
  select lower(u.email) into v_email from auth.users u where u.id = v_uid and u.email_confirmed_at is not null;
  if v_email is null then
    raise exception 'Verify your email address first, then ask for access.' using errcode = 'OR403';
  end if;
  select * into v_tenant from public.tenants t where t.id = p_tenant_id;
  if not found then
    raise exception 'No such tenant.' using errcode = 'OR404';
  end if;
  if not app_private.tenant_serving(v_tenant.status, v_tenant.trial_ends_at) then
    raise exception 'This organisation is not taking requests at the moment.' using errcode = 'OR423';
  end if;
  if exists (select 1 from public.tenant_users tu where tu.tenant_id = p_tenant_id and tu.user_id = v_uid) then
    raise exception 'You are already a member of this organisation.' using errcode = 'OR409';
  end if;
  begin
    insert into public.tenant_access_requests (tenant_id, user_id, email, message)
    values (p_tenant_id, v_uid, v_email, coalesce(p_message, ''))
    returning * into v_request;
    return next v_request;
  exception when unique_violation then
    raise exception 'You have already asked to join; the organisation''s admins have not decided yet.' using errcode = 'OR409';
  end;
end
$$;
revoke all on function app_private.file_access_request(uuid, text) from public;
grant execute on function app_private.file_access_request(uuid, text) to authenticated, service_role;

-- A tenant admin (or platform admin) decides. Approving adds the requester as a member with
-- `p_role` in the same transaction: the tenant row is locked first, so seats are counted
-- once (members and pending invitations each hold one, app_private.enforce_member_seats);
-- a person already in (invited meanwhile) keeps their membership. The audit row names the
-- requester and is written by the same transaction.
create or replace function app_private.decide_access_request(
  p_request_id uuid, p_decision text, p_role text default null, p_note text default null, p_ip text default null
) returns setof public.tenant_access_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_request public.tenant_access_requests%rowtype;
  v_limit bigint;
  v_taken bigint;
begin
  if p_decision not in ('approve', 'reject') then
    raise exception 'The decision is approve or reject.' using errcode = '22023';
  end if;
  select * into v_request from public.tenant_access_requests r where r.id = p_request_id;
  if not found or not (app_private.is_platform_admin() or app_private.is_tenant_member(v_request.tenant_id, 'admin')) then
    raise exception 'No such access request.' using errcode = 'OR404';
  end if;
  perform app_private.tenant_accepts_writes(v_request.tenant_id);
  perform 1 from public.tenants t where t.id = v_request.tenant_id for update;
  perform 1 from public.tenant_access_requests r where r.id = p_request_id for update;

  update public.tenant_access_requests r
     set status = case p_decision when 'approve' then 'approved' else 'rejected' end,
         role = case p_decision when 'approve' then coalesce(p_role, 'user') end,
         decision_note = nullif(p_note, '')
   where r.id = p_request_id
  returning * into v_request;

  if p_decision = 'approve' and not exists (
    select 1 from public.tenant_users tu where tu.tenant_id = v_request.tenant_id and tu.user_id = v_request.user_id
  ) then
    v_limit := app_private.tenant_limit(v_request.tenant_id, 'members');
    if v_limit is not null then
      select (select count(*) from public.tenant_users tu where tu.tenant_id = v_request.tenant_id)
           + (select count(*) from public.tenant_invitations i
               where i.tenant_id = v_request.tenant_id and i.accepted_at is null and i.expires_at > now()
                 and i.email <> v_request.email)
        into v_taken;
      if v_taken >= v_limit then
        raise exception 'This tenant''s plan allows % members (invitations included): remove a member or withdraw an invitation first.', v_limit
          using errcode = 'OR429';
      end if;
    end if;
    insert into public.tenant_users (tenant_id, user_id, role) values (v_request.tenant_id, v_request.user_id, v_request.role);
  end if;

  perform app_private.write_audit(v_request.tenant_id,
    case p_decision when 'approve' then 'access_request.approve' else 'access_request.reject' end,
    'user', v_request.user_id::text, null,
    jsonb_strip_nulls(jsonb_build_object('email', v_request.email, 'role', v_request.role, 'requestId', v_request.id,
      'note', v_request.decision_note)),
    p_ip);
  return next v_request;
end
$$;
revoke all on function app_private.decide_access_request(uuid, text, text, text, text) from public;
grant execute on function app_private.decide_access_request(uuid, text, text, text, text) to authenticated, service_role;

-- A restricted tenant lets people in only through an approved access request or an
-- invitation to their verified address: no other way, not even the server's own tools.
create or replace function app_private.restricted_tenant_entry() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.tenants t where t.id = new.tenant_id and t.privacy_level = 'restricted')
    or exists (select 1 from public.tenant_users tu where tu.tenant_id = new.tenant_id and tu.user_id = new.user_id)
    or exists (
      select 1 from public.tenant_access_requests r
       where r.tenant_id = new.tenant_id and r.user_id = new.user_id and r.status = 'approved'
    )
    or exists (
      select 1 from public.tenant_invitations i join auth.users u on lower(u.email) = i.email
       where u.id = new.user_id and u.email_confirmed_at is not null
         and i.tenant_id = new.tenant_id and i.accepted_at is null and i.expires_at > now()
    ) then
    return new;
  end if;
  raise exception 'This organisation is restricted: people join it only through an approved access request or an invitation.'
    using errcode = 'OR403';
end
$$;
revoke all on function app_private.restricted_tenant_entry() from public;

create trigger tenant_users_restricted_entry before insert on public.tenant_users
  for each row execute function app_private.restricted_tenant_entry();
