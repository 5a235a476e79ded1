-- Members are listed with their email addresses, which live in auth.users where the
-- API roles cannot read. These functions answer only a platform admin or an admin of
-- the tenant asked about.

create or replace function app_private.assert_can_manage_members(p_tenant_id uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (app_private.is_platform_admin() or app_private.is_tenant_member(p_tenant_id, 'admin')) then
    raise exception 'Only the tenant''s admins can manage its members.' using errcode = 'OR403';
  end if;
end
$$;

create or replace function app_private.tenant_member_list(p_tenant_id uuid)
returns table (user_id uuid, email text, role text, created_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app_private.assert_can_manage_members(p_tenant_id);
  return query
    select tu.user_id, u.email::text, tu.role, tu.created_at
    from public.tenant_users tu join auth.users u on u.id = tu.user_id
    where tu.tenant_id = p_tenant_id
    order by tu.created_at, u.email;
end
$$;

-- The account behind an address, to add it to the tenant (null: invite instead).
create or replace function app_private.user_id_for_new_member(p_tenant_id uuid, p_email text) returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform app_private.assert_can_manage_members(p_tenant_id);
  select u.id into v_id from auth.users u where lower(u.email) = lower(p_email) order by u.created_at limit 1;
  return v_id;
end
$$;

revoke all on function app_private.assert_can_manage_members(uuid) from public;
revoke all on function app_private.tenant_member_list(uuid) from public;
revoke all on function app_private.user_id_for_new_member(uuid, text) from public;
grant execute on function app_private.tenant_member_list(uuid) to authenticated, service_role;
grant execute on function app_private.user_id_for_new_member(uuid, text) to authenticated, service_role;
