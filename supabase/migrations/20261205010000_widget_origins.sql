-- The sites allowed to embed a tenant's assistant (the widget, widget.js): web origins,
-- `scheme://host[:port]`, kept by the tenant's admins. The list is what the widget's
-- endpoints answer CORS with and what the widget page's `frame-ancestors` names; an origin
-- not on it gets no token and cannot frame the page.
--
-- The shape of an origin is this table's rule: the app normalises what an admin types
-- (lib/multi-tenant/widget/origin.ts) and the check below decides.

create table public.tenant_widget_origins (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  origin text not null check (
    char_length(origin) <= 300
    and origin ~ '^https?://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$'
  ),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, origin),
  unique (tenant_id, id)
);

alter table public.tenant_widget_origins enable row level security;
revoke all on public.tenant_widget_origins from anon, authenticated;
-- An origin is added or removed, never edited: a change is a removal and an addition, both audited.
grant select, insert (tenant_id, origin, created_by), delete on public.tenant_widget_origins to authenticated;
grant all on public.tenant_widget_origins to service_role;

create policy "tenant admins and platform admins read their tenant's widget origins"
  on public.tenant_widget_origins for select to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
create policy "tenant admins and platform admins allow widget origins in their own name"
  on public.tenant_widget_origins for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))))
  );
create policy "tenant admins and platform admins remove their tenant's widget origins"
  on public.tenant_widget_origins for delete to authenticated
  using ((select app_private.is_platform_admin()) or tenant_id = any (array(select app_private.member_tenant_ids('admin'))));
-- Removing stays open for an inactive tenant: it only narrows who may embed it.
create policy "an inactive tenant takes no new widget origins" on public.tenant_widget_origins
  as restrictive for insert to authenticated
  with check (app_private.tenant_accepts_writes(tenant_id));

-- The origins that may embed a serving tenant, for anyone: they are public by nature (every
-- widget page names them in its frame-ancestors header), and a visitor's browser needs them
-- checked before anyone is known. A tenant that is not serving embeds nowhere.
create or replace function app_private.widget_origins(p_tenant_id uuid) returns setof text
language sql stable security definer
set search_path = ''
as $$
  select o.origin
    from public.tenant_widget_origins o join public.tenants t on t.id = o.tenant_id
   where o.tenant_id = p_tenant_id and app_private.tenant_serving(t.status, t.trial_ends_at)
   order by o.origin
$$;

revoke all on function app_private.widget_origins(uuid) from public;
grant execute on function app_private.widget_origins(uuid) to anon, authenticated, service_role;
