-- An exchange released after the model had answered part of it (a stall, an error) counts
-- its tokens towards the month; the day counts them too, so the usage page's monthly and
-- daily token figures agree. The rest of release_exchange is unchanged.
create or replace function app_private.release_exchange(
  p_tenant_id uuid, p_period date, p_reserved bigint, p_tokens_in bigint, p_tokens_out bigint,
  p_return_conversation boolean
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_period date := coalesce(p_period, app_private.usage_period());
begin
  perform app_private.assert_usage_caller(p_tenant_id);
  perform app_private.assert_usage_amounts(array[p_reserved, p_tokens_in, p_tokens_out]);
  update public.tenant_usage u
     set tokens_reserved = greatest(0, u.tokens_reserved - p_reserved),
         tokens_in = u.tokens_in + p_tokens_in,
         tokens_out = u.tokens_out + p_tokens_out,
         conversations = case when p_return_conversation then greatest(0, u.conversations - 1)
           else u.conversations end,
         updated_at = now()
   where u.tenant_id = p_tenant_id and u.period = v_period;
  if p_tokens_in + p_tokens_out > 0 then
    insert into public.tenant_usage_daily as d (tenant_id, day, tokens)
    values (p_tenant_id, app_private.usage_day(), p_tokens_in + p_tokens_out)
    on conflict (tenant_id, day) do update set tokens = d.tokens + excluded.tokens;
  end if;
end
$$;

