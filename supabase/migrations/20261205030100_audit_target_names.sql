-- The audit log names a member it is about by email. Emails live in auth.users, which the
-- API roles cannot read: this answers a platform admin or an admin of the tenant, and only
-- for an account that tenant's own log names as a target.
create or replace function app_private.audit_member_email(p_tenant_id uuid, p_user_id text) returns text
language sql stable security definer
set search_path = ''
as $$
  select u.email::text
    from auth.users u
   where u.id::text = p_user_id
     and (app_private.is_platform_admin() or app_private.is_tenant_member(p_tenant_id, 'admin'))
     and exists (
       select 1 from public.audit_logs a
        where a.tenant_id = p_tenant_id and a.target_type = 'user' and a.target_id = p_user_id
     )
$$;

revoke all on function app_private.audit_member_email(uuid, text) from public;
grant execute on function app_private.audit_member_email(uuid, text) to authenticated, service_role;
