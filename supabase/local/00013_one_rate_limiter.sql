-- The per-address limits of the local auth mode now count in the app's one rate limiter
-- (app_private.hit_rate_limit, migration 20261203000100_rate_limits).
drop table if exists auth.rate_limit_hits;
