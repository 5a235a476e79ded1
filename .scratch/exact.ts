import { withService, withUser } from '@/lib/db/access'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'

const N = Number(process.argv[2] ?? 10000)
const db = await openPglite()
await migrate(db)
function unit(): number[] { const v = Array.from({ length: 1536 }, () => Math.random() - 0.5); const n = Math.hypot(...v); return v.map((x) => x / n) }
const { tenant, user } = await withService(db, async (tx) => {
  const [u] = await tx.query<{ id: string }>("insert into auth.users (email) values ('x@y.z') returning id")
  const [t] = await tx.query<{ id: string }>("insert into public.tenants (slug, name, limits) values ('bench-x', 'x', '{\"storageMb\": null}'::jsonb) returning id")
  await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'viewer')", [t!.id, u!.id])
  await tx.query('drop index public.tenant_knowledge_chunks_embedding_idx')
  const [d] = await tx.query<{ id: string }>("insert into public.tenant_knowledge (tenant_id, title, content, content_hash) values ($1, 'd', 'd', md5('d')) returning id", [t!.id])
  for (let s = 0; s < N; s += 500) {
    const vs = Array.from({ length: Math.min(500, N - s) }, () => JSON.stringify(unit()))
    await tx.query(`insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
      select $1, $2, $3 + t.o, 'passage ' || t.o, t.e::extensions.vector, 'm' from unnest($4::text[]) with ordinality as t(e, o)`, [t!.id, d!.id, s, vs])
  }
  await tx.query('analyze public.tenant_knowledge_chunks')
  return { tenant: t!.id, user: u!.id }
})
const q = JSON.stringify(unit())
async function time(label: string, sql: string, params: unknown[]) {
  const ms: number[] = []
  for (let i = 0; i < 15; i++) {
    await withUser(db, { sub: user }, async (tx) => { const s = performance.now(); await tx.query(sql, params); ms.push(performance.now() - s) })
  }
  ms.sort((a, b) => a - b)
  console.log(label.padEnd(28), 'p50', ms[7]!.toFixed(1), 'max', ms[14]!.toFixed(1))
}
await time('select 1', 'select 1', [])
await time('count', `select count(*) from (select 1 from public.tenant_knowledge_chunks c where c.tenant_id = $1 and c.embedding_model = 'm' limit 20001) x`, [tenant])
await time('exact cosine', `with s as materialized (select id, embedding operator(extensions.<=>) $2::extensions.vector d from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model = 'm') select id from s order by d limit 40`, [tenant, q])
await time('exact inner product', `with s as materialized (select id, embedding operator(extensions.<#>) $2::extensions.vector d from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model = 'm') select id from s order by d limit 40`, [tenant, q])
await time('exact l2', `with s as materialized (select id, embedding operator(extensions.<->) $2::extensions.vector d from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model = 'm') select id from s order by d limit 40`, [tenant, q])
await time('scan only', `select count(embedding) from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model = 'm'`, [tenant])
await time('match_tenant_chunks', `select chunk_id from public.match_tenant_chunks($1, $2::extensions.vector, '', 'm', 10, -1, null, null, null, 20000, 0.3)`, [tenant, q])
await time('match_tenant_chunks text', `select chunk_id from public.match_tenant_chunks($1, $2::extensions.vector, 'passage about things', 'm', 10, -1, null, null, null, 20000, 0.3)`, [tenant, q])
await db.close()
