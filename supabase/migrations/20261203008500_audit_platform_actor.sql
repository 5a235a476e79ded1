-- A tenant's audit log names its own people; a platform admin who acted on the tenant is
-- shown by role, without the email address, account id or IP address behind it. This
-- tells the log's readers whether an actor is a platform admin (which the row is about
-- anyway) and nothing else about platform accounts.
create or replace function app_private.audit_actor_is_platform_admin(p_actor_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select p_actor_id is not null and exists (select 1 from public.platform_admins pa where pa.user_id = p_actor_id)
$$;

revoke all on function app_private.audit_actor_is_platform_admin(uuid) from public;
grant execute on function app_private.audit_actor_is_platform_admin(uuid) to authenticated, service_role;
