-- The local bootstrap's auth.uid() and auth.role() cast request.jwt.claims to jsonb
-- before checking it for ''. A transaction-local set_config leaves that setting '' (not
-- null) on the connection after the transaction ends, so every later transaction on it
-- that asked auth.uid() - a service task calling app_private.write_audit, for one -
-- failed with "invalid input syntax for type json". Supabase's own definitions turn ''
-- into null first; these are the same. Supabase's auth functions (its auth admin role
-- exists there) are left alone, as the migration runner leaves the bootstrap out there.
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    return;
  end if;

  execute $ddl$
    create or replace function auth.uid() returns uuid
    language sql stable
    as $fn$
      select nullif(
        coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
        ),
        ''
      )::uuid
    $fn$
  $ddl$;

  execute $ddl$
    create or replace function auth.role() returns text
    language sql stable
    as $fn$
      select nullif(
        coalesce(
          nullif(current_setting('request.jwt.claim.role', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
        ),
        ''
      )::text
    $fn$
  $ddl$;

  grant execute on function auth.uid(), auth.role() to anon, authenticated, service_role;
end
$$;
