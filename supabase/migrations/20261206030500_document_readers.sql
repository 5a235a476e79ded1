-- Who reads a document, its chunks and its original: the one rule, and every way in
-- (members, visitors, API keys, end users, the search function, which runs with the
-- caller's rights) goes through it, because it is a restrictive policy: it narrows what
-- the permissive policies of each role already allow, and adds nothing.
--
-- - a tenant document for 'members': whoever the other policies let in (as before);
-- - 'admins': the tenant's admins and platform admins;
-- - 'groups': those, and members of one of the document's groups;
-- - a personal document: its owner, and those it is shared with; nobody else, not a
--   tenant admin, not a platform admin, not a visitor or key.
create or replace function app_private.may_read_document(tid uuid, kid uuid, owner uuid, audience text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  -- Never null: a caller without an id (a visitor) compares to null, and "not null" would let them in.
  select coalesce(case
    when owner is not null then
      (owner = (select auth.uid()) and app_private.caller_role(tid) is not null)
      or app_private.shared_with_caller(tid, 'document', kid)
    when audience = 'members' then true
    else app_private.is_platform_admin() or app_private.caller_role(tid) = 'admin'
      or (audience = 'groups' and app_private.caller_in_groups(tid,
        array(select g.group_id from public.tenant_knowledge_groups g where g.tenant_id = tid and g.knowledge_id = kid)))
  end, false)
$$;

-- The documents the caller may not read, among those whose readers are restricted (a
-- partial index lists them). Policies test `id not in (select ...)`: the set is computed
-- once per statement and probed by hash, so a search over many chunks pays for it once.
create or replace function app_private.hidden_document_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select k.id from public.tenant_knowledge k
  where (k.owner_id is not null or k.visibility <> 'members')
    and not coalesce(app_private.may_read_document(k.tenant_id, k.id, k.owner_id, k.visibility), false)
$$;

revoke all on function app_private.may_read_document(uuid, uuid, uuid, text) from public;
revoke all on function app_private.hidden_document_ids() from public;
grant execute on function app_private.may_read_document(uuid, uuid, uuid, text) to anon, authenticated, service_role;
grant execute on function app_private.hidden_document_ids() to anon, authenticated, service_role;

create policy "a document is read only by its readers"
  on public.tenant_knowledge as restrictive for select to authenticated, anon
  using (id not in (select app_private.hidden_document_ids()));
create policy "a chunk is read only by its document's readers"
  on public.tenant_knowledge_chunks as restrictive for select to authenticated, anon
  using (knowledge_id not in (select app_private.hidden_document_ids()));
create policy "an original is read only by its document's readers"
  on public.tenant_knowledge_originals as restrictive for select to authenticated, anon
  using (knowledge_id is null or knowledge_id not in (select app_private.hidden_document_ids()));
