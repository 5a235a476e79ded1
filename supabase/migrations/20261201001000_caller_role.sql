-- One predicate answers "what is the caller's role in this tenant" (basejump's
-- has_role_on_account): the membership checks of policies and functions, and the role
-- resolveCaller reports, all read it. null = not a member.
create or replace function app_private.caller_role(tid uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select tu.role from public.tenant_users tu
  where tu.tenant_id = tid and tu.user_id = (select auth.uid())
$$;

revoke all on function app_private.caller_role(uuid) from public;
grant execute on function app_private.caller_role(uuid) to anon, authenticated, service_role;

-- Same answers as before: a non-member (rank 0) fails whatever min_role says.
create or replace function app_private.is_tenant_member(tid uuid, min_role text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select app_private.role_rank(app_private.caller_role(tid)) >= greatest(app_private.role_rank(min_role), 1)
$$;

-- The set form policies compare against (array(select ...) keeps tenant_id indexes
-- usable); each tenant it lists passes the same role test.
create or replace function app_private.member_tenant_ids(min_role text) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select tu.tenant_id from public.tenant_users tu
  where tu.user_id = (select auth.uid())
    and app_private.role_rank(app_private.caller_role(tu.tenant_id)) >= app_private.role_rank(min_role)
$$;

-- What a request needs to know about its caller, read with the session: platform admin
-- or not, and the role in the tenant the request is about (null for none).
create or replace function app_private.caller_facts(tid uuid)
returns table (is_platform_admin boolean, role text)
language sql stable security definer
set search_path = ''
as $$
  select app_private.is_platform_admin(), case when tid is null then null else app_private.caller_role(tid) end
$$;

revoke all on function app_private.caller_facts(uuid) from public;
grant execute on function app_private.caller_facts(uuid) to anon, authenticated, service_role;
