-- The search's final join to tenant_knowledge (for each hit's title) let the planner put the
-- tenant's documents in the outer loop and evaluate the scored, windowed candidates once per
-- document: 43 times for a 43-document tenant, 130 ms of a search whose parts take 10 ms.
-- Materialising the judged candidates computes them once, whatever the tenant's size.
--
-- The change is one word of public.match_tenant_chunks (20261201002200); the function is
-- re-created from its own definition rather than copied here a third time, and the migration
-- refuses to run if that definition no longer has the CTE it changes.
do $$
declare
  v_function constant regprocedure :=
    'public.match_tenant_chunks(uuid, extensions.vector, text, text, int, double precision, text, text[], text[], int, double precision, double precision, double precision)'::regprocedure;
  v_definition text := pg_catalog.pg_get_functiondef(v_function);
begin
  if pg_catalog.strpos(v_definition, 'judged as (') = 0 then
    raise exception 'public.match_tenant_chunks has no "judged as (" CTE to materialise';
  end if;
  execute pg_catalog.replace(v_definition, 'judged as (', 'judged as materialized (');
end
$$;
