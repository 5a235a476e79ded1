-- A key with `knowledge:write` adds documents to its own tenant (POST /api/v1/knowledge),
-- through the same service as the dashboard and under the same triggers: storage is
-- counted and a full tenant refuses the document, an inactive tenant takes no rows
-- (the restrictive policies of 20261203008000 hold for anon too), the audit trail gets
-- its row. It reads its tenant's documents too, which adding one needs (the duplicate
-- check and the insert's returned id), but not their chunks. Documents it adds name no
-- member as their author.
grant insert (tenant_id, title, category, tags, elemental_tags, source_type, filename, content, content_hash,
  token_count, chunk_count, created_by) on public.tenant_knowledge to anon;
grant insert (tenant_id, knowledge_id, chunk_index, heading, content, token_count, embedding, embedding_model)
  on public.tenant_knowledge_chunks to anon;

create policy "api keys with knowledge:write read their tenant's documents"
  on public.tenant_knowledge for select to anon
  using (tenant_id = (select app_private.api_key_tenant_id('knowledge:write')));
create policy "api keys with knowledge:write add documents to their tenant"
  on public.tenant_knowledge for insert to anon
  with check (tenant_id = (select app_private.api_key_tenant_id('knowledge:write')) and created_by is null);
create policy "api keys with knowledge:write add chunks to their tenant"
  on public.tenant_knowledge_chunks for insert to anon
  with check (tenant_id = (select app_private.api_key_tenant_id('knowledge:write')));
