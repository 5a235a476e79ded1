-- Invitations to join a tenant, for email addresses that have no account yet. The
-- link carries a random token; only its sha-256 is stored.
create table public.tenant_invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) between 3 and 254),
  role text not null check (role in ('admin', 'user', 'viewer')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
-- One pending invitation per address and tenant; inviting again replaces it.
create unique index tenant_invitations_pending_idx
  on public.tenant_invitations (tenant_id, email) where accepted_at is null;

alter table public.tenant_invitations enable row level security;

revoke all on public.tenant_invitations from anon, authenticated;
grant select (id, tenant_id, email, role, invited_by, created_at, expires_at, accepted_at, accepted_by)
  on public.tenant_invitations to authenticated;
grant insert (tenant_id, email, role, token_hash, invited_by) on public.tenant_invitations to authenticated;
grant delete on public.tenant_invitations to authenticated;
grant all on public.tenant_invitations to service_role;

create policy "tenant admins and platform admins see the tenant's invitations"
  on public.tenant_invitations for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins invite in their own name"
  on public.tenant_invitations for insert to authenticated
  with check (
    invited_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
create policy "tenant admins and platform admins withdraw invitations"
  on public.tenant_invitations for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));

-- What the /invite/<token> page shows before anyone signs in: knowing the token is the
-- permission. Only a pending, unexpired invitation answers.
create or replace function app_private.invitation_preview(p_token_hash text)
returns table (tenant_name text, tenant_slug text, email text, role text, expires_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select t.name, t.slug, i.email, i.role, i.expires_at
  from public.tenant_invitations i join public.tenants t on t.id = i.tenant_id
  where i.token_hash = p_token_hash and i.accepted_at is null and i.expires_at > now()
$$;

-- Accepting: the signed-in user's verified email must be the invited one. Creates the
-- membership (an existing membership keeps its role), marks the invitation used and
-- writes the audit row, all in the caller's transaction.
create or replace function app_private.accept_tenant_invitation(p_token_hash text, p_ip text default null)
returns table (tenant_id uuid, role text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text := lower((select auth.jwt()) ->> 'email');
  v_invitation public.tenant_invitations%rowtype;
begin
  if v_uid is null then
    raise exception 'Sign in to accept the invitation.' using errcode = 'OR403';
  end if;
  select * into v_invitation from public.tenant_invitations i
  where i.token_hash = p_token_hash
  for update;
  if not found or v_invitation.accepted_at is not null or v_invitation.expires_at <= now() then
    raise exception 'This invitation is not valid any more. Ask the tenant''s admin for a new one.'
      using errcode = 'OR404';
  end if;
  if v_invitation.email is distinct from v_email then
    raise exception 'This invitation was sent to another email address.' using errcode = 'OR403';
  end if;
  insert into public.tenant_users (tenant_id, user_id, role)
  values (v_invitation.tenant_id, v_uid, v_invitation.role)
  on conflict on constraint tenant_users_pkey do nothing;
  update public.tenant_invitations set accepted_at = now(), accepted_by = v_uid where id = v_invitation.id;
  perform app_private.write_audit(v_invitation.tenant_id, 'member.add', 'user', v_uid::text, null,
    jsonb_build_object('email', v_email, 'role', v_invitation.role, 'via', 'invitation'), p_ip);
  return query select v_invitation.tenant_id, v_invitation.role;
end
$$;

revoke all on function app_private.invitation_preview(text) from public;
revoke all on function app_private.accept_tenant_invitation(text, text) from public;
grant execute on function app_private.invitation_preview(text) to anon, authenticated, service_role;
grant execute on function app_private.accept_tenant_invitation(text, text) to authenticated, service_role;
