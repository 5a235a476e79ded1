-- The chat's capacity also knows the caller's own tier: a member who has used their
-- month's messages or tokens sees the composer closed, with the reason, before typing,
-- instead of a question sent into 429 member_limit_reached. The condition is the one
-- app_private.reserve_member_exchange applies (20261206020000), read without changing a
-- counter: `member_quota` is 'messages' or 'tokens' when that allowance is used up, and
-- null otherwise (no tier, room left, or a caller who is no member: visitors, platform
-- admins). A new column changes the result type, so the function is dropped and made again,
-- unchanged but for it.
drop function app_private.chat_capacity(uuid);

create function app_private.chat_capacity(p_tenant_id uuid)
returns table (new_threads boolean, answers boolean, member_quota text)
language sql stable security definer
set search_path = ''
as $$
  with caps as (
    select app_private.tenant_limit(p_tenant_id, 'conversationsPerMonth') as conversations,
           app_private.tenant_limit(p_tenant_id, 'tokensPerMonth') as tokens
  ),
  used as (
    select coalesce(max(u.conversations), 0) as conversations,
           coalesce(max(u.tokens_in + u.tokens_out + u.tokens_reserved), 0) as tokens
      from public.tenant_usage u
     where u.tenant_id = p_tenant_id and u.period = app_private.usage_period()
  ),
  mine as (
    select l.messages_cap, l.tokens_cap,
           coalesce(u.messages + u.messages_reserved, 0) as messages,
           coalesce(u.tokens_in + u.tokens_out + u.tokens_reserved, 0) as tokens
      from app_private.member_tier_limits(p_tenant_id, (select auth.uid())) l
      left join public.tenant_member_usage u
        on u.tenant_id = p_tenant_id and u.user_id = (select auth.uid()) and u.period = app_private.usage_period()
  )
  select (caps.conversations is null or used.conversations < caps.conversations)
           and (caps.tokens is null or used.tokens < caps.tokens),
         caps.tokens is null or used.tokens < caps.tokens,
         (select case
                   when mine.messages_cap is not null and mine.messages >= mine.messages_cap then 'messages'
                   when mine.tokens_cap is not null and mine.tokens >= mine.tokens_cap then 'tokens'
                 end
            from mine)
    from caps, used
   where p_tenant_id is not null
     and (app_private.is_platform_admin()
       or app_private.is_tenant_member(p_tenant_id, 'user')
       or p_tenant_id is not distinct from app_private.visitor_tenant_id())
$$;

revoke all on function app_private.chat_capacity(uuid) from public;
grant execute on function app_private.chat_capacity(uuid) to anon, authenticated, service_role;
