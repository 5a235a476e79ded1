-- A key with `usage:read` reads its own tenant's usage counters (GET /api/v1/usage), as
-- the tenant's admins do; writing them stays the server's alone.
grant select on public.tenant_usage, public.tenant_usage_daily to anon;

create policy "api keys with usage:read read their tenant's usage"
  on public.tenant_usage for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('usage:read')));
create policy "api keys with usage:read read their tenant's daily usage"
  on public.tenant_usage_daily for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('usage:read')));
