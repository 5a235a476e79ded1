-- A tenant that is not serving (suspended, cancelled, or past its trial) is read-only
-- for its own people: its admins can no longer change settings, knowledge or members,
-- and members can no longer add to it, until a platform admin reactivates it. The rule
-- is one function, read by restrictive policies: they AND with the permissive ones, so
-- every existing grant keeps its shape and only gains this condition. The same policies
-- hold for a Supabase client writing with a member's token.
--
-- The function runs as the caller, so the tenant row is read under the caller's own
-- RLS: someone who cannot see the tenant gets `true` here and is refused by the
-- permissive policies as before, and learns nothing about the tenant's status. Those
-- who can see it get SQLSTATE OR423 (tenant_inactive, 403) instead of a silent
-- zero-row update or a generic RLS error.
create or replace function app_private.tenant_accepts_writes(p_tenant_id uuid) returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  found_status text;
  found_trial_ends_at timestamptz;
begin
  if app_private.is_platform_admin() then
    return true;
  end if;
  select t.status, t.trial_ends_at into found_status, found_trial_ends_at from public.tenants t where t.id = p_tenant_id;
  if not found or app_private.tenant_serving(found_status, found_trial_ends_at) then
    return true;
  end if;
  raise exception 'This organisation is %: its data is read-only until a platform admin reactivates it.',
    app_private.tenant_effective_status(found_status, found_trial_ends_at)
    using errcode = 'OR423';
end;
$$;

revoke all on function app_private.tenant_accepts_writes(uuid) from public;
grant execute on function app_private.tenant_accepts_writes(uuid) to anon, authenticated, service_role;

create policy "an inactive tenant's settings are read-only" on public.tenants
  as restrictive for update to authenticated, anon
  using (app_private.tenant_accepts_writes(id));

do $$
declare
  target text;
begin
  foreach target in array array[
    'tenant_users', 'tenant_invitations', 'tenant_knowledge', 'tenant_knowledge_chunks',
    'tenant_knowledge_originals', 'knowledge_jobs', 'tenant_conversations', 'tenant_messages'
  ] loop
    execute format(
      'create policy "an inactive tenant takes no new rows" on public.%I as restrictive for insert to authenticated, anon
         with check (app_private.tenant_accepts_writes(tenant_id))', target);
    execute format(
      'create policy "an inactive tenant''s rows are not changed" on public.%I as restrictive for update to authenticated, anon
         using (app_private.tenant_accepts_writes(tenant_id))', target);
  end loop;
  -- Deleting stays open where it is a person's own data: leaving the tenant, and their
  -- own conversations (which the permissive policies already limit to the owner).
  foreach target in array array[
    'tenant_invitations', 'tenant_knowledge', 'tenant_knowledge_chunks', 'tenant_knowledge_originals', 'knowledge_jobs'
  ] loop
    execute format(
      'create policy "an inactive tenant''s rows are not removed" on public.%I as restrictive for delete to authenticated, anon
         using (app_private.tenant_accepts_writes(tenant_id))', target);
  end loop;
end;
$$;

create policy "an inactive tenant's members are not removed, but anyone may leave" on public.tenant_users
  as restrictive for delete to authenticated, anon
  using (user_id = (select auth.uid()) or app_private.tenant_accepts_writes(tenant_id));
