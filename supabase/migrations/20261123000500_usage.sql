-- Counters per tenant per month (limits) and per day (charts). Nobody writes them
-- directly: the security definer functions of the oracle migration do, atomically.
create table public.tenant_usage (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  period date not null check (extract(day from period) = 1),
  conversations int not null default 0,
  messages int not null default 0,
  tokens_in bigint not null default 0,
  tokens_out bigint not null default 0,
  tokens_reserved bigint not null default 0,
  storage_bytes bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, period)
);

create table public.tenant_usage_daily (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  day date not null,
  conversations int not null default 0,
  messages int not null default 0,
  tokens bigint not null default 0,
  element_counts jsonb not null default '{}'::jsonb,
  primary key (tenant_id, day)
);

alter table public.tenant_usage enable row level security;
alter table public.tenant_usage_daily enable row level security;

revoke all on public.tenant_usage, public.tenant_usage_daily from anon, authenticated;
grant select on public.tenant_usage, public.tenant_usage_daily to authenticated;
grant all on public.tenant_usage, public.tenant_usage_daily to service_role;

create policy "tenant admins and platform admins read usage"
  on public.tenant_usage for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins read daily usage"
  on public.tenant_usage_daily for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
