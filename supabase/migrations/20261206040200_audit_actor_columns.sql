-- A tenant admin reads the tenant's audit rows with their own token, also around the app
-- (a Supabase client): the rows a platform admin wrote there must not give away that
-- person's email address or IP address. The stored row stays as written, so the hash
-- chain verifies unchanged; what the API roles may read is narrowed instead. The actor's
-- email and address are no longer selectable; app_private.audit_actor answers them for a
-- row the caller may read, and for a platform admin's row only to a platform admin (the
-- role is what everyone else sees).
revoke select on public.audit_logs from authenticated;
grant select (id, tenant_id, actor_id, action, target_type, target_id, before, after, created_at, prev_hash, hash)
  on public.audit_logs to authenticated;

create or replace function app_private.audit_actor(p_id bigint)
returns table (actor_email text, ip text, actor_is_platform_admin boolean)
language sql stable security definer
set search_path = ''
as $$
  select case when shown.hidden then null else shown.actor_email end,
         case when shown.hidden then null else shown.ip end,
         shown.by_platform_admin
    from (select a.actor_email, a.ip, by_admin.flag as by_platform_admin,
                 by_admin.flag and not app_private.is_platform_admin() as hidden
            from public.audit_logs a
            cross join lateral (select app_private.audit_actor_is_platform_admin(a.actor_id) as flag) by_admin
           where a.id = p_id
             and (app_private.is_platform_admin() or a.tenant_id = any (array(select app_private.member_tenant_ids('admin'))))) shown
$$;

revoke all on function app_private.audit_actor(bigint) from public;
grant execute on function app_private.audit_actor(bigint) to authenticated, service_role;
