-- record_exchange checked the element against its own copy of the five names; it now
-- casts to the one owner, the domain public.element (an unknown element is a check
-- violation, as in every column typed by the domain). The body is otherwise unchanged.
do $$
declare
  definition text := pg_get_functiondef(
    'app_private.record_exchange(uuid, date, bigint, bigint, bigint, integer, boolean, text)'::regprocedure);
  own_list text := $q$  if p_element is not null and p_element not in ('fire', 'water', 'earth', 'air', 'aether') then
    raise exception 'Unknown element.' using errcode = '22023';
  end if;$q$;
begin
  if position(own_list in definition) = 0 then
    raise exception 'record_exchange no longer has the expected element check; update this migration';
  end if;
  execute replace(definition, own_list, '  perform p_element::public.element;');
end
$$;
