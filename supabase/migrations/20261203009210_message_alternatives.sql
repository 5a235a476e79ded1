-- Message actions in a member's thread.
--   question_id  an answer's question. Asking the same question again (regenerate) adds
--                another answer to it; the earlier ones stay as alternatives to page
--                through, and the latest is the one the thread continues from.
--   superseded   the message has left the visible thread: a question asked again, edited
--                or not, takes everything after it out (and, when edited, itself and its
--                answers). Kept rather than deleted, and still counted by the message cap.
--   stopped      the member stopped the answer while it streamed; what was written is kept.
alter table public.tenant_messages
  add column question_id uuid,
  add column superseded boolean not null default false,
  add column stopped boolean not null default false;

alter table public.tenant_messages add constraint tenant_messages_tenant_id_id_key unique (tenant_id, id);
alter table public.tenant_messages
  add constraint tenant_messages_question_fk foreign key (tenant_id, question_id)
    references public.tenant_messages (tenant_id, id) on delete cascade,
  add constraint tenant_messages_question_only_on_answers check (question_id is null or role = 'assistant');

create index tenant_messages_question_idx on public.tenant_messages (question_id) where question_id is not null;

-- Answers stored before this migration answered the question just before them.
update public.tenant_messages a
   set question_id = earlier.previous_id
  from (select id, role,
               lag(id) over w as previous_id,
               lag(role) over w as previous_role
          from public.tenant_messages
        window w as (partition by conversation_id order by created_at, case role when 'user' then 0 else 1 end, id)) earlier
 where a.id = earlier.id and earlier.role = 'assistant' and earlier.previous_role = 'user';

-- The owner hides their own messages when they ask again (the same RLS policy as rating).
grant update (superseded) on public.tenant_messages to authenticated;
