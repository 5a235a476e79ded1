-- Two-factor sign-in for local accounts (TOTP, RFC 6238) and its single-use recovery
-- codes. Supabase Auth has MFA of its own; in Supabase mode these tables stay empty.
--
-- The seed is stored only encrypted (AES-256-GCM, lib/secrets): `secret_ciphertext` is
-- `v1:<key id>:<iv>:<ciphertext+tag>`, bound to the row's user. Recovery codes are
-- stored as sha-256 hashes (80 random bits each, so a leaked hash cannot be walked
-- back). Only the server writes either table; a user reads whether their own factor is
-- on and how many codes are left, never the ciphertext or a hash.
create table public.user_two_factor (
  user_id uuid primary key references auth.users (id) on delete cascade,
  secret_ciphertext text not null check (secret_ciphertext ~ '^v1:[A-Za-z0-9_-]{1,32}:' and char_length(secret_ciphertext) <= 500),
  -- null: set up but not confirmed with a code yet, so sign-in does not ask for one.
  enabled_at timestamptz,
  -- The TOTP time step of the last code accepted: a code is never accepted twice.
  last_used_step bigint check (last_used_step is null or last_used_step >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.user_recovery_codes (
  user_id uuid not null references auth.users (id) on delete cascade,
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

alter table public.user_two_factor enable row level security;
alter table public.user_recovery_codes enable row level security;
revoke all on public.user_two_factor, public.user_recovery_codes from anon, authenticated;
grant select (user_id, enabled_at, created_at) on public.user_two_factor to authenticated;
grant select (user_id, used_at, created_at) on public.user_recovery_codes to authenticated;
grant all on public.user_two_factor, public.user_recovery_codes to service_role;

create policy "users see whether their own two-factor sign-in is on"
  on public.user_two_factor for select to authenticated
  using (user_id = (select auth.uid()));

create policy "users see which of their own recovery codes are used"
  on public.user_recovery_codes for select to authenticated
  using (user_id = (select auth.uid()));
