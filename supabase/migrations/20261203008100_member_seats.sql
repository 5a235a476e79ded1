-- The members limit is a number of seats, enforced here for every way a membership or
-- an invitation is made (the app, the server's own tools, a Supabase client). A member
-- holds a seat; so does a pending invitation, so an admin cannot invite past the limit
-- and leave the invitees to find the door shut. The tenant row is locked first: two
-- accepts or two invitations at once queue behind each other, and cannot both take the
-- last seat.
create or replace function app_private.enforce_member_seats() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_limit bigint;
  v_taken bigint;
begin
  perform 1 from public.tenants t where t.id = new.tenant_id for update;
  v_limit := app_private.tenant_limit(new.tenant_id, 'members');
  if v_limit is null then
    return new;
  end if;
  if tg_table_name = 'tenant_users' then
    -- Accepting again as an existing member changes nothing (the insert does nothing).
    if exists (select 1 from public.tenant_users tu where tu.tenant_id = new.tenant_id and tu.user_id = new.user_id) then
      return new;
    end if;
    select count(*) into v_taken from public.tenant_users tu where tu.tenant_id = new.tenant_id;
  else
    -- A new invitation to an address replaces its pending one, which then holds no seat.
    select (select count(*) from public.tenant_users tu where tu.tenant_id = new.tenant_id)
         + (select count(*) from public.tenant_invitations i
             where i.tenant_id = new.tenant_id and i.accepted_at is null and i.expires_at > now() and i.email <> new.email)
      into v_taken;
  end if;
  if v_taken >= v_limit then
    raise exception 'This tenant''s plan allows % members (invitations included): remove a member or withdraw an invitation first.', v_limit
      using errcode = 'OR429';
  end if;
  return new;
end
$$;
revoke all on function app_private.enforce_member_seats() from public;

create trigger tenant_users_enforce_seats before insert on public.tenant_users
  for each row execute function app_private.enforce_member_seats();
create trigger tenant_invitations_enforce_seats before insert on public.tenant_invitations
  for each row execute function app_private.enforce_member_seats();
