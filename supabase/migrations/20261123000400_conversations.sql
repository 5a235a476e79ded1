create table public.tenant_conversations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  title text not null default 'New conversation' check (char_length(title) <= 200),
  message_count int not null default 0,
  tokens_used bigint not null default 0,
  dominant_element text check (dominant_element in ('fire', 'water', 'earth', 'air', 'aether')),
  detected_phase smallint check (detected_phase between 1 and 3),
  depth_level int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, id, user_id)
);
create index tenant_conversations_owner_idx
  on public.tenant_conversations (tenant_id, user_id, updated_at desc);

create trigger tenant_conversations_touch_updated_at before update on public.tenant_conversations
  for each row execute function app_private.touch_updated_at();

create table public.tenant_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  conversation_id uuid not null,
  user_id uuid not null,
  role text not null check (role in ('user', 'assistant')),
  content text not null,
  element text check (element in ('fire', 'water', 'earth', 'air', 'aether')),
  phase smallint check (phase between 1 and 3),
  facet text,
  sources jsonb not null default '[]'::jsonb,
  tokens_in int not null default 0,
  tokens_out int not null default 0,
  offline boolean not null default false,
  feedback smallint check (feedback in (-1, 1)),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, conversation_id, user_id)
    references public.tenant_conversations (tenant_id, id, user_id) on delete cascade
);
create index tenant_messages_conversation_idx on public.tenant_messages (conversation_id, created_at);
create index tenant_messages_tenant_idx on public.tenant_messages (tenant_id, created_at);

alter table public.tenant_conversations enable row level security;
alter table public.tenant_messages enable row level security;

revoke all on public.tenant_conversations, public.tenant_messages from anon, authenticated;
grant select, insert, delete on public.tenant_conversations, public.tenant_messages to authenticated;
grant update (title, message_count, tokens_used, dominant_element, detected_phase, depth_level)
  on public.tenant_conversations to authenticated;
grant update (feedback) on public.tenant_messages to authenticated;
grant all on public.tenant_conversations, public.tenant_messages to service_role;

-- Conversations are private to the person who had them: not even tenant admins read
-- them (analytics come from aggregated usage). Membership is re-checked so a removed
-- member loses access at once.
create policy "members read their own conversations"
  on public.tenant_conversations for select to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "members start their own conversations"
  on public.tenant_conversations for insert to authenticated
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('user'))));
create policy "members update their own conversations"
  on public.tenant_conversations for update to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('user'))))
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('user'))));
create policy "members delete their own conversations"
  on public.tenant_conversations for delete to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));

create policy "members read messages of their own conversations"
  on public.tenant_messages for select to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "members add messages to their own conversations"
  on public.tenant_messages for insert to authenticated
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('user'))));
create policy "members rate answers in their own conversations"
  on public.tenant_messages for update to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))))
  with check (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
create policy "members delete messages of their own conversations"
  on public.tenant_messages for delete to authenticated
  using (user_id = (select auth.uid()) and tenant_id = any (array(select app_private.member_tenant_ids('viewer'))));
