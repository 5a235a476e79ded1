create table public.tenant_knowledge (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 300),
  category text check (category is null or char_length(category) <= 100),
  tags text[] not null default '{}',
  elemental_tags text[] not null default '{}'
    check (elemental_tags <@ array['fire', 'water', 'earth', 'air', 'aether']::text[]),
  source_type text not null default 'text' check (source_type in ('text', 'markdown', 'pdf', 'docx')),
  filename text,
  content text not null,
  content_hash text not null,
  byte_size bigint not null default 0 check (byte_size >= 0),
  token_count int not null default 0,
  chunk_count int not null default 0,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, content_hash)
);
create index tenant_knowledge_tenant_created_idx on public.tenant_knowledge (tenant_id, created_at desc);

create trigger tenant_knowledge_touch_updated_at before update on public.tenant_knowledge
  for each row execute function app_private.touch_updated_at();

create table public.tenant_knowledge_chunks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  knowledge_id uuid not null,
  chunk_index int not null check (chunk_index >= 0),
  heading text,
  content text not null,
  token_count int not null default 0,
  embedding extensions.vector(1536),
  embedding_model text not null,
  fts tsvector generated always as (
    to_tsvector('english'::regconfig, coalesce(heading, '') || ' ' || content)
  ) stored,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, knowledge_id)
    references public.tenant_knowledge (tenant_id, id) on delete cascade,
  unique (knowledge_id, chunk_index)
);
create index tenant_knowledge_chunks_tenant_model_idx
  on public.tenant_knowledge_chunks (tenant_id, embedding_model);
create index tenant_knowledge_chunks_embedding_idx
  on public.tenant_knowledge_chunks using hnsw (embedding extensions.vector_cosine_ops);
create index tenant_knowledge_chunks_fts_idx
  on public.tenant_knowledge_chunks using gin (fts);

alter table public.tenant_knowledge enable row level security;
alter table public.tenant_knowledge_chunks enable row level security;

revoke all on public.tenant_knowledge, public.tenant_knowledge_chunks from anon, authenticated;
grant select, insert, delete on public.tenant_knowledge, public.tenant_knowledge_chunks to authenticated;
grant update (title, category, tags, elemental_tags, chunk_count, token_count)
  on public.tenant_knowledge to authenticated;
grant update (embedding, embedding_model) on public.tenant_knowledge_chunks to authenticated;
grant select on public.tenant_knowledge, public.tenant_knowledge_chunks to anon;
grant all on public.tenant_knowledge, public.tenant_knowledge_chunks to service_role;

create policy "members and platform admins read knowledge"
  on public.tenant_knowledge for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors read the knowledge of the public tenant they visit"
  on public.tenant_knowledge for select to anon
  using (tenant_id = (select app_private.visitor_tenant_id()));
create policy "tenant admins and platform admins add knowledge"
  on public.tenant_knowledge for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins edit knowledge"
  on public.tenant_knowledge for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins delete knowledge"
  on public.tenant_knowledge for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));

create policy "members and platform admins read chunks"
  on public.tenant_knowledge_chunks for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "visitors read the chunks of the public tenant they visit"
  on public.tenant_knowledge_chunks for select to anon
  using (tenant_id = (select app_private.visitor_tenant_id()));
create policy "tenant admins and platform admins add chunks"
  on public.tenant_knowledge_chunks for insert to authenticated
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins re-embed chunks"
  on public.tenant_knowledge_chunks for update to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  with check ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins delete chunks"
  on public.tenant_knowledge_chunks for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
