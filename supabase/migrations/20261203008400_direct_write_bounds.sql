-- Bounds the database holds for every writer, including a Supabase client writing with a
-- member's own token: the app's schemas stop oversized input earlier with clear
-- messages, but a row written around the app must not hold a 50 MB chunk or message
-- (neither is counted as storage) or a count that skews every search of the tenant.
-- NOT VALID: enforced for every new or changed row, without failing a deployment on old
-- rows written before the bounds existed.
alter table public.tenant_knowledge
  add constraint tenant_knowledge_counts_bounded
    check (chunk_count between 0 and 100000 and token_count between 0 and 100000000) not valid;

-- The chunker packs at most a few hundred tokens per chunk; 20,000 characters is far past
-- any chunk it writes.
alter table public.tenant_knowledge_chunks
  add constraint tenant_knowledge_chunks_bounded
    check (char_length(content) <= 20000 and char_length(coalesce(heading, '')) <= 1000
      and token_count between 0 and 100000) not valid;

-- A question is at most 8,000 characters and an answer a model's reply; 100,000 is room
-- for both.
alter table public.tenant_messages
  add constraint tenant_messages_content_bounded check (char_length(content) <= 100000) not valid;

alter table public.tenant_conversations
  add constraint tenant_conversations_counts_bounded
    check (message_count between 0 and 1000000 and tokens_used between 0 and 1000000000000) not valid;
