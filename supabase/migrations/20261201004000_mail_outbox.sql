-- Mail the platform sends (email verification, invitations) when no SMTP server is
-- configured: kept here so development and tests work without a mail server. Only the
-- server writes it; platform admins read it (it holds live tokens, so nobody else).
create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address text not null check (char_length(to_address) between 3 and 254),
  subject text not null check (char_length(subject) <= 300),
  text_body text not null check (char_length(text_body) <= 20000),
  created_at timestamptz not null default now()
);
create index mail_outbox_created_idx on public.mail_outbox (created_at desc);

alter table public.mail_outbox enable row level security;
revoke all on public.mail_outbox from anon, authenticated;
grant select on public.mail_outbox to authenticated;
grant all on public.mail_outbox to service_role;

create policy "platform admins read the outbox"
  on public.mail_outbox for select to authenticated
  using ((select app_private.is_platform_admin()));
