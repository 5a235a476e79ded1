import { createClient } from '@supabase/supabase-js'
import { SERVER_REALTIME } from '@/lib/auth/supabase/client'
import { config, type Config } from '@/lib/env'
import { postgresOriginals, type OriginalStore } from './originals'
import { SupabaseOriginals } from './supabase-originals'

let cached: { env: Config; store: OriginalStore } | undefined

/** Where this deployment keeps originals: Supabase Storage when its URL and a server key are set, else Postgres. */
export function configuredOriginals(): OriginalStore {
  const env = config()
  if (cached?.env === env) return cached.store
  const store =
    env.NEXT_PUBLIC_SUPABASE_URL && env.SUPABASE_SECRET_KEY
      ? new SupabaseOriginals(
          createClient(env.NEXT_PUBLIC_SUPABASE_URL, env.SUPABASE_SECRET_KEY, {
            auth: { persistSession: false, autoRefreshToken: false },
            realtime: SERVER_REALTIME,
          }).storage,
          env.SUPABASE_STORAGE_BUCKET,
        )
      : postgresOriginals
  cached = { env, store }
  return store
}
