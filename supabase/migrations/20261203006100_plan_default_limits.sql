-- A plan's default limits have one owner: app_private.plan_default_limits. Until now they were
-- written three times (the tenants.limits column default, tenant_limit's fallback, and
-- lib/multi-tenant/tenants/plans.ts). TypeScript now asks this function (plan_defaults.ts) and
-- reads a tenant's limits through app_private.effective_limits, the same resolution the usage
-- functions apply through tenant_limit.
create or replace function app_private.plan_default_limits(p_tier text) returns jsonb
language sql immutable
set search_path = ''
as $$
  select case p_tier
    when 'starter' then
      '{"conversationsPerMonth": 1000, "tokensPerMonth": null, "storageMb": 10240, "members": null}'::jsonb
    when 'professional' then
      '{"conversationsPerMonth": 10000, "tokensPerMonth": null, "storageMb": 51200, "members": null}'::jsonb
    when 'enterprise' then
      '{"conversationsPerMonth": null, "tokensPerMonth": null, "storageMb": null, "members": null}'::jsonb
  end
$$;

-- A tenant's limits: a stored whole number >= 0 is the limit, a stored JSON null is unlimited,
-- and a key that is missing or malformed takes the plan's default. The plan's defaults name
-- the keys, so a stored key the platform does not know is dropped.
create or replace function app_private.effective_limits(p_limits jsonb, p_tier text) returns jsonb
language sql immutable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_object_agg(d.key,
    case
      when pg_catalog.jsonb_typeof(p_limits -> d.key) = 'null' then 'null'::jsonb
      when pg_catalog.jsonb_typeof(p_limits -> d.key) = 'number'
        and (p_limits ->> d.key)::numeric >= 0
        and (p_limits ->> d.key)::numeric = pg_catalog.trunc((p_limits ->> d.key)::numeric)
        then p_limits -> d.key
      else d.value
    end), '{}'::jsonb)
  from pg_catalog.jsonb_each(app_private.plan_default_limits(p_tier)) d
$$;

create or replace function app_private.tenant_limit(p_tenant_id uuid, p_key text) returns bigint
language sql stable security definer
set search_path = ''
as $$
  select (app_private.effective_limits(t.limits, t.plan_tier) ->> p_key)::numeric::bigint
  from public.tenants t
  where t.id = p_tenant_id
$$;

-- A row inserted without limits takes its plan's defaults when read, not a copy of starter's.
alter table public.tenants alter column limits set default '{}'::jsonb;

revoke all on function app_private.plan_default_limits(text) from public;
revoke all on function app_private.effective_limits(jsonb, text) from public;
grant execute on function app_private.plan_default_limits(text) to anon, authenticated, service_role;
grant execute on function app_private.effective_limits(jsonb, text) to anon, authenticated, service_role;
