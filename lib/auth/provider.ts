import { authMode } from './index'
import type * as Local from './local/provider'
import type * as Supabase from './supabase/provider'

export type AuthProvider = typeof Local | typeof Supabase

/**
 * The auth actions of the configured mode; both modules have the same shape. Loaded on
 * demand so local mode never loads the Supabase client.
 */
export async function authProvider(): Promise<AuthProvider> {
  return authMode() === 'supabase' ? import('./supabase/provider') : import('./local/provider')
}
