-- Tenant API keys: a tenant's own code calls the public API (/api/v1) with a secret that
-- stands for the tenant, limited to the key's scopes.
--
-- The secret is shown once and stored only as its SHA-256 (it is 256 random bits, so a
-- plain hash is enough: there is nothing to guess). A request with a key runs as the
-- role `anon` with claims that carry that hash, {"api_key_hash": "<hex>"}, never a tenant
-- id: the functions below look the key up themselves and answer with its tenant only
-- while the key is live (not revoked, not expired) and the tenant is serving. A claim
-- names nothing the database trusts; it is a proof of the secret, checked here.
create table public.tenant_api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  -- The start of the secret, listed so an admin can tell keys apart.
  prefix text not null check (prefix ~ '^oak_[A-Za-z0-9_-]{8}$'),
  secret_hash text not null unique check (secret_hash ~ '^[0-9a-f]{64}$'),
  scopes text[] not null check (
    cardinality(scopes) between 1 and 4
    and scopes <@ array['chat', 'knowledge:read', 'knowledge:write', 'usage:read']::text[]
  ),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create index tenant_api_keys_tenant_created_idx on public.tenant_api_keys (tenant_id, created_at desc);

-- A revoked key stays revoked: revocation is the one change an admin makes, and it is final.
create or replace function app_private.keep_api_key_revoked() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'A revoked API key cannot be restored; create a new one.' using errcode = 'OR409';
  end if;
  return new;
end
$$;
revoke all on function app_private.keep_api_key_revoked() from public;

create trigger tenant_api_keys_keep_revoked before update on public.tenant_api_keys
  for each row execute function app_private.keep_api_key_revoked();

alter table public.tenant_api_keys enable row level security;

-- Nobody reads the hash back through the API roles, and only revoked_at ever changes.
revoke all on public.tenant_api_keys from anon, authenticated;
grant select (id, tenant_id, name, prefix, scopes, expires_at, last_used_at, revoked_at, created_by, created_at)
  on public.tenant_api_keys to authenticated;
grant insert (tenant_id, name, prefix, secret_hash, scopes, expires_at, created_by) on public.tenant_api_keys to authenticated;
grant update (revoked_at) on public.tenant_api_keys to authenticated;
grant all on public.tenant_api_keys to service_role;

create policy "tenant admins and platform admins read their tenant's api keys"
  on public.tenant_api_keys for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins create api keys in their own name"
  on public.tenant_api_keys for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
create policy "tenant admins and platform admins revoke their tenant's api keys"
  on public.tenant_api_keys for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
-- An inactive tenant gets no new keys; revoking stays open (it only narrows access).
create policy "an inactive tenant takes no new rows" on public.tenant_api_keys
  as restrictive for insert to authenticated, anon
  with check (app_private.tenant_accepts_writes(tenant_id));

-- The hash the request's claims carry, if it has the shape of one and the transaction
-- acts as `anon` (the database role, as app_private.is_server_call reads it, not the
-- claims' role); null otherwise. Members and their Supabase tokens act as themselves,
-- never as a key.
create or replace function app_private.api_key_claimed_hash() returns text
language sql stable
set search_path = ''
as $$
  select h from (select (select auth.jwt()) ->> 'api_key_hash' as h) claimed
  where h ~ '^[0-9a-f]{64}$'
    and coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user::text) = 'anon'
$$;

-- The tenant of the request's live key when the key holds p_scope (null = any scope),
-- and only while the tenant is serving.
create or replace function app_private.api_key_tenant_id(p_scope text) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select k.tenant_id
    from public.tenant_api_keys k join public.tenants t on t.id = k.tenant_id
   where k.secret_hash = (select app_private.api_key_claimed_hash())
     and k.revoked_at is null
     and (k.expires_at is null or k.expires_at > now())
     and (p_scope is null or p_scope = any (k.scopes))
     and app_private.tenant_serving(t.status, t.trial_ends_at)
$$;

-- The request's key, for the server to learn which key and tenant it acts for: the live
-- key the claims prove (whatever its tenant's status, so an inactive tenant's key hears
-- 403 rather than 401), and its use is recorded, at most once a minute per key.
create or replace function app_private.api_key_caller()
returns table (key_id uuid, tenant_id uuid, scopes text[], serving boolean, tenant_status text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_hash text := app_private.api_key_claimed_hash();
begin
  if v_hash is null then
    return;
  end if;
  update public.tenant_api_keys k set last_used_at = now()
   where k.secret_hash = v_hash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
     and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute');
  return query
    select k.id, k.tenant_id, k.scopes, app_private.tenant_serving(t.status, t.trial_ends_at),
           app_private.tenant_effective_status(t.status, t.trial_ends_at)
      from public.tenant_api_keys k join public.tenants t on t.id = k.tenant_id
     where k.secret_hash = v_hash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
end
$$;

revoke all on function app_private.api_key_claimed_hash() from public;
revoke all on function app_private.api_key_tenant_id(text) from public;
revoke all on function app_private.api_key_caller() from public;
grant execute on function app_private.api_key_claimed_hash() to anon, authenticated, service_role;
grant execute on function app_private.api_key_tenant_id(text) to anon, authenticated, service_role;
grant execute on function app_private.api_key_caller() to anon, service_role;

-- A key with the `chat` scope asks its tenant's assistant the way a visitor does (the
-- oracle's visitor path: profile, retrieval, counting), on a private tenant too. Every
-- policy and function that admits a visitor reads this one function.
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
    return app_private.api_key_tenant_id('chat');
  end if;
  select t.id into result from public.tenants t
  where t.id = claimed::uuid and t.public_access and app_private.tenant_serving(t.status, t.trial_ends_at);
  return result;
end
$$;

-- Any live key reads its own tenant's row (its name for the model list, its language for
-- search); `knowledge:read` reads the knowledge and the search statistics, as search needs.
create policy "api keys read their own tenant"
  on public.tenants for select to anon
  using (id = (select app_private.api_key_tenant_id(null)));
create policy "api keys with knowledge:read read their tenant's knowledge"
  on public.tenant_knowledge for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('knowledge:read')));
create policy "api keys with knowledge:read read their tenant's chunks"
  on public.tenant_knowledge_chunks for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('knowledge:read')));
create policy "api keys with knowledge:read read their tenant's search statistics"
  on public.tenant_search_stats for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('knowledge:read')));
create policy "api keys with knowledge:read read their tenant's lexeme statistics"
  on public.tenant_lexeme_stats for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('knowledge:read')));
