-- Whether a tenant's chat can take a question this month, for the people who chat there:
-- the chat page disables its composer and says why before anyone types, instead of
-- answering a sent question with 429. The conditions are the ones consume_conversation
-- and reserve_tokens apply (a new thread needs a conversation left, any answer needs
-- tokens left), read without changing a counter. Members (user and up), visitors of that
-- public tenant and platform admins may ask; anyone else gets no row and learns nothing.
create or replace function app_private.chat_capacity(p_tenant_id uuid)
returns table (new_threads boolean, answers boolean)
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
  )
  select (caps.conversations is null or used.conversations < caps.conversations)
           and (caps.tokens is null or used.tokens < caps.tokens),
         caps.tokens is null or used.tokens < caps.tokens
    from caps, used
   where p_tenant_id is not null
     and (app_private.is_platform_admin()
       or app_private.is_tenant_member(p_tenant_id, 'user')
       or p_tenant_id is not distinct from app_private.visitor_tenant_id())
$$;

revoke all on function app_private.chat_capacity(uuid) from public;
grant execute on function app_private.chat_capacity(uuid) to anon, authenticated, service_role;
