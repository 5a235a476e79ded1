-- Per-member activity: when each member was last active, their conversations, the
-- documents they uploaded to the tenant, their personal documents (a count and their
-- size, never their content) and the answers they rated. A tenant's admins (and platform
-- admins) read every member's row; a member reads their own. The rule is this function's:
-- it reads as its owner, so it names who may see each row itself. It lives in app_private,
-- as every security definer function does, so PostgREST offers it to nobody as an RPC.
create or replace function app_private.member_activity(p_tenant_id uuid)
returns table (
  user_id uuid,
  email text,
  role text,
  last_active_at timestamptz,
  conversations bigint,
  uploads bigint,
  personal_documents bigint,
  personal_bytes bigint,
  feedback bigint
)
language sql stable security definer
set search_path = ''
as $$
  select tu.user_id, u.email::text, tu.role,
    (select max(c.updated_at) from public.tenant_conversations c where c.tenant_id = tu.tenant_id and c.user_id = tu.user_id),
    (select count(*) from public.tenant_conversations c where c.tenant_id = tu.tenant_id and c.user_id = tu.user_id),
    (select count(*) from public.tenant_knowledge k
      where k.tenant_id = tu.tenant_id and k.created_by = tu.user_id and k.owner_id is null),
    (select count(*) from public.tenant_knowledge k where k.tenant_id = tu.tenant_id and k.owner_id = tu.user_id),
    (select coalesce(sum(k.byte_size), 0)::bigint from public.tenant_knowledge k
      where k.tenant_id = tu.tenant_id and k.owner_id = tu.user_id),
    (select count(*) from public.tenant_messages m
      where m.tenant_id = tu.tenant_id and m.user_id = tu.user_id and m.feedback is not null)
  from public.tenant_users tu
  join auth.users u on u.id = tu.user_id
  where tu.tenant_id = p_tenant_id
    and (tu.user_id = (select auth.uid()) and app_private.caller_role(p_tenant_id) is not null
      or app_private.caller_role(p_tenant_id) = 'admin'
      or app_private.is_platform_admin())
  order by u.email
$$;

revoke all on function app_private.member_activity(uuid) from public;
grant execute on function app_private.member_activity(uuid) to authenticated, service_role;
