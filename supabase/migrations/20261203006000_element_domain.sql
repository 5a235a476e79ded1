-- The five elements have one owner in SQL: the domain public.element. TypeScript's copy is
-- ELEMENTS in lib/engine/elements.ts, and tests/integration/rule-owners.test.ts proves the two
-- name the same elements. The columns below checked their own copies of the list until now.
create domain public.element as text
  check (value in ('fire', 'water', 'earth', 'air', 'aether'));

-- A list of elements. Casting to element[] checks every entry against the one domain, and a
-- domain over text[] keeps text[]'s operators (the search's `&&` against a text[] filter).
create domain public.element_list as text[]
  check (value::public.element[] is not null);

alter table public.tenant_conversations drop constraint tenant_conversations_dominant_element_check;
alter table public.tenant_conversations alter column dominant_element type public.element;

alter table public.tenant_messages drop constraint tenant_messages_element_check;
alter table public.tenant_messages alter column element type public.element;

alter table public.tenant_knowledge drop constraint tenant_knowledge_elemental_tags_check;
alter table public.tenant_knowledge alter column elemental_tags type public.element_list;
