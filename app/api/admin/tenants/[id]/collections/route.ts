import { addCollectionSchema, collectionListSchema, collectionSchema } from '@/lib/contracts/collections'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { addCollection, listCollections } from '@/lib/multi-tenant/collections'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ collections }`: the default one first, each with its number of documents. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(collectionListSchema, await listCollections(caller, params.id)),
)

/** `{ name }` -> 201 the new, empty collection (409 for a name in use); audited. */
export const POST = tenantRoute<Params, typeof addCollectionSchema>(
  { by: 'id', minRole: 'admin', body: addCollectionSchema },
  async ({ caller, body, params }) => contractJson(collectionSchema, await addCollection(caller, params.id, body.name), 201),
)
