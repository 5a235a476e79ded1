-- End users of a tenant's own site: people the tenant's server names (an id of its own),
-- with a history of their own inside the tenant, apart from the tenant's members.
--
-- Identity is verified as Intercom and Chatbase do it: the tenant's server sends
-- HMAC-SHA256(user id, identity secret). The secret is sealed by the app (lib/secrets),
-- so the app checks the hash; then, as the server, it opens a short-lived end-user
-- session here. A request for the end user runs as `anon` with claims that carry only the
-- SHA-256 of that session's token, {"end_user_session_hash": "<hex>"}; the functions below
-- look the session up and answer with its tenant and end user while it is live. Only the
-- server opens sessions (app_private.is_server_call), so a claim alone vouches for nobody.

create table public.tenant_identity_secrets (
  tenant_id uuid primary key references public.tenants (id) on delete cascade,
  -- `v1:<key id>:<iv>:<sealed>`, opened only with the context `tenant_identity_secret:<tenant id>`.
  secret_ciphertext text not null check (secret_ciphertext ~ '^v1:[^:]+:[^:]+:[^:]+$'),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);

alter table public.tenant_identity_secrets enable row level security;
revoke all on public.tenant_identity_secrets from anon, authenticated;
grant select, insert (tenant_id, secret_ciphertext, created_by), update (secret_ciphertext, created_by, created_at)
  on public.tenant_identity_secrets to authenticated;
grant all on public.tenant_identity_secrets to service_role;

create policy "tenant admins and platform admins read their tenant's identity secret"
  on public.tenant_identity_secrets for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins set their tenant's identity secret in their own name"
  on public.tenant_identity_secrets for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
create policy "tenant admins and platform admins rotate their tenant's identity secret in their own name"
  on public.tenant_identity_secrets for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check (
    created_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
create policy "an inactive tenant takes no new identity secret" on public.tenant_identity_secrets
  as restrictive for insert to authenticated
  with check (app_private.tenant_accepts_writes(tenant_id));
create policy "an inactive tenant's identity secret is not rotated" on public.tenant_identity_secrets
  as restrictive for update to authenticated
  using (app_private.tenant_accepts_writes(tenant_id));

create table public.tenant_end_users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  -- The tenant's own id for the person (the `user` it signs).
  external_id text not null check (char_length(external_id) between 1 and 256),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  unique (tenant_id, external_id),
  unique (tenant_id, id)
);

-- A short-lived session: opened by the server for a verified end user (end_user_id) or
-- for an anonymous visitor of a public tenant (end_user_id null). Only its token's
-- SHA-256 is kept; the token is 256 random bits.
create table public.tenant_end_user_sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  end_user_id uuid,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  -- The embedding page's origin for a widget session; null for the public API's.
  origin text check (char_length(origin) <= 300),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, end_user_id) references public.tenant_end_users (tenant_id, id) on delete cascade
);
create index tenant_end_user_sessions_expiry_idx on public.tenant_end_user_sessions (expires_at);

create table public.tenant_end_user_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  end_user_id uuid not null,
  role text not null check (role in ('user', 'assistant')),
  content text not null check (char_length(content) <= 100000),
  sources jsonb not null default '[]'::jsonb check (jsonb_typeof(sources) = 'array'),
  created_at timestamptz not null default clock_timestamp(),
  foreign key (tenant_id, end_user_id) references public.tenant_end_users (tenant_id, id) on delete cascade
);
create index tenant_end_user_messages_user_idx on public.tenant_end_user_messages (tenant_id, end_user_id, created_at desc);

alter table public.tenant_end_users enable row level security;
alter table public.tenant_end_user_sessions enable row level security;
alter table public.tenant_end_user_messages enable row level security;
revoke all on public.tenant_end_users, public.tenant_end_user_sessions, public.tenant_end_user_messages from anon, authenticated;
grant all on public.tenant_end_users, public.tenant_end_user_sessions, public.tenant_end_user_messages to service_role;
-- An end user reads their own history and adds to it; nobody changes or removes a message
-- through the API roles, and sessions are the server's alone.
grant select on public.tenant_end_users to anon;
grant select, insert (tenant_id, end_user_id, role, content, sources) on public.tenant_end_user_messages to anon;

-- The session hash the request's claims carry, if it has the shape of one and the
-- transaction acts as `anon` (the database role, never the claims' role).
create or replace function app_private.end_user_claimed_hash() returns text
language sql stable
set search_path = ''
as $$
  select h from (select (select auth.jwt()) ->> 'end_user_session_hash' as h) claimed
  where h ~ '^[0-9a-f]{64}$'
    and coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user::text) = 'anon'
$$;

