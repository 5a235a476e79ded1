-- A user deletes their own account. Memberships, conversations (with their messages)
-- and sessions go with the auth.users row through on-delete-cascade. The last admin of
-- a tenant must hand over first; each membership that ends leaves an audit row.
create or replace function app_private.delete_my_account(p_ip text default null) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_sole text;
  v_membership record;
begin
  if v_uid is null then
    raise exception 'Sign in to delete your account.' using errcode = 'OR403';
  end if;
  select string_agg(t.name, ', ' order by t.name) into v_sole
  from public.tenant_users mine join public.tenants t on t.id = mine.tenant_id
  where mine.user_id = v_uid and mine.role = 'admin'
    and not exists (
      select 1 from public.tenant_users other
      where other.tenant_id = mine.tenant_id and other.role = 'admin' and other.user_id <> v_uid
    );
  if v_sole is not null then
    raise exception 'You are the last admin of %: make another member admin first.', v_sole
      using errcode = 'OR409';
  end if;
  for v_membership in select tu.tenant_id, tu.role from public.tenant_users tu where tu.user_id = v_uid loop
    perform app_private.write_audit(v_membership.tenant_id, 'member.remove', 'user', v_uid::text,
      jsonb_build_object('role', v_membership.role), jsonb_build_object('reason', 'account_deleted'), p_ip);
  end loop;
  delete from auth.users where id = v_uid;
end
$$;

revoke all on function app_private.delete_my_account(text) from public;
grant execute on function app_private.delete_my_account(text) to authenticated, service_role;
