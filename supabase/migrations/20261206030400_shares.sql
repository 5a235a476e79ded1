-- Sharing: the owner of a personal document, a personal advisor or a conversation gives it,
-- read-only, to a member, to a group or to the whole tenant, and takes it back by removing
-- the share. Nothing is shared across tenants, and nobody shares what is not theirs: every
-- resource and every grantee is a foreign key that carries the share's tenant_id, and the
-- resource's key carries the owner too (a document's and an advisor's owner_id, a
-- conversation's user_id), so the database refuses any other share whoever asks.

create table public.tenant_shares (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  owner_id uuid not null default auth.uid(),
  resource_type text not null check (resource_type in ('document', 'advisor', 'conversation')),
  document_id uuid,
  advisor_id uuid,
  conversation_id uuid,
  grantee_user_id uuid,
  grantee_group_id uuid,
  grantee_tenant boolean not null default false,
  created_at timestamptz not null default now(),
  check (num_nonnulls(document_id, advisor_id, conversation_id) = 1),
  check ((resource_type = 'document') = (document_id is not null)),
  check ((resource_type = 'advisor') = (advisor_id is not null)),
  check ((resource_type = 'conversation') = (conversation_id is not null)),
  check (num_nonnulls(grantee_user_id, grantee_group_id, nullif(grantee_tenant, false)) = 1),
  check (grantee_user_id is distinct from owner_id),
  foreign key (tenant_id, owner_id) references public.tenant_users (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, document_id, owner_id) references public.tenant_knowledge (tenant_id, id, owner_id) on delete cascade,
  foreign key (tenant_id, advisor_id, owner_id) references public.tenant_advisors (tenant_id, id, owner_id) on delete cascade,
  foreign key (tenant_id, conversation_id, owner_id)
    references public.tenant_conversations (tenant_id, id, user_id) on delete cascade,
  foreign key (tenant_id, grantee_user_id) references public.tenant_users (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, grantee_group_id) references public.tenant_groups (tenant_id, id) on delete cascade
);
create unique index tenant_shares_once_idx on public.tenant_shares (
  tenant_id, resource_type, coalesce(document_id, advisor_id, conversation_id),
  coalesce(grantee_user_id, grantee_group_id, tenant_id)
);
create index tenant_shares_owner_idx on public.tenant_shares (tenant_id, owner_id);
create index tenant_shares_user_idx on public.tenant_shares (grantee_user_id) where grantee_user_id is not null;
create index tenant_shares_group_idx on public.tenant_shares (grantee_group_id) where grantee_group_id is not null;
create index tenant_shares_tenant_wide_idx on public.tenant_shares (tenant_id) where grantee_tenant;

-- Whether a share names the caller: them, a group of theirs, or their whole tenant.
create or replace function app_private.share_names_caller(tid uuid, grantee_user uuid, grantee_group uuid, whole_tenant boolean)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select app_private.caller_role(tid) is not null
    and (grantee_user = (select auth.uid())
      or whole_tenant
      or grantee_group is not null and app_private.caller_in_groups(tid, array[grantee_group]))
$$;

-- Whether resource `rid` of type `kind` in tenant `tid` is shared with the caller.
create or replace function app_private.shared_with_caller(tid uuid, kind text, rid uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tenant_shares s
    where s.tenant_id = tid and s.resource_type = kind
      and coalesce(s.document_id, s.advisor_id, s.conversation_id) = rid
      and app_private.share_names_caller(s.tenant_id, s.grantee_user_id, s.grantee_group_id, s.grantee_tenant)
  )
$$;

-- The conversations shared with the caller (their shared read policies compare against it).
create or replace function app_private.shared_conversation_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select s.conversation_id from public.tenant_shares s
  where s.conversation_id is not null
    and s.tenant_id in (select tu.tenant_id from public.tenant_users tu where tu.user_id = (select auth.uid()))
    and app_private.share_names_caller(s.tenant_id, s.grantee_user_id, s.grantee_group_id, s.grantee_tenant)
$$;

revoke all on function app_private.share_names_caller(uuid, uuid, uuid, boolean) from public;
revoke all on function app_private.shared_with_caller(uuid, text, uuid) from public;
revoke all on function app_private.shared_conversation_ids() from public;
grant execute on function app_private.share_names_caller(uuid, uuid, uuid, boolean) to anon, authenticated, service_role;
grant execute on function app_private.shared_with_caller(uuid, text, uuid) to anon, authenticated, service_role;
grant execute on function app_private.shared_conversation_ids() to anon, authenticated, service_role;

alter table public.tenant_shares enable row level security;
revoke all on public.tenant_shares from anon, authenticated;
grant select, delete on public.tenant_shares to authenticated;
grant insert (tenant_id, owner_id, resource_type, document_id, advisor_id, conversation_id, grantee_user_id, grantee_group_id, grantee_tenant)
  on public.tenant_shares to authenticated;
grant all on public.tenant_shares to service_role;

create policy "owners and grantees read shares"
  on public.tenant_shares for select to authenticated
  using (owner_id = (select auth.uid()) and app_private.caller_role(tenant_id) is not null
    or app_private.share_names_caller(tenant_id, grantee_user_id, grantee_group_id, grantee_tenant));
create policy "owners share what is theirs"
  on public.tenant_shares for insert to authenticated
  with check (owner_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "owners take their shares back"
  on public.tenant_shares for delete to authenticated
  using (owner_id = (select auth.uid()));
create policy "an inactive tenant takes no new rows" on public.tenant_shares
  as restrictive for insert to authenticated, anon with check (app_private.tenant_accepts_writes(tenant_id));

-- A shared conversation opens read-only for its grantees: they read it and its messages,
-- and the write policies (the owner's alone) stay as they are.
create policy "grantees read the conversations shared with them"
  on public.tenant_conversations for select to authenticated
  using (id in (select app_private.shared_conversation_ids()));
create policy "grantees read the messages of conversations shared with them"
  on public.tenant_messages for select to authenticated
  using (conversation_id in (select app_private.shared_conversation_ids()));

-- A shared personal advisor is used by its grantees too (advisor_usable as in
-- 20261206030300, with the share).
create or replace function app_private.advisor_usable(tid uuid, aid uuid, owner uuid, to_all boolean, roles text[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(case
    when owner is not null then
      (owner = (select auth.uid()) and app_private.caller_role(tid) is not null)
      or app_private.shared_with_caller(tid, 'advisor', aid)
    else app_private.is_platform_admin() or app_private.caller_role(tid) = 'admin'
      or (app_private.caller_role(tid) is not null
        and (to_all
          or app_private.caller_role(tid) = any (roles)
          or exists (select 1 from public.tenant_advisor_members m where m.advisor_id = aid and m.user_id = (select auth.uid()))
          or app_private.caller_in_groups(tid, array(select g.group_id from public.tenant_advisor_groups g where g.advisor_id = aid))))
  end, false)
$$;
