-- People can leave a tenant whatever their role, as long as another admin remains; the
-- last-admin rule holds only for the last admin, and holds under concurrency.

-- Two admins demoting (or removing) each other at once each saw the other still admin.
-- Locking the tenant row first serialises every change to its admins; the re-check
-- then sees the other transaction's committed result. security definer: the lock must
-- work whoever acts (a member leaving has no update right on the tenant).
create or replace function app_private.keep_last_admin() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.role = 'admin' and (tg_op = 'DELETE' or new.role <> 'admin' or new.tenant_id <> old.tenant_id) then
    perform 1 from public.tenants where id = old.tenant_id for no key update;
    if found and not exists (
      select 1 from public.tenant_users
      where tenant_id = old.tenant_id and role = 'admin' and user_id <> old.user_id
    ) then
      raise exception 'A tenant must keep at least one admin: make another member admin first.'
        using errcode = 'OR409';
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function app_private.keep_last_admin() from public;

-- The caller ends their own membership (any role); audited before the row goes, since
-- write_audit accepts rows from members only.
create or replace function app_private.leave_tenant(p_tenant_id uuid, p_ip text default null) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_role text;
begin
  select tu.role into v_role from public.tenant_users tu
  where tu.tenant_id = p_tenant_id and tu.user_id = v_uid
  for update;
  if v_uid is null or v_role is null then
    raise exception 'No such member of this tenant.' using errcode = 'OR404';
  end if;
  perform app_private.write_audit(p_tenant_id, 'member.remove', 'user', v_uid::text,
    jsonb_build_object('role', v_role), jsonb_build_object('reason', 'left'), p_ip);
  delete from public.tenant_users where tenant_id = p_tenant_id and user_id = v_uid;
end
$$;
revoke all on function app_private.leave_tenant(uuid, text) from public;
grant execute on function app_private.leave_tenant(uuid, text) to authenticated, service_role;
