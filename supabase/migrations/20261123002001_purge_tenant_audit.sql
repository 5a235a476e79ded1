-- Deleting a tenant removes its audit chain; the platform's own chain keeps the record of
-- the deletion. Audit rows are append-only for the API roles, so this one narrowly scoped
-- function does the removal as its owner (the append-only trigger only refuses
-- `authenticated` and `anon`). It only touches tenants that no longer exist, so it can
-- erase the trail of a deleted tenant and never the history of a living one.
create or replace function app_private.purge_tenant_audit(p_tenant_id uuid) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_deleted int;
begin
  if not app_private.is_platform_admin() then
    raise exception 'Only a platform admin can remove a tenant''s audit log.' using errcode = 'OR403';
  end if;
  if p_tenant_id is null then
    raise exception 'The platform''s own audit chain cannot be removed.' using errcode = 'OR403';
  end if;
  if exists (select 1 from public.tenants where id = p_tenant_id) then
    raise exception 'Delete the tenant before removing its audit log.' using errcode = 'OR409';
  end if;
  delete from public.audit_logs where tenant_id = p_tenant_id;
  get diagnostics v_deleted = row_count;
  return v_deleted;
end
$$;

revoke all on function app_private.purge_tenant_audit(uuid) from public, anon;
grant execute on function app_private.purge_tenant_audit(uuid) to authenticated;
