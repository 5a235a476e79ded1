-- A tenant admin's export of the tenant's data: a zip archive built in the background by
-- the knowledge job runner (a knowledge_jobs row of kind 'export' names the export in its
-- options), stored here until the next export of the tenant replaces it, and read back
-- under the admin's own policies in pieces, so the download streams. One export is built
-- at a time per tenant: asking again while one is in flight joins it.

alter table public.knowledge_jobs drop constraint knowledge_jobs_kind_check;
alter table public.knowledge_jobs add constraint knowledge_jobs_kind_check
  check (kind in ('ingest', 'reindex', 'reextract', 'export'));

create table public.tenant_exports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  status text not null default 'queued' check (status in ('queued', 'building', 'ready', 'failed')),
  requested_by uuid default auth.uid() references auth.users (id) on delete set null,
  archive bytea,
  byte_size bigint not null default 0,
  error_message text check (error_message is null or char_length(error_message) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (tenant_id, id),
  check (status <> 'ready' or archive is not null)
);
create index tenant_exports_tenant_recent_idx on public.tenant_exports (tenant_id, created_at desc);
create unique index tenant_exports_one_in_flight_idx on public.tenant_exports (tenant_id) where status in ('queued', 'building');

create trigger tenant_exports_touch_updated_at before update on public.tenant_exports
  for each row execute function app_private.touch_updated_at();

alter table public.tenant_exports enable row level security;

revoke all on public.tenant_exports from anon, authenticated;
grant select on public.tenant_exports to authenticated;
grant insert (tenant_id) on public.tenant_exports to authenticated;
grant all on public.tenant_exports to service_role;

create policy "tenant admins and platform admins read their tenant's exports"
  on public.tenant_exports for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins ask for exports in their own name"
  on public.tenant_exports for insert to authenticated
  with check (
    requested_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
