-- Tenant admins review how the assistant is doing from the answers their members rated.
-- Conversations stay private to the person who had them: a rating is the one thing a
-- member shares, so admins read a rated answer, its question and its sources, and
-- nothing else of the thread. Platform admins are not the tenant's reviewers.

-- When the rating was given (or last changed); the owner's update of feedback sets it.
alter table public.tenant_messages add column rated_at timestamptz;
update public.tenant_messages set rated_at = created_at where feedback is not null;

create or replace function app_private.stamp_rated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.feedback is distinct from old.feedback then
    new.rated_at := case when new.feedback is null then null else now() end;
  end if;
  return new;
end
$$;

create trigger tenant_messages_stamp_rated_at before update of feedback on public.tenant_messages
  for each row execute function app_private.stamp_rated_at();

create index tenant_messages_rated_idx on public.tenant_messages (tenant_id, rated_at desc) where feedback is not null;

create or replace function app_private.assert_tenant_reviewer(p_tenant_id uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not app_private.is_tenant_member(p_tenant_id, 'admin') then
    raise exception 'Only the tenant''s admins review its rated answers.' using errcode = 'OR403';
  end if;
end
$$;

-- Every rating since p_since, without the text: what the summary counts.
create or replace function app_private.tenant_ratings(p_tenant_id uuid, p_since timestamptz)
returns table (message_id uuid, feedback smallint, rated_at timestamptz, element text, phase smallint, sources jsonb)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app_private.assert_tenant_reviewer(p_tenant_id);
  return query
    select m.id, m.feedback::smallint, m.rated_at, m.element::text, m.phase::smallint, m.sources
      from public.tenant_messages m
     where m.tenant_id = p_tenant_id and m.role = 'assistant' and m.feedback is not null and m.rated_at >= p_since
     order by m.rated_at;
end
$$;

-- The latest thumbs-down answers with the question each answered.
create or replace function app_private.tenant_low_rated_answers(p_tenant_id uuid, p_limit int)
returns table (message_id uuid, question text, answer text, sources jsonb, rated_at timestamptz, element text, phase smallint)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform app_private.assert_tenant_reviewer(p_tenant_id);
  return query
    select m.id, q.content, m.content, m.sources, m.rated_at, m.element::text, m.phase::smallint
      from public.tenant_messages m
      left join public.tenant_messages q on q.tenant_id = m.tenant_id and q.id = m.question_id
     where m.tenant_id = p_tenant_id and m.role = 'assistant' and m.feedback = -1
     order by m.rated_at desc, m.id
     limit least(greatest(p_limit, 1), 200);
end
$$;

revoke all on function app_private.stamp_rated_at() from public;
revoke all on function app_private.assert_tenant_reviewer(uuid) from public;
revoke all on function app_private.tenant_ratings(uuid, timestamptz) from public;
revoke all on function app_private.tenant_low_rated_answers(uuid, int) from public;
grant execute on function app_private.tenant_ratings(uuid, timestamptz) to authenticated, service_role;
grant execute on function app_private.tenant_low_rated_answers(uuid, int) to authenticated, service_role;
