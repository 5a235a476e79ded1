-- A conversation's updated_at is when it was last talked in: the history lists threads
-- by it. Renaming a thread (its owner may change the title) is not talk, so it no
-- longer moves the thread to the top; only the columns an exchange writes do.
drop trigger tenant_conversations_touch_updated_at on public.tenant_conversations;

create trigger tenant_conversations_touch_updated_at
  before update of message_count, tokens_used, dominant_element, detected_phase, depth_level
  on public.tenant_conversations
  for each row execute function app_private.touch_updated_at();
