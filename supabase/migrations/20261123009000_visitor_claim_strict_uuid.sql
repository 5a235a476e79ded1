-- A visitor's tenant claim is trusted only in the canonical uuid form. The first
-- version accepted any 36 characters of hex digits and dashes, so a claim such as
-- 36 dashes passed the check and then failed the uuid cast: the visitor's query
-- raised an error instead of matching nothing, as the function promises.
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
    return null;
  end if;
  select t.id into result from public.tenants t
  where t.id = claimed::uuid and t.public_access
    and (t.status = 'active' or (t.status = 'trial' and (t.trial_ends_at is null or t.trial_ends_at > now())));
  return result;
end
$$;

revoke all on function app_private.visitor_tenant_id() from public;
grant execute on function app_private.visitor_tenant_id() to anon, authenticated, service_role;
