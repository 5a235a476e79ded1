-- Background knowledge work: one row per uploaded file (kind 'ingest') or per re-embedding
-- of a tenant's chunks (kind 'reindex'). Runners claim rows with `for update skip
-- locked`, hold them under a lease they renew while working, and finish them in the same
-- transaction that stores the result, so a job is either done with its document whole,
-- or not done with nothing of it stored. A lease that runs out (the process died) lets
-- another runner take the job again; `attempts` is the fencing token that keeps a late
-- runner from finishing a job someone else has taken since.
--
-- Tenant admins enqueue (only the columns that describe the work) and read their
-- tenant's jobs; status, progress and results are written by the runner alone.

create table public.knowledge_jobs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  kind text not null check (kind in ('ingest', 'reindex')),
  status text not null default 'queued' check (status in ('queued', 'extracting', 'embedding', 'done', 'failed')),
  progress int not null default 0 check (progress between 0 and 100),
  file_name text check (file_name is null or char_length(file_name) between 1 and 255),
  original_id uuid,
  options jsonb not null default '{}',
  document_id uuid,
  duplicate boolean not null default false,
  error_code text,
  error_message text,
  attempts int not null default 0,
  max_attempts int not null default 3 check (max_attempts between 1 and 10),
  run_after timestamptz not null default now(),
  lease_until timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (tenant_id, id),
  foreign key (tenant_id, original_id) references public.tenant_knowledge_originals (tenant_id, id) on delete set null (original_id),
  foreign key (tenant_id, document_id) references public.tenant_knowledge (tenant_id, id) on delete set null (document_id),
  check (kind <> 'ingest' or file_name is not null)
);
create index knowledge_jobs_runnable_idx on public.knowledge_jobs (run_after)
  where status in ('queued', 'extracting', 'embedding');
create index knowledge_jobs_tenant_recent_idx on public.knowledge_jobs (tenant_id, updated_at desc);
-- One re-embedding per tenant at a time: a second request joins the running one.
create unique index knowledge_jobs_one_reindex_idx on public.knowledge_jobs (tenant_id)
  where kind = 'reindex' and status in ('queued', 'extracting', 'embedding');

create trigger knowledge_jobs_touch_updated_at before update on public.knowledge_jobs
  for each row execute function app_private.touch_updated_at();

alter table public.knowledge_jobs enable row level security;

revoke all on public.knowledge_jobs from anon, authenticated;
grant select on public.knowledge_jobs to authenticated;
grant insert (tenant_id, kind, file_name, original_id, options) on public.knowledge_jobs to authenticated;
grant all on public.knowledge_jobs to service_role;

create policy "tenant admins and platform admins read knowledge jobs"
  on public.knowledge_jobs for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins enqueue knowledge jobs"
  on public.knowledge_jobs for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
