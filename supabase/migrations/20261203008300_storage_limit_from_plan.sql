-- The storage check read the stored limits column directly, so a tenant whose stored
-- limits leave out storageMb had no storage limit at all instead of its plan's. It now
-- resolves the stored limits through app_private.effective_limits, like every other limit
-- (kept numeric: a limit below one MB stays exact). The body is otherwise unchanged.
do $$
declare
  definition text := pg_get_functiondef('app_private.adjust_storage(uuid, bigint)'::regprocedure);
  own_read text := $q$select (t.limits ->> 'storageMb')::numeric into v_limit_mb from public.tenants t where t.id = p_tenant_id;$q$;
begin
  if position(own_read in definition) = 0 then
    raise exception 'adjust_storage no longer reads the limit as expected; update this migration';
  end if;
  execute replace(definition, own_read,
    $q$select (app_private.effective_limits(t.limits, t.plan_tier) ->> 'storageMb')::numeric into v_limit_mb from public.tenants t where t.id = p_tenant_id;$q$);
end
$$;