-- The request's live end-user session: its tenant (serving) and end user (null for an
-- anonymous visitor, who is admitted only while the tenant is public). With an API key in
-- the same claims, only a session of the key's own tenant counts.
create or replace function app_private.end_user_session()
returns table (session_id uuid, tenant_id uuid, end_user_id uuid)
language sql stable security definer
set search_path = ''
as $$
  select s.id, s.tenant_id, s.end_user_id
    from public.tenant_end_user_sessions s join public.tenants t on t.id = s.tenant_id
   where s.token_hash = (select app_private.end_user_claimed_hash())
     and s.expires_at > now()
     and app_private.tenant_serving(t.status, t.trial_ends_at)
     and (s.end_user_id is not null or t.public_access)
     and ((select app_private.api_key_claimed_hash()) is null or s.tenant_id = (select app_private.api_key_tenant_id('chat')))
$$;

create or replace function app_private.end_user_tenant_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select tenant_id from app_private.end_user_session()
$$;

create or replace function app_private.end_user_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select end_user_id from app_private.end_user_session()
$$;

revoke all on function app_private.end_user_claimed_hash() from public;
revoke all on function app_private.end_user_session() from public;
revoke all on function app_private.end_user_tenant_id() from public;
revoke all on function app_private.end_user_id() from public;
grant execute on function app_private.end_user_claimed_hash() to anon, authenticated, service_role;
grant execute on function app_private.end_user_session() to anon, service_role;
grant execute on function app_private.end_user_tenant_id() to anon, authenticated, service_role;
grant execute on function app_private.end_user_id() to anon, authenticated, service_role;

create policy "end users read their own record"
  on public.tenant_end_users for select to anon
  using (tenant_id = (select app_private.end_user_tenant_id()) and id = (select app_private.end_user_id()));
create policy "end users read their own history"
  on public.tenant_end_user_messages for select to anon
  using (tenant_id = (select app_private.end_user_tenant_id()) and end_user_id = (select app_private.end_user_id()));
create policy "end users add to their own history"
  on public.tenant_end_user_messages for insert to anon
  with check (tenant_id = (select app_private.end_user_tenant_id()) and end_user_id = (select app_private.end_user_id()));
create policy "an inactive tenant takes no new end-user messages" on public.tenant_end_user_messages
  as restrictive for insert to anon
  with check (app_private.tenant_accepts_writes(tenant_id));

-- The sealed identity secret, for the server to check a hash with; nobody else reads it
-- this way (admins read it under their own policy above).
create or replace function app_private.tenant_identity_secret(p_tenant_id uuid) returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not app_private.is_server_call() then
    raise exception 'Identity secrets are read by the server only.' using errcode = 'OR403';
  end if;
  return (select s.secret_ciphertext from public.tenant_identity_secrets s where s.tenant_id = p_tenant_id);
end
$$;

-- Opens a session for a verified end user (p_external_id) or an anonymous visitor (null),
-- for at most an hour. The server calls it after checking the hash; expired sessions of
-- the tenant older than a day are cleared on the way.
create or replace function app_private.open_end_user_session(
  p_tenant_id uuid, p_external_id text, p_token_hash text, p_origin text, p_ttl_seconds int
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_end_user uuid;
begin
  if not app_private.is_server_call() then
    raise exception 'End-user sessions are opened by the server only.' using errcode = 'OR403';
  end if;
  if p_ttl_seconds is null or p_ttl_seconds not between 30 and 3600 then
    raise exception 'A session lasts between 30 seconds and an hour.' using errcode = '22023';
  end if;
  if p_external_id is not null then
    insert into public.tenant_end_users (tenant_id, external_id) values (p_tenant_id, p_external_id)
    on conflict (tenant_id, external_id) do update set last_seen_at = now()
    returning id into v_end_user;
  end if;
  delete from public.tenant_end_user_sessions s
   where s.tenant_id = p_tenant_id and s.expires_at < now() - interval '1 day';
  insert into public.tenant_end_user_sessions (tenant_id, end_user_id, token_hash, origin, expires_at)
  values (p_tenant_id, v_end_user, p_token_hash, p_origin, now() + make_interval(secs => p_ttl_seconds));
  return v_end_user;
end
$$;

revoke all on function app_private.tenant_identity_secret(uuid) from public;
revoke all on function app_private.open_end_user_session(uuid, text, text, text, int) from public;
grant execute on function app_private.tenant_identity_secret(uuid) to service_role;
grant execute on function app_private.open_end_user_session(uuid, text, text, text, int) to service_role;

-- A live end-user session is a visitor of its tenant too (the oracle's visitor path:
-- profile, retrieval, counting), as a `chat` key is. Every policy and function that
-- admits a visitor reads this one function.
create or replace function app_private.visitor_tenant_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  claimed text := (select auth.jwt()) ->> 'tenant_id';
  result uuid;
begin
  if claimed is null
    or claimed !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
    return coalesce(app_private.api_key_tenant_id('chat'), app_private.end_user_tenant_id());
  end if;
  select t.id into result from public.tenants t
  where t.id = claimed::uuid and t.public_access and app_private.tenant_serving(t.status, t.trial_ends_at);
  return result;
end
$$;
