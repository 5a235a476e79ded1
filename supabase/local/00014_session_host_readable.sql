-- A person's list of their sessions names the site each was started on (the host), so a
-- session on a tenant's site is told apart from one on the platform.
grant select (host) on auth.local_sessions to authenticated;
