-- Only the verified owner of a mailbox joins a tenant or the platform's admins, and
-- only by accepting an invitation that went to that mailbox: no direct attach by
-- email, no unverified account attached to anything.

create or replace function app_private.require_verified_account() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from auth.users u where u.id = new.user_id and u.email_confirmed_at is not null) then
    raise exception 'This account has not verified its email address yet.' using errcode = 'OR409';
  end if;
  return new;
end
$$;
revoke all on function app_private.require_verified_account() from public;

create trigger tenant_users_require_verified before insert or update of user_id on public.tenant_users
  for each row execute function app_private.require_verified_account();
create trigger platform_admins_require_verified before insert or update of user_id on public.platform_admins
  for each row execute function app_private.require_verified_account();

-- Memberships are created by accepting an invitation (below) or by the server itself.
drop policy "tenant admins and platform admins add members" on public.tenant_users;
revoke insert on public.tenant_users from authenticated;

-- Adding a member is always an invitation now; the lookup of an account by email is gone.
drop function app_private.user_id_for_new_member(uuid, text);

-- As before, plus: the caller's account must have verified its email address.
create or replace function app_private.accept_tenant_invitation(p_token_hash text, p_ip text default null)
returns table (tenant_id uuid, role text)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text;
  v_invitation public.tenant_invitations%rowtype;
begin
  if v_uid is null then
    raise exception 'Sign in to accept the invitation.' using errcode = 'OR403';
  end if;
  select lower(u.email) into v_email from auth.users u where u.id = v_uid and u.email_confirmed_at is not null;
  if v_email is null then
    raise exception 'Verify your email address first, then accept the invitation.' using errcode = 'OR403';
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
revoke all on function app_private.accept_tenant_invitation(text, text) from public;
grant execute on function app_private.accept_tenant_invitation(text, text) to authenticated, service_role;
