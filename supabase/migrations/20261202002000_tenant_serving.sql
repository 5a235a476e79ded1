-- Whether a tenant is serving, decided here only: a trial past its end reads as
-- suspended, and a tenant serves while it is active or in its trial. The directory,
-- the oracle's profile, the admin records and the visitor policy all read these two
-- functions instead of comparing status and trial dates themselves.
create or replace function app_private.tenant_effective_status(p_status text, p_trial_ends_at timestamptz) returns text
language sql stable
set search_path = ''
as $$
  select case
    when p_status = 'trial' and p_trial_ends_at is not null and p_trial_ends_at <= now() then 'suspended'
    else p_status
  end
$$;

create or replace function app_private.tenant_serving(p_status text, p_trial_ends_at timestamptz) returns boolean
language sql stable
set search_path = ''
as $$
  select app_private.tenant_effective_status(p_status, p_trial_ends_at) in ('active', 'trial')
$$;

revoke all on function app_private.tenant_effective_status(text, timestamptz) from public;
revoke all on function app_private.tenant_serving(text, timestamptz) from public;
grant execute on function app_private.tenant_effective_status(text, timestamptz) to anon, authenticated, service_role;
grant execute on function app_private.tenant_serving(text, timestamptz) to anon, authenticated, service_role;

-- Same answers as before, with the serving rule read from its owner.
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
  where t.id = claimed::uuid and t.public_access and app_private.tenant_serving(t.status, t.trial_ends_at);
  return result;
end
$$;
