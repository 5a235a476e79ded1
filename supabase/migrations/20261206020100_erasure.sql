-- Erasure. Deleting an account removes everything keyed on the person (the cascade from
-- auth.users: memberships, conversations with their messages and feedback, sessions, tier
-- use; here: invitations to their address, mail to it, login throttling), and the audit rows
-- that name them are pseudonymised: their id becomes a random pseudonym (the same within
-- one erasure, so the log still reads "one person did these things"), and their email
-- address and the IP address of the rows they acted in are dropped.
--
-- A row's hash covers those fields (audit_row_hash), so changing them breaks the chain at
-- that row. The database re-chains instead, under its own authority: this security definer
-- function, executable by no API role and called only by account deletion, recomputes prev_hash and hash
-- from the first changed row of each chain to its head, holding the chain's append lock.
-- verify_audit_chain then passes; the member.remove rows with reason account_deleted mark
-- where and why the chain was recomputed. docs/data-rights.md says the same for people.
--
-- Deleting a tenant already removes every row of it and its audit chain (cascade,
-- purge_tenant_audit); the platform chain keeps its tenant.create / update / delete rows,
-- which name the tenant's id, as the platform's own record of what it ran.

create or replace function app_private.pseudonymise_audit(p_needles text[], p_pseudonym uuid) returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_pattern text;
  v_chain record;
  v_prev text;
  v_row record;
  v_changed int := 0;
begin
  -- Each needle whole, never inside a longer address or id (bob@x.com is not in jimbob@x.com
  -- nor in bob@x.com.au), so nobody else's details are touched.
  select '(?<![[:alnum:]._%+-])(' || string_agg(regexp_replace(n, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '|')
      || ')(?!\.?[[:alnum:]_-])' into v_pattern
  from unnest(p_needles) as n where n is not null and n <> '';
  if v_pattern is null then
    return 0;
  end if;
  create temporary table if not exists pseudonymised_audit_rows (id bigint primary key, tenant_id uuid) on commit drop;
  insert into pseudonymised_audit_rows (id, tenant_id)
  select a.id, a.tenant_id from public.audit_logs a
  where a.actor_id::text ~* v_pattern or a.actor_email ~* v_pattern or a.target_id ~* v_pattern
    or a.before::text ~* v_pattern or a.after::text ~* v_pattern
  on conflict do nothing;
  for v_chain in
    select r.tenant_id, min(r.id) as first_id from pseudonymised_audit_rows r group by r.tenant_id
  loop
    perform pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(v_chain.tenant_id::text, 'platform'), 0));
    update public.audit_logs a
       set actor_id = case when a.actor_id::text ~* v_pattern then p_pseudonym else a.actor_id end,
           actor_email = case when a.actor_id::text ~* v_pattern or a.actor_email ~* v_pattern then null else a.actor_email end,
           ip = case when a.actor_id::text ~* v_pattern then null else a.ip end,
           target_id = regexp_replace(a.target_id, v_pattern, p_pseudonym::text, 'gi'),
           before = regexp_replace(a.before::text, v_pattern, p_pseudonym::text, 'gi')::jsonb,
           after = regexp_replace(a.after::text, v_pattern, p_pseudonym::text, 'gi')::jsonb
     where a.id in (select r.id from pseudonymised_audit_rows r where r.tenant_id is not distinct from v_chain.tenant_id);
    select a.hash into v_prev from public.audit_logs a
    where a.tenant_id is not distinct from v_chain.tenant_id and a.id < v_chain.first_id
    order by a.id desc limit 1;
    for v_row in
      select * from public.audit_logs a
      where a.tenant_id is not distinct from v_chain.tenant_id and a.id >= v_chain.first_id
      order by a.id
    loop
      v_row.hash := app_private.audit_row_hash(v_prev, v_row.tenant_id, v_row.actor_id, v_row.actor_email,
        v_row.action, v_row.target_type, v_row.target_id, v_row.before, v_row.after, v_row.ip, v_row.created_at);
      update public.audit_logs set prev_hash = v_prev, hash = v_row.hash where id = v_row.id;
      v_prev := v_row.hash;
    end loop;
  end loop;
  select count(*) into v_changed from pseudonymised_audit_rows;
  delete from pseudonymised_audit_rows;
  return v_changed;
end
$$;
revoke all on function app_private.pseudonymise_audit(text[], uuid) from public, anon, authenticated;

-- What the platform holds about a person outside the tables that cascade from auth.users.
create or replace function app_private.erase_person(p_user_id uuid, p_email text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  delete from public.tenant_invitations i where lower(i.email) = lower(p_email);
  delete from public.mail_outbox m where lower(m.to_address) = lower(p_email);
  delete from app_private.rate_limit_hits h where h.client = p_user_id::text or lower(h.client) = lower(p_email);
  -- Local accounts only (supabase/local): Supabase Auth keeps its own throttling.
  if to_regclass('auth.login_failures') is not null then
    execute 'delete from auth.login_failures where lower(email) = lower($1)' using p_email;
  end if;
  perform app_private.pseudonymise_audit(array[p_user_id::text, p_email], gen_random_uuid());
end
$$;
revoke all on function app_private.erase_person(uuid, text) from public, anon, authenticated;

-- delete_my_account from 20261123001200, unchanged but for erase_person after the cascade.
create or replace function app_private.delete_my_account(p_ip text default null) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text;
  v_sole text;
  v_membership record;
begin
  if v_uid is null then
    raise exception 'Sign in to delete your account.' using errcode = 'OR403';
  end if;
  select string_agg(t.name, ', ' order by t.name) into v_sole
  from public.tenant_users mine join public.tenants t on t.id = mine.tenant_id
  where mine.user_id = v_uid and mine.role = 'admin'
    and not exists (
      select 1 from public.tenant_users other
      where other.tenant_id = mine.tenant_id and other.role = 'admin' and other.user_id <> v_uid
    );
  if v_sole is not null then
    raise exception 'You are the last admin of %: make another member admin first.', v_sole
      using errcode = 'OR409';
  end if;
  for v_membership in select tu.tenant_id, tu.role from public.tenant_users tu where tu.user_id = v_uid loop
    perform app_private.write_audit(v_membership.tenant_id, 'member.remove', 'user', v_uid::text,
      jsonb_build_object('role', v_membership.role), jsonb_build_object('reason', 'account_deleted'), p_ip);
  end loop;
  select u.email::text into v_email from auth.users u where u.id = v_uid;
  delete from auth.users where id = v_uid;
  perform app_private.erase_person(v_uid, v_email);
end
$$;

-- The rate limiter's windows of a deleted tenant (scopes such as visitor:<tenant id>) go
-- with it; they hold nothing but counts, yet they name the tenant.
create or replace function app_private.forget_tenant_rate_limits() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  delete from app_private.rate_limit_hits h where h.scope like '%:' || old.id::text;
  return old;
end
$$;
revoke all on function app_private.forget_tenant_rate_limits() from public;

create trigger tenants_forget_rate_limits after delete on public.tenants
  for each row execute function app_private.forget_tenant_rate_limits();
